package org.comptoir.catalog.search;

/**
 * A dataset that matched. Why it matched is shown from the dataset as the store gives it ({@link
 * SearchHighlighter#highlight(org.comptoir.catalog.dataset.Description)}), not from the index.
 *
 * @param version the version of the dataset the index holds
 */
public record SearchHit(String datasetId, long version, float score) {}
