package org.comptoir.catalog.dataset;

/**
 * Who is looking. The public sees only open datasets ({@link Governance#isOpen()}); internal users
 * (the authority's own roles) see every dataset.
 */
public enum Audience {
    PUBLIC,
    INTERNAL
}
