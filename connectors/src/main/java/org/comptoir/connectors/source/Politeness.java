package org.comptoir.connectors.source;

/**
 * How gently a source is harvested.
 *
 * @param maxRequestsPerSecond the most requests a run sends the source per second (e.g. 0.5: one
 *     every two seconds), or null for no limit
 * @param pageSize how many records to ask for per page, for kinds whose source lets the client
 *     choose, or null for the default ({@value #DEFAULT_PAGE_SIZE})
 */
public record Politeness(Double maxRequestsPerSecond, Integer pageSize) {
    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final Politeness NONE = new Politeness(null, null);

    /** The page size to ask for. */
    public int effectivePageSize() {
        return pageSize == null ? DEFAULT_PAGE_SIZE : pageSize;
    }
}
