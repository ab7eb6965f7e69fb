package org.comptoir.catalog.ingest;

import java.time.Instant;
import java.util.List;

/**
 * The withdrawals a complete run did not make because they were too many for one run, waiting for
 * a person.
 *
 * @param sourceDatasets how many datasets the source had in the catalogue when the run ended
 * @param datasets the datasets the run missed, as they were named then
 * @param reason why the run was held, in French
 * @param decidedBy who confirmed or dismissed it; null while pending
 * @param withdrawn how many the confirmation withdrew; null unless confirmed
 * @param spared how many the confirmation left alone: listed again by their source since the run,
 *     or withdrawn meanwhile; null unless confirmed
 */
public record WithdrawalHold(
        String runId,
        String sourceId,
        Status status,
        int sourceDatasets,
        List<HeldDataset> datasets,
        String reason,
        Instant createdAt,
        Instant decidedAt,
        String decidedBy,
        Integer withdrawn,
        Integer spared) {
    public enum Status {
        PENDING,
        CONFIRMED,
        DISMISSED
    }

    public WithdrawalHold {
        datasets = datasets == null ? List.of() : List.copyOf(datasets);
    }

    /** A dataset a held withdrawal lists. */
    public record HeldDataset(String datasetId, String sourceKey, String title) {}
}
