package org.comptoir.catalog.ingest;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The identity keys of harvested datasets (table {@code dataset_identity}, indexed by source and
 * key hash) and the identity decisions of each run (table {@code identity_decision}).
 */
public class DatasetIdentities {
    private static final int MAX_TEXT = 2000;
    /** Most pairs asked for in one query. */
    private static final int IN_CHUNK = 500;

    private final JdbcClient jdbc;

    public DatasetIdentities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a run decided about records with a new key that matched known datasets, in the order met. */
    public List<IdentityDecision> ofRun(String runId) {
        return jdbc.sql("SELECT kind, dataset_id, previous_key, source_key, candidates, decided_at "
                        + "FROM identity_decision WHERE run_id = ? ORDER BY id")
                .param(runId)
                .query((rs, n) -> new IdentityDecision(
                        IdentityDecision.Kind.valueOf(rs.getString(1)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5) == null
                                ? List.of()
                                : Arrays.asList(rs.getString(5).split(" ")),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    /**
     * Makes {@code keys} the identity keys of a dataset, in place of the ones it had (one statement
     * for all of them).
     *
     * @param known whether the dataset may have keys already (false for one just added)
     */
    void replace(String datasetId, String sourceId, Map<String, IdentityKey> keys, boolean known) {
        if (known) {
            jdbc.sql("DELETE FROM dataset_identity WHERE dataset_id = ?")
                    .param(datasetId)
                    .update();
        }
        if (keys.isEmpty()) {
            return;
        }
        var params = new ArrayList<Object>();
        keys.forEach((hash, key) ->
                params.addAll(List.of(datasetId, hash, sourceId, key.kind().name())));
        jdbc.sql("INSERT INTO dataset_identity (dataset_id, key_hash, source_id, key_kind) VALUES "
                        + String.join(", ", Collections.nCopies(keys.size(), "(?, ?, ?, ?)")))
                .params(params)
                .update();
    }

    /** Most keys written by one multi-row {@code INSERT}. */
    private static final int INSERT_CHUNK = 250;

    /**
     * Gives datasets just added their identity keys, by statements of up to {@value #INSERT_CHUNK}
     * keys whatever the dataset.
     *
     * @param keys each new dataset's keys, by its identifier
     */
    void addAll(String sourceId, Map<String, Map<String, IdentityKey>> keys) {
        var rows = new ArrayList<List<Object>>();
        keys.forEach((datasetId, held) -> held.forEach((hash, key) ->
                rows.add(List.of(datasetId, hash, sourceId, key.kind().name()))));
        for (int from = 0; from < rows.size(); from += INSERT_CHUNK) {
            var chunk = rows.subList(from, Math.min(rows.size(), from + INSERT_CHUNK));
            var params = new ArrayList<Object>();
            chunk.forEach(params::addAll);
            jdbc.sql("INSERT INTO dataset_identity (dataset_id, key_hash, source_id, key_kind) VALUES "
                            + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?)")))
                    .params(params)
                    .update();
        }
    }

    /**
     * For each of these key hashes known in the source, the datasets that hold it. The pairs are
     * asked for as rows ({@code (source_id, key_hash) IN ((?, ?), ...)}): H2 looks a plain {@code IN}
     * list up on the first column of the index only, and would read every key of the source.
     */
    Map<String, Set<String>> holders(String sourceId, Collection<String> hashes) {
        var holders = new HashMap<String, Set<String>>();
        var all = List.copyOf(hashes);
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            var chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            var params = new ArrayList<Object>();
            chunk.forEach(hash -> params.addAll(List.of(sourceId, hash)));
            jdbc.sql("SELECT key_hash, dataset_id FROM dataset_identity WHERE (source_id, key_hash) IN ("
                            + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?)")) + ")")
                    .params(params)
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .list()
                    .forEach(e -> holders.computeIfAbsent(e.getKey(), k -> new LinkedHashSet<>())
                            .add(e.getValue()));
        }
        return holders;
    }

    /** The dataset a reconciliation of this run took the source key from, if one did. */
    Optional<String> reconciledFrom(String runId, String previousKey) {
        return jdbc
                .sql("SELECT dataset_id FROM identity_decision WHERE run_id = ? AND kind = 'RECONCILED' "
                        + "AND previous_key = ?")
                .params(runId, clip(previousKey))
                .query(String.class)
                .list()
                .stream()
                .findFirst();
    }

    /**
     * The harvested datasets that have no identity key (taken in before keys were kept, or naming
     * nothing a key is made of), each with its source.
     */
    List<Map.Entry<String, String>> keyless() {
        return jdbc.sql("SELECT id, source_id FROM dataset d WHERE source_id IS NOT NULL AND NOT EXISTS "
                        + "(SELECT 1 FROM dataset_identity i WHERE i.dataset_id = d.id)")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list();
    }

    void record(String runId, String sourceId, IdentityDecision decision) {
        jdbc.sql("INSERT INTO identity_decision (run_id, source_id, kind, dataset_id, previous_key, source_key, "
                        + "candidates, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        runId,
                        sourceId,
                        decision.kind().name(),
                        decision.datasetId(),
                        clip(decision.previousKey()),
                        clip(decision.sourceKey()),
                        decision.candidates().isEmpty() ? null : clip(String.join(" ", decision.candidates())),
                        Timestamp.from(decision.decidedAt()))
                .update();
    }

    private static String clip(String value) {
        return value == null || value.length() <= MAX_TEXT ? value : value.substring(0, MAX_TEXT - 1) + "…";
    }
}
