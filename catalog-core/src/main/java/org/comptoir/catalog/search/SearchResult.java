package org.comptoir.catalog.search;

import java.util.List;
import java.util.Map;

/**
 * One page of hits, the total over all pages, and for each dimension the values present in the
 * whole result set with their counts, largest first (then by value). Only datasets the viewer may see are hits,
 * counted or faceted.
 */
public record SearchResult(List<SearchHit> hits, long total, Map<Facet, List<FacetValue>> facets, int page, int size) {
    /** A dimension lists at most this many values, the most frequent. */
    public static final int MAX_FACET_VALUES = 100;

    public SearchResult {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }
}
