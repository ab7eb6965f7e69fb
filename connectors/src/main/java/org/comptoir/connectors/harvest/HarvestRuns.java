package org.comptoir.connectors.harvest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The harvest runs and their record errors, in the relational store. */
class HarvestRuns {
    private static final int MAX_TEXT = 2000;
    private static final String COLUMNS = "id, source_id, status, started_at, finished_at, progressed_at, seen, total, "
            + "added, updated, unchanged, withdrawn, failed, reconciled, held, failure_reason";
    private static final String ACTIVE = "('QUEUED', 'RUNNING')";

    private final JdbcClient jdbc;

    HarvestRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A run of a source that is still active, and when it last made progress. */
    record Active(String id, Instant progressedAt) {}

    /** Holds the source's row until the transaction ends, so two starts of one source queue one run. */
    boolean lockSource(String sourceId) {
        return jdbc.sql("SELECT id FROM harvest_source WHERE id = ? FOR UPDATE")
                .param(sourceId)
                .query(String.class)
                .optional()
                .isPresent();
    }

    Optional<Active> active(String sourceId) {
        return jdbc
                .sql("SELECT id, progressed_at FROM harvest_run WHERE source_id = ? AND status IN " + ACTIVE
                        + " ORDER BY started_at DESC, id DESC")
                .param(sourceId)
                .query((rs, n) -> new Active(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list()
                .stream()
                .findFirst();
    }

    void queue(String runId, String sourceId, Instant now) {
        jdbc.sql("INSERT INTO harvest_run (id, source_id, status, started_at, progressed_at, seen, added, updated, "
                        + "unchanged, withdrawn, failed) VALUES (?, ?, 'QUEUED', ?, ?, 0, 0, 0, 0, 0, 0)")
                .params(runId, sourceId, Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    /** @return false when the run is no longer queued (it was taken as interrupted meanwhile) */
    boolean markRunning(String runId, Instant now) {
        return jdbc.sql(
                                "UPDATE harvest_run SET status = 'RUNNING', progressed_at = ? WHERE id = ? AND status = 'QUEUED'")
                        .params(Timestamp.from(now), runId)
                        .update()
                == 1;
    }

    void progress(String runId, long seen, Long total, Counts counts, Instant now) {
        jdbc.sql("UPDATE harvest_run SET seen = ?, total = ?, added = ?, updated = ?, unchanged = ?, withdrawn = ?, "
                        + "failed = ?, reconciled = ?, held = ?, progressed_at = ? WHERE id = ? AND status = 'RUNNING'")
                .params(
                        seen,
                        total,
                        counts.added(),
                        counts.updated(),
                        counts.unchanged(),
                        counts.withdrawn(),
                        counts.failed(),
                        counts.reconciled(),
                        counts.held(),
                        Timestamp.from(now),
                        runId)
                .update();
    }

    void addError(String runId, int seq, RecordError error) {
        jdbc.sql("INSERT INTO harvest_run_error (run_id, seq, source_key, reason) VALUES (?, ?, ?, ?)")
                .params(runId, seq, clip(error.sourceKey()), clip(error.reason()))
                .update();
    }

    /** @return false when the run had already finished */
    boolean finish(String runId, RunStatus status, long seen, Long total, Counts counts, String reason, Instant now) {
        return jdbc.sql(
                                "UPDATE harvest_run SET status = ?, seen = ?, total = ?, added = ?, updated = ?, unchanged = ?, "
                                        + "withdrawn = ?, failed = ?, reconciled = ?, held = ?, failure_reason = ?, "
                                        + "finished_at = ?, progressed_at = ? "
                                        + "WHERE id = ? AND status IN " + ACTIVE)
                        .params(
                                status.name(),
                                seen,
                                total,
                                counts.added(),
                                counts.updated(),
                                counts.unchanged(),
                                counts.withdrawn(),
                                counts.failed(),
                                counts.reconciled(),
                                counts.held(),
                                clip(reason),
                                Timestamp.from(now),
                                Timestamp.from(now),
                                runId)
                        .update()
                == 1;
    }

    /** Fails a run that is still active, keeping the progress it recorded. */
    boolean fail(String runId, String reason, Instant now) {
        return jdbc.sql(
                                "UPDATE harvest_run SET status = 'FAILED', failure_reason = ?, finished_at = ?, progressed_at = ? "
                                        + "WHERE id = ? AND status IN " + ACTIVE)
                        .params(clip(reason), Timestamp.from(now), Timestamp.from(now), runId)
                        .update()
                == 1;
    }

    Optional<HarvestRun> find(String runId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM harvest_run WHERE id = ?")
                .param(runId)
                .query(HarvestRuns::row)
                .optional()
                .map(this::withErrors);
    }

    /** The latest runs of a source, newest first. */
    List<HarvestRun> ofSource(String sourceId, int limit) {
        return jdbc
                .sql("SELECT " + COLUMNS + " FROM harvest_run WHERE source_id = ? ORDER BY started_at DESC, id DESC "
                        + "LIMIT ?")
                .params(sourceId, limit)
                .query(HarvestRuns::row)
                .list()
                .stream()
                .map(this::withErrors)
                .toList();
    }

    private HarvestRun withErrors(HarvestRun run) {
        var errors = jdbc.sql("SELECT source_key, reason FROM harvest_run_error WHERE run_id = ? ORDER BY seq")
                .param(run.id())
                .query((rs, n) -> new RecordError(rs.getString(1), rs.getString(2)))
                .list();
        return new HarvestRun(
                run.id(),
                run.sourceId(),
                run.status(),
                run.startedAt(),
                run.finishedAt(),
                run.seen(),
                run.total(),
                run.counts(),
                errors,
                run.failureReason());
    }

    private static HarvestRun row(ResultSet rs, int rowNum) throws SQLException {
        var id = rs.getString("id");
        var finished = rs.getTimestamp("finished_at");
        var total = rs.getLong("total");
        var totalKnown = !rs.wasNull();
        return new HarvestRun(
                id,
                rs.getString("source_id"),
                RunStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                rs.getLong("seen"),
                totalKnown ? total : null,
                new Counts(
                        rs.getInt("added"),
                        rs.getInt("updated"),
                        rs.getInt("unchanged"),
                        rs.getInt("withdrawn"),
                        rs.getInt("failed"),
                        rs.getInt("reconciled"),
                        rs.getInt("held")),
                List.of(),
                rs.getString("failure_reason"));
    }

    private static String clip(String value) {
        return value == null || value.length() <= MAX_TEXT ? value : value.substring(0, MAX_TEXT - 1) + "…";
    }
}
