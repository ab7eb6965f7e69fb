package org.comptoir.connectors.harvest;

import java.time.Instant;
import java.util.List;

/**
 * One harvest of a source: its status, progress and counts, updated while it runs.
 *
 * @param startedAt when the run was asked for
 * @param finishedAt when it succeeded or failed, null while it is active
 * @param seen records read so far
 * @param total records the source says it holds (e.g. {@code hydra:totalItems}), or null
 * @param errors the records that failed, in the order met (the first {@value HarvestRun#MAX_ERRORS})
 * @param failureReason why the run failed, in French, naming the URL and the error, or why it awaits
 *     confirmation; null otherwise
 */
public record HarvestRun(
        String id,
        String sourceId,
        RunStatus status,
        Instant startedAt,
        Instant finishedAt,
        long seen,
        Long total,
        Counts counts,
        List<RecordError> errors,
        String failureReason) {
    /** How many record errors a run keeps; {@link Counts#failed()} still counts them all. */
    public static final int MAX_ERRORS = 1000;

    public HarvestRun {
        counts = counts == null ? Counts.ZERO : counts;
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
