package org.comptoir.catalog.search;

import java.util.List;
import java.util.Map;

/**
 * A dataset that matched, with why.
 *
 * @param highlights per field ({@code title}, {@code description}, {@code keywords},
 *     {@code distributions}), short snippets of the field's text where the query's words appear,
 *     HTML-escaped, the matched words wrapped in {@code <mark>} and {@code </mark>}
 */
public record SearchHit(String datasetId, long version, float score, Map<String, List<String>> highlights) {
    public SearchHit {
        highlights = Map.copyOf(highlights);
    }
}
