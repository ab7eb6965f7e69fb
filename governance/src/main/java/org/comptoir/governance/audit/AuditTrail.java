package org.comptoir.governance.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.comptoir.catalog.dataset.DatasetChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records every change to a dataset. The catalogue publishes {@link DatasetChanged} inside the
 * transaction of the change, so the audit row commits, or rolls back, with it.
 */
public class AuditTrail {
    private final JdbcClient jdbc;

    public AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    public void on(DatasetChanged event) {
        jdbc.sql("INSERT INTO audit_event (occurred_at, actor, action, dataset_id, version) VALUES (?, ?, ?, ?, ?)")
                .params(
                        Timestamp.from(Instant.now()),
                        clip(event.actor()),
                        event.change().name(),
                        event.datasetId(),
                        event.version())
                .update();
    }

    /** The changes to a dataset, oldest first. */
    public List<AuditEvent> of(String datasetId) {
        return jdbc.sql("SELECT occurred_at, actor, action, dataset_id, version FROM audit_event "
                        + "WHERE dataset_id = ? ORDER BY id")
                .param(datasetId)
                .query((rs, n) -> new AuditEvent(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5)))
                .list();
    }

    private static String clip(String actor) {
        return actor == null ? "inconnu" : actor.length() > 200 ? actor.substring(0, 200) : actor;
    }
}
