/**
 * How the search index follows the store: every dataset change writes a row to the {@link
 * org.comptoir.catalog.search.index.SearchOutbox} in its own transaction, and the {@link
 * org.comptoir.catalog.search.index.SearchIndexer} of each node applies those rows to its index, can
 * rebuild the index from the store, and compares the two.
 */
package org.comptoir.catalog.search.index;
