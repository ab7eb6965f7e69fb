package org.comptoir.connectors.harvest;

/**
 * What a run did to the catalogue.
 *
 * @param added datasets new to the catalogue
 * @param updated datasets whose description changed at the source
 * @param unchanged datasets seen again with the same content, not written
 * @param withdrawn datasets of the source that complete runs no longer saw, withdrawn once their
 *     grace was over (never deleted)
 * @param failed records that could not be taken in (see the run's errors)
 * @param reconciled records whose source key was new but that were a dataset the source already
 *     had (same landing page, distribution URL or identifier): that dataset took the new key
 * @param held datasets the run would have withdrawn but left in place, waiting for a person to
 *     confirm (the run is then {@link RunStatus#TO_CONFIRM})
 */
public record Counts(int added, int updated, int unchanged, int withdrawn, int failed, int reconciled, int held) {
    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0);

    /** Counts of a run that reconciled nothing and held nothing. */
    public Counts(int added, int updated, int unchanged, int withdrawn, int failed) {
        this(added, updated, unchanged, withdrawn, failed, 0, 0);
    }
}
