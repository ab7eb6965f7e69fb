/**
 * The Elasticsearch adapter of the search port ({@link
 * org.comptoir.catalog.search.elasticsearch.ElasticsearchSearchEngine}): one index shared by every
 * Comptoir node of a cluster, holding the tokens of the application's French analysis, written with
 * the dataset version as external version so that replays and slow nodes never undo a newer write.
 */
package org.comptoir.catalog.search.elasticsearch;
