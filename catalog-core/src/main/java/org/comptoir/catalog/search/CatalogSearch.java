package org.comptoir.catalog.search;

import java.util.List;

/**
 * Finds datasets: the query side of the search port. The store is the truth; an implementation
 * answers from an index derived from it. Every implementation honours the viewer: a dataset the
 * viewer may not see is never a hit, never counted, never a facet value, never a suggestion.
 */
public interface CatalogSearch {
    SearchResult search(SearchQuery query);

    List<Suggestion> suggest(SuggestQuery query);
}
