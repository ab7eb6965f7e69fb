/**
 * The embedded search engine: a Lucene index on disk under the data folder, the default for one
 * node. It indexes the tokens of the shared French analysis and answers by the shared query plan,
 * so it passes the same contract as the Elasticsearch engine.
 */
package org.comptoir.catalog.search.lucene;
