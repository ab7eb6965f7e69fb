package org.comptoir.catalog.search;

import java.util.Set;
import org.comptoir.catalog.dataset.Audience;

/**
 * Who searches. The public sees only open datasets; a partner sees the open ones and those its
 * sharing agreements grant it ({@code grants}, matched against {@link SearchDocument#grants()});
 * the authority's own roles see every dataset.
 */
public record Viewer(Audience audience, Set<String> grants) {
    public static final Viewer PUBLIC = new Viewer(Audience.PUBLIC, Set.of());
    public static final Viewer INTERNAL = new Viewer(Audience.INTERNAL, Set.of());

    public Viewer {
        audience = audience == null ? Audience.PUBLIC : audience;
        grants = grants == null ? Set.of() : Set.copyOf(grants);
    }

    public static Viewer partner(Set<String> grants) {
        return new Viewer(Audience.PUBLIC, grants);
    }

    public boolean internal() {
        return audience == Audience.INTERNAL;
    }

    /** Whether this viewer may know that the dataset exists. */
    public boolean sees(SearchDocument document) {
        return internal() || document.open() || document.grants().stream().anyMatch(grants::contains);
    }
}
