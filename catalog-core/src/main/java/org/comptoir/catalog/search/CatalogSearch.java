package org.comptoir.catalog.search;

import org.comptoir.catalog.dataset.Dataset;
import org.comptoir.catalog.dataset.DatasetPage;

/** Finds datasets. The store is the truth; an implementation may answer from a derived index. */
public interface CatalogSearch {
    DatasetPage<Dataset> search(SearchQuery query);
}
