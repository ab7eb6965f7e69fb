package org.comptoir.catalog.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.comptoir.catalog.dataset.PublicationStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whether a source still lists its datasets: how many consecutive complete runs missed each one,
 * since when, and the status a harvest withdrawal replaced (columns of {@code dataset}). Only
 * datasets whose presence changes are written, so an unchanged re-harvest stays a read.
 */
class SourcePresence {
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;

    SourcePresence(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A dataset of a source that is in the catalogue (not withdrawn), as its presence stands. */
    record Tracked(String datasetId, String sourceKey, String title, int missedRuns, Instant missingSince) {}

    List<Tracked> ofSource(String sourceId) {
        return jdbc.sql("SELECT id, source_key, title, missed_runs, missing_since FROM dataset "
                        + "WHERE source_id = ? AND status <> 'WITHDRAWN'")
                .param(sourceId)
                .query((rs, n) -> {
                    var since = rs.getTimestamp(5);
                    return new Tracked(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getInt(4),
                            since == null ? null : since.toInstant());
                })
                .list();
    }

    /** One more complete run missed these datasets; the first miss sets when they went missing. */
    void missed(List<String> datasetIds, Instant now) {
        for (var chunk : chunks(datasetIds)) {
            jdbc.sql("UPDATE dataset SET missed_runs = missed_runs + 1, "
                            + "missing_since = COALESCE(missing_since, :now) WHERE id IN (:ids)")
                    .param("now", Timestamp.from(now))
                    .param("ids", chunk)
                    .update();
        }
    }

    /** A complete run listed these datasets again: they are no longer missing. */
    void listedAgain(List<String> datasetIds) {
        for (var chunk : chunks(datasetIds)) {
            jdbc.sql("UPDATE dataset SET missed_runs = 0, missing_since = NULL WHERE id IN (:ids)")
                    .param("ids", chunk)
                    .update();
        }
    }

    /** A record of the dataset was taken in: it is present, and no withdrawal is to be undone any more. */
    void present(String datasetId) {
        jdbc.sql("UPDATE dataset SET missed_runs = 0, missing_since = NULL, status_before_withdrawal = NULL "
                        + "WHERE id = ? AND (missed_runs > 0 OR status_before_withdrawal IS NOT NULL)")
                .param(datasetId)
                .update();
    }

    void withdrawnFrom(String datasetId, PublicationStatus before) {
        jdbc.sql("UPDATE dataset SET status_before_withdrawal = ? WHERE id = ?")
                .params(before.name(), datasetId)
                .update();
    }

    /** The status a harvest withdrawal replaced; empty when the dataset was not withdrawn by a harvest. */
    Optional<PublicationStatus> statusBeforeWithdrawal(String datasetId) {
        return jdbc.sql("SELECT status_before_withdrawal FROM dataset WHERE id = ? AND status = 'WITHDRAWN'")
                .param(datasetId)
                .query(String.class)
                .optional()
                .map(PublicationStatus::valueOf);
    }

    /** When the dataset went missing, if it is missing and in the catalogue. */
    Optional<Instant> missingSince(String datasetId) {
        return jdbc.sql("SELECT missing_since FROM dataset WHERE id = ? AND status <> 'WITHDRAWN' "
                        + "AND missing_since IS NOT NULL")
                .param(datasetId)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    private static List<List<String>> chunks(List<String> ids) {
        var chunks = new ArrayList<List<String>>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
        return chunks;
    }
}
