package org.comptoir.catalog.search;

import java.util.Optional;

/**
 * What the search needs to know of a harvest source to facet on it: its name and its kind. The
 * catalogue knows sources only by id; the application provides this from the connectors.
 */
@FunctionalInterface
public interface SourceLabels {
    SourceLabels NONE = sourceId -> Optional.empty();

    Optional<SourceLabel> of(String sourceId);

    /**
     * @param name what people call the source
     * @param kind its kind ({@code dcat-ap}, {@code ckan}...)
     */
    record SourceLabel(String name, String kind) {}
}
