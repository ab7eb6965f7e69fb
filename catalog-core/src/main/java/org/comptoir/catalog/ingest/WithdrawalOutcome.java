package org.comptoir.catalog.ingest;

/**
 * What the end of a complete run did to the datasets its source no longer listed.
 *
 * @param missing datasets of the source that the run did not see
 * @param withdrawn those withdrawn now (their grace was over)
 * @param held those left in place because they were too many: a person confirms or dismisses
 *     their withdrawal (see {@link HarvestWithdrawals#confirm})
 * @param reason why the run was held, in French, naming the settings; null when it was not
 */
public record WithdrawalOutcome(int missing, int withdrawn, int held, String reason) {
    /** Whether the run waits for a person to confirm its withdrawals. */
    public boolean needsConfirmation() {
        return held > 0;
    }
}
