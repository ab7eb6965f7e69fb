package org.comptoir.catalog.dataset;

/**
 * Published after a dataset was created, changed or withdrawn, inside the transaction that did it.
 *
 * @param change what happened
 * @param actor who did it: a user name, or {@code harvest:<sourceId>}
 */
public record DatasetChanged(String datasetId, long version, Change change, String actor) {
    public enum Change {
        CREATED,
        UPDATED,
        WITHDRAWN
    }
}
