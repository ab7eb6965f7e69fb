package org.comptoir.catalog.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Held withdrawals and the datasets they list (tables {@code withdrawal_hold}, {@code withdrawal_hold_dataset}). */
class WithdrawalHolds {
    private static final int CHUNK = 200;
    private static final int MAX_TEXT = 2000;

    private final JdbcClient jdbc;

    WithdrawalHolds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void create(WithdrawalHold hold) {
        jdbc.sql("INSERT INTO withdrawal_hold (run_id, source_id, status, source_datasets, reason, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        hold.runId(),
                        hold.sourceId(),
                        hold.status().name(),
                        hold.sourceDatasets(),
                        clip(hold.reason(), MAX_TEXT),
                        Timestamp.from(hold.createdAt()))
                .update();
        var datasets = hold.datasets();
        for (int i = 0; i < datasets.size(); i += CHUNK) {
            var chunk = datasets.subList(i, Math.min(datasets.size(), i + CHUNK));
            var params = new ArrayList<Object>();
            chunk.forEach(d -> params.addAll(
                    List.of(hold.runId(), d.datasetId(), clip(d.sourceKey(), MAX_TEXT), clip(d.title(), 500))));
            jdbc.sql("INSERT INTO withdrawal_hold_dataset (run_id, dataset_id, source_key, title) VALUES "
                            + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?)")))
                    .params(params)
                    .update();
        }
    }

    Optional<WithdrawalHold> find(String runId) {
        return jdbc.sql("SELECT run_id, source_id, status, source_datasets, reason, created_at, decided_at, "
                        + "decided_by, withdrawn, spared FROM withdrawal_hold WHERE run_id = ?")
                .param(runId)
                .query(WithdrawalHolds::row)
                .optional()
                .map(this::withDatasets);
    }

    /** @return false when the hold was no longer pending */
    boolean decide(
            String runId, WithdrawalHold.Status status, String by, Instant at, Integer withdrawn, Integer spared) {
        return jdbc.sql("UPDATE withdrawal_hold SET status = ?, decided_by = ?, decided_at = ?, withdrawn = ?, "
                                + "spared = ? WHERE run_id = ? AND status = 'PENDING'")
                        .params(status.name(), clip(by, 255), Timestamp.from(at), withdrawn, spared, runId)
                        .update()
                == 1;
    }

    private WithdrawalHold withDatasets(WithdrawalHold hold) {
        var datasets = jdbc.sql("SELECT dataset_id, source_key, title FROM withdrawal_hold_dataset WHERE run_id = ? "
                        + "ORDER BY title, dataset_id")
                .param(hold.runId())
                .query((r, n) -> new WithdrawalHold.HeldDataset(r.getString(1), r.getString(2), r.getString(3)))
                .list();
        return new WithdrawalHold(
                hold.runId(),
                hold.sourceId(),
                hold.status(),
                hold.sourceDatasets(),
                datasets,
                hold.reason(),
                hold.createdAt(),
                hold.decidedAt(),
                hold.decidedBy(),
                hold.withdrawn(),
                hold.spared());
    }

    private static WithdrawalHold row(ResultSet rs, int rowNum) throws SQLException {
        var decidedAt = rs.getTimestamp("decided_at");
        var withdrawn = rs.getInt("withdrawn");
        var decided = !rs.wasNull();
        var spared = rs.getInt("spared");
        return new WithdrawalHold(
                rs.getString("run_id"),
                rs.getString("source_id"),
                WithdrawalHold.Status.valueOf(rs.getString("status")),
                rs.getInt("source_datasets"),
                List.of(),
                rs.getString("reason"),
                rs.getTimestamp("created_at").toInstant(),
                decidedAt == null ? null : decidedAt.toInstant(),
                rs.getString("decided_by"),
                decided ? withdrawn : null,
                decided ? spared : null);
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
