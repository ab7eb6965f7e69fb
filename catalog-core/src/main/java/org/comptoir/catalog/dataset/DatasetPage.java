package org.comptoir.catalog.dataset;

import java.util.List;

/** One page of datasets, with the total over all pages. */
public record DatasetPage<T>(List<T> items, long total, int page, int size) {}
