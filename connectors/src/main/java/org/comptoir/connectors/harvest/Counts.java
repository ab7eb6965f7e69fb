package org.comptoir.connectors.harvest;

/**
 * What a run did to the catalogue.
 *
 * @param added datasets new to the catalogue
 * @param updated datasets whose description changed at the source
 * @param unchanged datasets seen again with the same content, not written
 * @param withdrawn datasets of the source that a complete run no longer saw (withdrawn, never deleted)
 * @param failed records that could not be taken in (see the run's errors)
 */
public record Counts(int added, int updated, int unchanged, int withdrawn, int failed) {
    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0);

    /** The same counts with {@code count} withdrawn. */
    public Counts withWithdrawn(int count) {
        return new Counts(added, updated, unchanged, count, failed);
    }
}
