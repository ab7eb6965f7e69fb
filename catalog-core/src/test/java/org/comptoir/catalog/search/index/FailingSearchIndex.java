package org.comptoir.catalog.search.index;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.comptoir.catalog.search.SearchDocument;
import org.comptoir.catalog.search.SearchException;
import org.comptoir.catalog.search.SearchIndex;

/** A real index whose next writes can be made to fail, as an engine that is down. */
class FailingSearchIndex implements SearchIndex {
    private final SearchIndex index;
    private final AtomicInteger failures = new AtomicInteger();

    FailingSearchIndex(SearchIndex index) {
        this.index = index;
    }

    /** The next {@code count} writes throw. */
    void failNext(int count) {
        failures.set(count);
    }

    @Override
    public void upsert(Collection<SearchDocument> documents) {
        failIfAsked();
        index.upsert(documents);
    }

    @Override
    public void delete(Collection<String> datasetIds) {
        failIfAsked();
        index.delete(datasetIds);
    }

    @Override
    public void commit(long appliedChange) {
        failIfAsked();
        index.commit(appliedChange);
    }

    @Override
    public long appliedChange() {
        return index.appliedChange();
    }

    @Override
    public Map<String, Long> indexedVersions() {
        return index.indexedVersions();
    }

    @Override
    public void clear() {
        failIfAsked();
        index.clear();
    }

    private void failIfAsked() {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new SearchException("search engine unavailable", new java.io.IOException("connection refused"));
        }
    }
}
