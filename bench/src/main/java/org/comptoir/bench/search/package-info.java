/**
 * Issue #3's search benchmark: a synthetic catalogue of French local-authority datasets written into
 * the application's store, then, for the embedded Lucene engine and for Elasticsearch, reindex
 * throughput, search latency at the HTTP API and the heap the index takes (docs/benchmarks.md).
 */
package org.comptoir.bench.search;
