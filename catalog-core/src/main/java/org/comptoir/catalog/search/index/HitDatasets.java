package org.comptoir.catalog.search.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import org.comptoir.catalog.dataset.Dataset;
import org.comptoir.catalog.dataset.Datasets;
import org.comptoir.catalog.search.CatalogSearch;
import org.comptoir.catalog.search.SearchHit;
import org.comptoir.catalog.search.SearchQuery;
import org.comptoir.catalog.search.SearchResult;

/**
 * Searches, and gives the datasets a page of hits shows. A hit comes with its dataset as the index
 * holds it (ADR 0017), which is shown as it is, without reading the store, unless the store may
 * have changed it since: a change recorded in the outbox after the position this node's index had
 * committed when the search began, or a hit without a copy. Those are read from the store, which
 * has the last word: a dataset gone meanwhile, or no longer open to a viewer outside the authority,
 * is left out.
 */
public class HitDatasets {
    private final CatalogSearch search;
    private final SearchIndexer indexer;
    private final SearchOutbox outbox;
    private final Datasets datasets;

    public HitDatasets(CatalogSearch search, SearchIndexer indexer, SearchOutbox outbox, Datasets datasets) {
        this.search = search;
        this.indexer = indexer;
        this.outbox = outbox;
        this.datasets = datasets;
    }

    /** A page of hits and the datasets it shows, in the hits' order. */
    public record Page(SearchResult result, List<Dataset> datasets) {
        public Page {
            datasets = List.copyOf(datasets);
        }
    }

    /**
     * @throws org.comptoir.catalog.search.SearchException when the engine fails
     */
    public Page search(SearchQuery query) {
        // read before the search: the engine's answer reflects at least every change up to it
        long settled = indexer.settled();
        var result = search.search(query);
        var hits = result.hits();
        if (hits.isEmpty()) {
            return new Page(result, List.of());
        }
        var changed = outbox.changedAfter(
                settled, hits.stream().map(SearchHit::datasetId).toList());
        var fromStore = hits.stream()
                .filter(hit -> hit.dataset() == null || changed.contains(hit.datasetId()))
                .map(SearchHit::datasetId)
                .toList();
        var read = new HashMap<String, Dataset>();
        if (!fromStore.isEmpty()) {
            datasets.projected(fromStore).stream()
                    .filter(dataset -> query.viewer().internal() || dataset.isOpen())
                    .forEach(dataset -> read.put(dataset.id(), dataset));
        }
        var shown = new ArrayList<Dataset>(hits.size());
        for (var hit : hits) {
            shown.add(fromStore.contains(hit.datasetId()) ? read.get(hit.datasetId()) : hit.dataset());
        }
        return new Page(result, shown.stream().filter(Objects::nonNull).toList());
    }
}
