package org.comptoir.catalog.dataset;

/** Who may read a dataset's data, mapped to the EU access-right authority table. */
public enum AccessLevel {
    PUBLIC,
    RESTRICTED,
    NON_PUBLIC;

    public static final String AUTHORITY = "http://publications.europa.eu/resource/authority/access-right/";

    public String iri() {
        return AUTHORITY + name();
    }

    public static AccessLevel fromIri(String iri) {
        if (iri != null && iri.startsWith(AUTHORITY)) {
            for (var level : values()) {
                if (iri.equals(level.iri())) {
                    return level;
                }
            }
        }
        return null;
    }
}
