package org.comptoir.catalog.search;

import java.util.Collection;
import java.util.Map;

/**
 * The write side of the search port, driven by the indexer that follows the store's outbox. Every
 * method may be called again with the same arguments: indexing is idempotent.
 */
public interface SearchIndex {
    /** Adds or replaces documents; a document never replaces a newer version of the same dataset. */
    void upsert(Collection<SearchDocument> documents);

    /** Removes the documents of these datasets, if present. */
    void delete(Collection<String> datasetIds);

    /**
     * Makes every write so far visible to searches, on every node, and durable, together with the
     * position in the store's change outbox the index now reflects.
     */
    void commit(long appliedChange);

    /** The outbox position of the last {@link #commit}, 0 for a new index. */
    long appliedChange();

    /** Every indexed dataset with its indexed version, for the consistency check. */
    Map<String, Long> indexedVersions();

    /** Empties the index, before a rebuild. */
    void clear();
}
