package org.comptoir.catalog.search.index;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.comptoir.catalog.dataset.DatasetChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The search index's outbox in the relational store: one row per dataset change, written by
 * {@link #on(DatasetChanged)} inside the transaction of the change, so it commits, or rolls back,
 * with it. Positions come from an auto-increment column: they grow, but concurrent transactions
 * may commit them out of order, and a rolled-back transaction leaves a position unused forever.
 */
public class SearchOutbox {
    /** Longest list of positions sent in one {@code IN (...)}. */
    private static final int IN_CHUNK = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    public SearchOutbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a change, in the transaction that publishes the event. */
    @EventListener
    public void on(DatasetChanged event) {
        jdbc.sql("INSERT INTO search_outbox (dataset_id, changed_at) VALUES (?, ?)")
                .params(event.datasetId(), Timestamp.from(clock.instant()))
                .update();
    }

    /** The first committed changes after a position, in position order. */
    public List<Change> after(long position, int limit) {
        return jdbc.sql("SELECT position, dataset_id FROM search_outbox WHERE position > ? ORDER BY position LIMIT ?")
                .params(position, limit)
                .query((rs, n) -> new Change(rs.getLong(1), rs.getString(2)))
                .list();
    }

    /** The changes at these positions that have committed by now. */
    public List<Change> at(Collection<Long> positions) {
        var found = new ArrayList<Change>();
        var all = List.copyOf(positions);
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            found.addAll(jdbc.sql("SELECT position, dataset_id FROM search_outbox WHERE position IN (:positions)")
                    .param("positions", all.subList(from, Math.min(all.size(), from + IN_CHUNK)))
                    .query((rs, n) -> new Change(rs.getLong(1), rs.getString(2)))
                    .list());
        }
        return found;
    }

    /** The highest position committed so far, 0 when the outbox is empty. */
    public long latest() {
        return jdbc.sql("SELECT COALESCE(MAX(position), 0) FROM search_outbox")
                .query(Long.class)
                .single();
    }

    /** The lowest position still kept, 0 when the outbox is empty. */
    public long earliest() {
        return jdbc.sql("SELECT COALESCE(MIN(position), 0) FROM search_outbox")
                .query(Long.class)
                .single();
    }

    /** The first position recorded at or after a time; one past {@link #latest()} when none was. */
    public long firstSince(Instant time) {
        var first = jdbc.sql("SELECT MIN(position) FROM search_outbox WHERE changed_at >= ?")
                .param(Timestamp.from(time))
                .query(Long.class)
                .optional()
                .orElse(null);
        return first == null ? latest() + 1 : first;
    }

    /**
     * Forgets the changes recorded before a time, always keeping the latest one so that a node
     * coming back can tell that it missed some ({@link #earliest()} beyond its own position).
     *
     * @return how many rows were removed
     */
    public int prune(Instant before) {
        long latest = latest();
        return jdbc.sql("DELETE FROM search_outbox WHERE changed_at < ? AND position < ?")
                .params(Timestamp.from(before), latest)
                .update();
    }

    /**
     * A change of a dataset at a position of the outbox; what changed is read from the store.
     */
    public record Change(long position, String datasetId) {}
}
