package org.comptoir.connectors.harvest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One harvest of a source: its status, progress and counts, updated while it runs.
 *
 * @param trigger what started it, and who
 * @param startedAt when the run was asked for
 * @param finishedAt when it succeeded, failed or was cancelled; null while it is active
 * @param progressedAt when it last wrote progress
 * @param seen records read so far
 * @param total records the source says it holds (e.g. {@code hydra:totalItems}), or null
 * @param pages pages read so far
 * @param currentUrl the page being read (or last read), or null before the first one
 * @param errors the records that failed, in the order met (the first {@value HarvestRun#MAX_ERRORS})
 * @param failureReason why the run failed, why it awaits confirmation, or who cancelled it, in
 *     French; null otherwise
 * @param cancelRequestedBy who asked to cancel the run while it goes, or null
 */
public record HarvestRun(
        String id,
        String sourceId,
        RunStatus status,
        RunTrigger trigger,
        Instant startedAt,
        Instant finishedAt,
        Instant progressedAt,
        long seen,
        Long total,
        int pages,
        String currentUrl,
        Counts counts,
        List<RecordError> errors,
        String failureReason,
        String cancelRequestedBy) {
    /** How many record errors a run keeps; {@link Counts#failed()} still counts them all. */
    public static final int MAX_ERRORS = 1000;

    public HarvestRun {
        counts = counts == null ? Counts.ZERO : counts;
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** How long the run went on, or has been going on at {@code now}. */
    public Duration duration(Instant now) {
        var end = finishedAt != null ? finishedAt : now;
        return end.isBefore(startedAt) ? Duration.ZERO : Duration.between(startedAt, end);
    }

    /** Records read per second over the run so far, or 0 before the first second. */
    public double ratePerSecond(Instant now) {
        double seconds = duration(now).toMillis() / 1000.0;
        return seconds < 1 ? 0 : seen / seconds;
    }
}
