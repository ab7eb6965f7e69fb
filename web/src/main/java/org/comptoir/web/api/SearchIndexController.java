package org.comptoir.web.api;

import java.util.ArrayList;
import java.util.SortedSet;
import org.comptoir.catalog.search.SearchEngine;
import org.comptoir.catalog.search.index.SearchIndexer;
import org.comptoir.web.api.generated.SearchApi;
import org.comptoir.web.api.generated.model.Consistency;
import org.comptoir.web.api.generated.model.Discrepancy;
import org.comptoir.web.api.generated.model.Reindexed;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The search index for those who run the catalogue: rebuild it, compare it with the store. */
@RestController
@RequestMapping("/api/v1")
class SearchIndexController implements SearchApi {
    /** Identifiers listed per kind of discrepancy; the count says how many there are in all. */
    static final int SAMPLE = 100;

    private final SearchIndexer indexer;
    private final SearchEngine engine;

    SearchIndexController(SearchIndexer indexer, SearchEngine engine) {
        this.indexer = indexer;
        this.engine = engine;
    }

    @Override
    public ResponseEntity<Reindexed> reindex() {
        var rebuilt = indexer.rebuild();
        return ResponseEntity.ok(
                new Reindexed(rebuilt.datasets(), rebuilt.took().toMillis()));
    }

    @Override
    public ResponseEntity<Consistency> checkConsistency() {
        var report = indexer.consistency();
        return ResponseEntity.ok(new Consistency(
                report.consistent(),
                engine.name(),
                report.stored(),
                report.indexed(),
                discrepancy(report.missing()),
                discrepancy(report.stale()),
                discrepancy(report.orphans()),
                report.appliedChange(),
                report.latestChange()));
    }

    private static Discrepancy discrepancy(SortedSet<String> ids) {
        return new Discrepancy(
                (long) ids.size(), new ArrayList<>(ids.stream().limit(SAMPLE).toList()));
    }
}
