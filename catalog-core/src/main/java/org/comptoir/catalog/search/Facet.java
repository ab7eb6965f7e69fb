package org.comptoir.catalog.search;

import java.util.Arrays;
import java.util.Optional;

/**
 * A dimension a search can be filtered and counted on. {@link #apiName()} is the name of the
 * query parameter and of the key in the response's {@code facets} object.
 */
public enum Facet {
    THEME("theme", false),
    PUBLISHER("publisher", false),
    OWNER("owner", true),
    ORG_UNIT("orgUnit", false),
    FORMAT("format", false),
    LICENSE("license", false),
    ACCESS_LEVEL("accessLevel", false),
    PERSONAL_DATA("personalData", false),
    STATUS("status", false),
    SOURCE_KIND("sourceKind", false),
    SOURCE("source", false);

    private final String apiName;
    private final boolean internalOnly;

    Facet(String apiName, boolean internalOnly) {
        this.apiName = apiName;
        this.internalOnly = internalOnly;
    }

    public String apiName() {
        return apiName;
    }

    /**
     * True for a dimension whose values name people (the data owner): it is neither counted nor
     * filtered on for a viewer outside the authority, as the open feed leaves owner names out.
     */
    public boolean internalOnly() {
        return internalOnly;
    }

    public static Optional<Facet> ofApiName(String name) {
        return Arrays.stream(values()).filter(f -> f.apiName.equals(name)).findFirst();
    }
}
