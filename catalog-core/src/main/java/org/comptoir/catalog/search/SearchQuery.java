package org.comptoir.catalog.search;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.comptoir.catalog.dataset.PublicationStatus;

/**
 * A search over the catalogue.
 *
 * @param text words to find, may be empty (then every visible dataset matches); words in double
 *     quotes are a phrase
 * @param filters per dimension, the values a dataset must have one of; dimensions combine with AND
 * @param modifiedFrom keep datasets modified on or after this day, or null
 * @param modifiedTo keep datasets modified on or before this day, or null
 * @param bbox keep datasets whose spatial coverage intersects this box, or null
 * @param sort the order of hits
 * @param viewer who asks; decides which datasets exist for the answer, counts and facets included
 * @param page zero-based page
 * @param size page size, 1 to 100
 * @param language the language facet labels are wanted in ({@code fr} or {@code en})
 */
public record SearchQuery(
        String text,
        Map<Facet, Set<String>> filters,
        LocalDate modifiedFrom,
        LocalDate modifiedTo,
        BoundingBox bbox,
        Sort sort,
        Viewer viewer,
        int page,
        int size,
        String language) {
    public static final int MAX_SIZE = 100;
    /** Paging stops here: deeper pages cost every engine more than any person reads. */
    public static final int MAX_WINDOW = 10_000;

    public enum Sort {
        /** Best match first; with no text, most recently modified first. */
        RELEVANCE,
        /** Most recently modified first. */
        MODIFIED,
        /** By French title, then English. */
        TITLE
    }

    public SearchQuery {
        text = text == null ? "" : text.strip();
        viewer = viewer == null ? Viewer.PUBLIC : viewer;
        sort = sort == null ? Sort.RELEVANCE : sort;
        language = "en".equals(language) ? "en" : "fr";
        var copy = new EnumMap<Facet, Set<String>>(Facet.class);
        if (filters != null) {
            final var internal = viewer.internal();
            filters.forEach((facet, values) -> {
                if (values != null && !values.isEmpty() && (internal || !facet.internalOnly())) {
                    copy.put(facet, Set.copyOf(values));
                }
            });
        }
        filters = Map.copyOf(copy);
        if (page < 0) {
            throw new IllegalArgumentException("page must be >= 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
        if ((long) (page + 1) * size > MAX_WINDOW) {
            throw new IllegalArgumentException("page * size must stay within the first " + MAX_WINDOW + " hits");
        }
        if (modifiedFrom != null && modifiedTo != null && modifiedFrom.isAfter(modifiedTo)) {
            throw new IllegalArgumentException("modifiedFrom must not be after modifiedTo");
        }
    }

    /**
     * Whether withdrawn datasets are wanted: only when a status filter asks for them; every other
     * search leaves them out.
     */
    public boolean includesWithdrawn() {
        return filters.getOrDefault(Facet.STATUS, Set.of()).contains(PublicationStatus.WITHDRAWN.name());
    }

    /** The simplest query: words, for a viewer, one page, by relevance. */
    public static SearchQuery of(String text, Viewer viewer, int page, int size) {
        return new SearchQuery(text, Map.of(), null, null, null, Sort.RELEVANCE, viewer, page, size, "fr");
    }
}
