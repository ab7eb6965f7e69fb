package org.comptoir.catalog.search.index;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.comptoir.catalog.search.SearchDocument;
import org.comptoir.catalog.search.SearchIndex;

/**
 * An index held in memory that shows only what was committed, as a search engine does, keeps the
 * newer version of a document, and can be told to fail.
 */
class RecordingSearchIndex implements SearchIndex {
    private final Map<String, SearchDocument> pending = new HashMap<>();
    private final Map<String, SearchDocument> visible = new HashMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    private long applied;

    /** The next {@code count} writes throw, as an engine that is down. */
    void failNext(int count) {
        failures.set(count);
    }

    synchronized Map<String, SearchDocument> committed() {
        return Map.copyOf(visible);
    }

    @Override
    public synchronized void upsert(Collection<SearchDocument> documents) {
        failIfAsked();
        documents.forEach(d -> pending.merge(d.id(), d, (old, neu) -> neu.version() >= old.version() ? neu : old));
    }

    @Override
    public synchronized void delete(Collection<String> datasetIds) {
        failIfAsked();
        datasetIds.forEach(id -> pending.put(id, null));
    }

    @Override
    public synchronized void commit(long appliedChange) {
        failIfAsked();
        pending.forEach((id, document) -> {
            if (document == null) {
                visible.remove(id);
            } else {
                visible.put(id, document);
            }
        });
        pending.clear();
        applied = appliedChange;
    }

    @Override
    public synchronized long appliedChange() {
        return applied;
    }

    @Override
    public synchronized Map<String, Long> indexedVersions() {
        var versions = new HashMap<String, Long>();
        visible.forEach((id, d) -> versions.put(id, d.version()));
        return versions;
    }

    @Override
    public synchronized void clear() {
        failIfAsked();
        visible.clear();
        pending.clear();
    }

    private void failIfAsked() {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("search engine unavailable");
        }
    }
}
