package org.comptoir.connectors.harvest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.comptoir.catalog.ingest.IngestOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The harvest runs, their record errors and their checkpoints, in the relational store. While a run
 * is active, its {@code active_source} column holds its source's id under a unique constraint: the
 * database itself refuses a second active run of a source, whatever the node. The node driving a run
 * holds a lease it renews; every write of a run's progress names the run's {@code attempt}, so a
 * node that lost its lease (stopped, paused, cut off) writes nothing more once another took over.
 */
class HarvestRuns {
    private static final int MAX_TEXT = 2000;
    private static final String COLUMNS = "id, source_id, status, trigger_kind, triggered_by, started_at, finished_at, "
            + "progressed_at, seen, total, pages, current_url, added, updated, unchanged, withdrawn, failed, "
            + "reconciled, held, failure_reason, cancel_requested_by";
    private static final String ACTIVE = "('QUEUED', 'RUNNING')";
    /** Keys a checkpoint inserts per statement: 4 parameters each. */
    private static final int KEYS_PER_INSERT = 250;

    private final JdbcClient jdbc;

    HarvestRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A run of a source that is still active, and until when its node holds it. */
    record Active(String id, Instant leaseUntil) {}

    /** Who drives an active run: a node, under a numbered attempt, until its lease ends. */
    record Claim(String runId, String sourceId, String node, int attempt) {}

    /** Where an interrupted run resumes: its next page, and what it had taken in before. */
    record Checkpoint(String nextUrl, int pages, Long total, Map<String, IngestOutcome.Kind> keys, int errorsKept) {}

    /** A record taken in and how it went, for the checkpoint. */
    record Taken(String sourceKey, IngestOutcome.Kind outcome) {}

    /** Holds the source's row until the transaction ends, so two starts of one source queue one run. */
    boolean lockSource(String sourceId) {
        return jdbc.sql("SELECT id FROM harvest_source WHERE id = ? AND deleted_at IS NULL FOR UPDATE")
                .param(sourceId)
                .query(String.class)
                .optional()
                .isPresent();
    }

    Optional<Active> active(String sourceId) {
        return jdbc.sql("SELECT id, lease_until FROM harvest_run WHERE active_source = ?")
                .param(sourceId)
                .query((rs, n) -> new Active(rs.getString(1), instant(rs.getTimestamp(2))))
                .optional();
    }

    /** Queues a run, held by {@code node} as its first attempt. */
    void queue(String runId, String sourceId, RunTrigger trigger, String node, Instant leaseUntil, Instant now) {
        jdbc.sql(
                        "INSERT INTO harvest_run (id, source_id, status, trigger_kind, triggered_by, started_at, progressed_at, "
                                + "seen, pages, added, updated, unchanged, withdrawn, failed, node, attempt, lease_until, "
                                + "active_source) VALUES (?, ?, 'QUEUED', ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, ?, 1, ?, ?)")
                .params(
                        runId,
                        sourceId,
                        trigger.kind().name(),
                        trigger.user(),
                        Timestamp.from(now),
                        Timestamp.from(now),
                        node,
                        Timestamp.from(leaseUntil),
                        sourceId)
                .update();
    }

    /** The current claim on an active run. */
    Optional<Claim> claim(String runId) {
        return jdbc.sql("SELECT id, source_id, node, attempt FROM harvest_run WHERE id = ? AND status IN " + ACTIVE)
                .param(runId)
                .query((rs, n) -> new Claim(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .optional();
    }

    /** Active runs whose node let their lease lapse (stopped or crashed), oldest first. */
    List<String> interrupted(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM harvest_run WHERE status IN " + ACTIVE
                        + " AND lease_until < ? ORDER BY started_at LIMIT ?")
                .params(Timestamp.from(now), limit)
                .query(String.class)
                .list();
    }

    /**
     * Takes over a run whose lease lapsed, as a new attempt.
     *
     * @return the new claim, or empty when the lease is held (another node was faster)
     */
    Optional<Claim> takeOver(String runId, String node, Instant leaseUntil, Instant now) {
        int changed = jdbc.sql("UPDATE harvest_run SET node = ?, attempt = attempt + 1, lease_until = ? WHERE id = ? "
                        + "AND status IN " + ACTIVE + " AND lease_until < ?")
                .params(node, Timestamp.from(leaseUntil), runId, Timestamp.from(now))
                .update();
        return changed == 1 ? claim(runId) : Optional.empty();
    }

    /** Extends the leases of the runs a node drives. */
    void renew(String node, Instant leaseUntil) {
        jdbc.sql("UPDATE harvest_run SET lease_until = ? WHERE node = ? AND status IN " + ACTIVE)
                .params(Timestamp.from(leaseUntil), node)
                .update();
    }

    /** Ends the leases of the runs a stopping node drives, so that they resume at once elsewhere. */
    void release(String node, Instant now) {
        jdbc.sql("UPDATE harvest_run SET lease_until = ? WHERE node = ? AND status IN " + ACTIVE)
                .params(Timestamp.from(now.minusMillis(1)), node)
                .update();
    }

    boolean markRunning(Claim claim, Instant now) {
        return jdbc.sql("UPDATE harvest_run SET status = 'RUNNING', progressed_at = ? WHERE id = ? AND attempt = ? "
                                + "AND status IN " + ACTIVE)
                        .params(Timestamp.from(now), claim.runId(), claim.attempt())
                        .update()
                == 1;
    }

    /** @return false when the run is no longer this attempt's (taken over, cancelled, finished) */
    boolean progress(Claim claim, long seen, Long total, int pages, String currentUrl, Counts counts, Instant now) {
        return jdbc.sql(
                                "UPDATE harvest_run SET seen = ?, total = ?, pages = ?, current_url = ?, added = ?, updated = ?, "
                                        + "unchanged = ?, withdrawn = ?, failed = ?, reconciled = ?, held = ?, progressed_at = ? "
                                        + "WHERE id = ? AND attempt = ? "
                                        + "AND status = 'RUNNING'")
                        .params(
                                seen,
                                total,
                                pages,
                                clip(currentUrl),
                                counts.added(),
                                counts.updated(),
                                counts.unchanged(),
                                counts.withdrawn(),
                                counts.failed(),
                                counts.reconciled(),
                                counts.held(),
                                Timestamp.from(now),
                                claim.runId(),
                                claim.attempt())
                        .update()
                == 1;
    }

    /**
     * Saves what a run took in since its last checkpoint and, unless null, where it goes on; call it
     * in a transaction, with {@link #progress} first (which tells whether the run is still this
     * attempt's).
     */
    void checkpoint(
            Claim claim, String nextUrl, int firstSeq, List<Taken> taken, int firstError, List<RecordError> errors) {
        if (nextUrl != null) {
            moveOn(claim, nextUrl);
        }
        // a dump is one page: its hundred thousand keys go a few hundred per statement
        for (int from = 0; from < taken.size(); from += KEYS_PER_INSERT) {
            var chunk = taken.subList(from, Math.min(taken.size(), from + KEYS_PER_INSERT));
            var params = new ArrayList<Object>(4 * chunk.size());
            int seq = firstSeq + from;
            for (var record : chunk) {
                params.addAll(List.of(
                        claim.runId(),
                        seq++,
                        clip(record.sourceKey()),
                        record.outcome().name()));
            }
            jdbc.sql("INSERT INTO harvest_run_key (run_id, seq, source_key, outcome) VALUES "
                            + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?)")))
                    .params(params)
                    .update();
        }
        int errorSeq = firstError;
        for (var error : errors) {
            addError(claim.runId(), errorSeq++, error);
        }
    }

    /**
     * Saves the page an attempt goes on with.
     *
     * @return false when the run is no longer this attempt's
     */
    boolean moveOn(Claim claim, String nextUrl) {
        return jdbc.sql("UPDATE harvest_run SET next_url = ? WHERE id = ? AND attempt = ? AND status = 'RUNNING'")
                        .params(clip(nextUrl), claim.runId(), claim.attempt())
                        .update()
                == 1;
    }

    Checkpoint checkpointOf(String runId) {
        var keys = new LinkedHashMap<String, IngestOutcome.Kind>();
        jdbc.sql("SELECT source_key, outcome FROM harvest_run_key WHERE run_id = ? ORDER BY seq")
                .param(runId)
                .query((ResultSet rs) -> {
                    keys.put(rs.getString(1), IngestOutcome.Kind.valueOf(rs.getString(2)));
                });
        int errors = jdbc.sql("SELECT COUNT(*) FROM harvest_run_error WHERE run_id = ?")
                .param(runId)
                .query(Integer.class)
                .single();
        return jdbc.sql("SELECT next_url, pages, total FROM harvest_run WHERE id = ?")
                .param(runId)
                .query((rs, n) -> {
                    long total = rs.getLong(3);
                    return new Checkpoint(rs.getString(1), rs.getInt(2), rs.wasNull() ? null : total, keys, errors);
                })
                .single();
    }

    void addError(String runId, int seq, RecordError error) {
        jdbc.sql("INSERT INTO harvest_run_error (run_id, seq, source_key, reason) VALUES (?, ?, ?, ?)")
                .params(runId, seq, clip(error.sourceKey()), clip(error.reason()))
                .update();
    }

    /**
     * Ends an attempt's run; the source may run again, and the checkpoint goes.
     *
     * @return false when the run was no longer this attempt's
     */
    boolean finish(
            Claim claim,
            RunStatus status,
            long seen,
            Long total,
            int pages,
            Counts counts,
            String reason,
            Instant now) {
        boolean done =
                jdbc.sql("UPDATE harvest_run SET status = ?, seen = ?, total = ?, pages = ?, added = ?, updated = ?, "
                                        + "unchanged = ?, withdrawn = ?, failed = ?, reconciled = ?, held = ?, failure_reason = ?, "
                                        + "finished_at = ?, "
                                        + "progressed_at = ?, active_source = NULL, lease_until = NULL, next_url = NULL "
                                        + "WHERE id = ? AND attempt = ? AND status IN " + ACTIVE)
                                .params(
                                        status.name(),
                                        seen,
                                        total,
                                        pages,
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
                                        claim.runId(),
                                        claim.attempt())
                                .update()
                        == 1;
        if (done) {
            forgetKeys(claim.runId());
        }
        return done;
    }

    /** Ends an active run as it stands (its progress kept), whoever drives it. */
    boolean end(String runId, RunStatus status, String reason, Instant now) {
        boolean done =
                jdbc.sql("UPDATE harvest_run SET status = ?, failure_reason = ?, finished_at = ?, progressed_at = ?, "
                                        + "active_source = NULL, lease_until = NULL, next_url = NULL WHERE id = ? AND status IN "
                                        + ACTIVE)
                                .params(status.name(), clip(reason), Timestamp.from(now), Timestamp.from(now), runId)
                                .update()
                        == 1;
        if (done) {
            forgetKeys(runId);
        }
        return done;
    }

    /** Asks the node driving a run to cancel it at its next page boundary. */
    boolean requestCancel(String runId, String user) {
        return jdbc.sql("UPDATE harvest_run SET cancel_requested_by = ? WHERE id = ? AND status IN " + ACTIVE)
                        .params(user == null ? "?" : clip(user), runId)
                        .update()
                == 1;
    }

    /** Who asked to cancel a run, or null. */
    String cancelRequestedBy(String runId) {
        return jdbc.sql("SELECT cancel_requested_by FROM harvest_run WHERE id = ?")
                .param(runId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
                .optional()
                .flatMap(x -> x)
                .orElse(null);
    }

    /** Deletes the finished runs of a source beyond its {@code keep} newest runs. */
    int prune(String sourceId, int keep) {
        var old = jdbc.sql("SELECT id FROM harvest_run WHERE source_id = ? AND status NOT IN " + ACTIVE
                        + " ORDER BY started_at DESC, id DESC")
                .param(sourceId)
                .query(String.class)
                .list();
        var doomed = new ArrayList<String>();
        var newer = jdbc.sql("SELECT COUNT(*) FROM harvest_run WHERE source_id = ? AND status IN " + ACTIVE)
                .param(sourceId)
                .query(Integer.class)
                .single();
        for (int i = Math.max(0, keep - newer); i < old.size(); i++) {
            doomed.add(old.get(i));
        }
        for (var id : doomed) {
            forgetKeys(id);
            jdbc.sql("DELETE FROM harvest_run_error WHERE run_id = ?").param(id).update();
            jdbc.sql("DELETE FROM harvest_run WHERE id = ?").param(id).update();
        }
        return doomed.size();
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

    private void forgetKeys(String runId) {
        jdbc.sql("DELETE FROM harvest_run_key WHERE run_id = ?").param(runId).update();
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
                run.trigger(),
                run.startedAt(),
                run.finishedAt(),
                run.progressedAt(),
                run.seen(),
                run.total(),
                run.pages(),
                run.currentUrl(),
                run.counts(),
                errors,
                run.failureReason(),
                run.cancelRequestedBy());
    }

    private static HarvestRun row(ResultSet rs, int rowNum) throws SQLException {
        var total = rs.getLong("total");
        var totalKnown = !rs.wasNull();
        return new HarvestRun(
                rs.getString("id"),
                rs.getString("source_id"),
                RunStatus.valueOf(rs.getString("status")),
                new RunTrigger(RunTrigger.Kind.valueOf(rs.getString("trigger_kind")), rs.getString("triggered_by")),
                rs.getTimestamp("started_at").toInstant(),
                instant(rs.getTimestamp("finished_at")),
                instant(rs.getTimestamp("progressed_at")),
                rs.getLong("seen"),
                totalKnown ? total : null,
                rs.getInt("pages"),
                rs.getString("current_url"),
                new Counts(
                        rs.getInt("added"),
                        rs.getInt("updated"),
                        rs.getInt("unchanged"),
                        rs.getInt("withdrawn"),
                        rs.getInt("failed"),
                        rs.getInt("reconciled"),
                        rs.getInt("held")),
                List.of(),
                rs.getString("failure_reason"),
                rs.getString("cancel_requested_by"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String clip(String value) {
        return value == null || value.length() <= MAX_TEXT ? value : value.substring(0, MAX_TEXT - 1) + "…";
    }
}
