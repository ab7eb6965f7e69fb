/**
 * The harvest benchmark (docs/benchmarks.md, section Harvest): a generated DCAT-AP catalogue served
 * from a local HTTP server, paged and as one dump, harvested by the packaged application in its own
 * JVM, against a bare parse of the same bytes.
 */
package org.comptoir.bench.harvest;
