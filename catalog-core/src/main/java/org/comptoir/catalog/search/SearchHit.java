package org.comptoir.catalog.search;

import org.comptoir.catalog.dataset.Dataset;

/**
 * A dataset that matched, and the dataset as the index holds it, to be shown without reading the
 * store. Why it matched is shown from that dataset ({@link
 * SearchHighlighter#highlight(org.comptoir.catalog.dataset.Description)}).
 *
 * @param version the version of the dataset the index holds
 * @param dataset that version, as the index keeps it; null when the index has no copy (a document
 *     indexed before copies were kept, or one that stands alone): the store is read instead
 */
public record SearchHit(String datasetId, long version, float score, Dataset dataset) {}
