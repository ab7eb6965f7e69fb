/**
 * The search port of the catalogue: {@link org.comptoir.catalog.search.CatalogSearch} to find
 * datasets, {@link org.comptoir.catalog.search.SearchIndex} to keep an index, and the {@link
 * org.comptoir.catalog.search.SearchEngine} adapters that do both (Lucene embedded, Elasticsearch),
 * chosen with {@link org.comptoir.catalog.search.SearchProperties}; and what every engine shares:
 * the documents built from datasets ({@link org.comptoir.catalog.search.SearchDocuments}), the
 * French analysis done in the application ({@link org.comptoir.catalog.search.SearchAnalysis}), the
 * query plan, the highlighter and the completion rules. Every implementation honours the viewer:
 * the public never sees a dataset that is not open, not even as a count.
 */
package org.comptoir.catalog.search;
