/**
 * The search port of the catalogue ({@link org.comptoir.catalog.search.CatalogSearch}, {@link
 * org.comptoir.catalog.search.SearchIndex}), its embedded adapter over the relational store, and
 * what every engine shares: the documents built from datasets ({@link
 * org.comptoir.catalog.search.SearchDocuments}), the French analysis done in the application
 * ({@link org.comptoir.catalog.search.SearchAnalysis}), the query plan, the highlighter and the
 * completion rules. Every implementation honours the audience: the public never sees a dataset that
 * is not open, not even as a count.
 */
package org.comptoir.catalog.search;
