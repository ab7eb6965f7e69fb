/**
 * The search port of the catalogue: {@link org.comptoir.catalog.search.CatalogSearch} to find
 * datasets, {@link org.comptoir.catalog.search.SearchIndex} to keep an index, and the {@link
 * org.comptoir.catalog.search.SearchEngine} adapters that do both (Lucene embedded, Elasticsearch),
 * chosen with {@link org.comptoir.catalog.search.SearchProperties}. Every implementation honours the
 * viewer: the public never sees a dataset that is not open, not even as a count.
 */
package org.comptoir.catalog.search;
