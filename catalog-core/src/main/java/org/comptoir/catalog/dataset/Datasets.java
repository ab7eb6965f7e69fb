package org.comptoir.catalog.dataset;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.comptoir.catalog.rdf.DatasetGraphs;
import org.comptoir.catalog.rdf.DatasetRdf;
import org.comptoir.catalog.rdf.LocalIris;
import org.comptoir.catalog.search.SearchText;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The datasets of the catalogue in the relational store (H2 or MariaDB). Rows hold the RDF
 * description whole, beside the columns the hub filters and sorts on.
 */
public class Datasets {
    private static final String COLUMNS = "id, version, kind, status, access_level, personal_data, org_unit, "
            + "owner_name, source_id, source_key, content_hash, graph, created_at, updated_at";

    private final JdbcClient jdbc;

    public Datasets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredDataset> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dataset WHERE id = ?")
                .param(id)
                .query(Datasets::row)
                .optional();
    }

    /** The datasets with these identifiers, in the order given; unknown ones are left out. */
    public List<StoredDataset> findAll(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var found = new HashMap<String, StoredDataset>();
        jdbc.sql("SELECT " + COLUMNS + " FROM dataset WHERE id IN (:ids)")
                .param("ids", ids)
                .query(Datasets::row)
                .list()
                .forEach(stored -> found.put(stored.dataset().id(), stored));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    public Optional<StoredDataset> findBySourceKey(String sourceId, String sourceKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dataset WHERE source_id = ? AND source_key_hash = ?")
                .param(sourceId)
                .param(sha256(sourceKey))
                .query(Datasets::row)
                .optional();
    }

    /** Source key to content hash, for every dataset of a source that is not withdrawn. */
    public Map<String, String> hashesOfSource(String sourceId) {
        var result = new HashMap<String, String>();
        jdbc.sql("SELECT source_key, content_hash FROM dataset WHERE source_id = ? AND status <> 'WITHDRAWN'")
                .param(sourceId)
                .query(rs -> {
                    result.put(rs.getString(1), rs.getString(2));
                });
        return result;
    }

    public void insert(Dataset dataset, String graph, String contentHash) {
        var d = dataset.description();
        var g = dataset.governance();
        var p = dataset.provenance();
        jdbc.sql("INSERT INTO dataset (id, version, kind, title, status, access_level, personal_data, is_open, "
                        + "org_unit, owner_name, publisher_name, source_id, source_key, source_key_hash, content_hash, "
                        + "graph, search_text, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        dataset.id(),
                        dataset.version(),
                        dataset.kind().name(),
                        title(d),
                        g.status().name(),
                        g.accessLevel().name(),
                        g.personalData().name(),
                        g.isOpen(),
                        clip(g.owner().orgUnit(), 255),
                        clip(g.owner().name(), 255),
                        clip(publisherName(d), 500),
                        p.sourceId(),
                        p.sourceKey(),
                        p.sourceKey() == null ? null : sha256(p.sourceKey()),
                        contentHash,
                        graph,
                        SearchText.of(dataset),
                        Timestamp.from(p.createdAt()),
                        Timestamp.from(p.updatedAt()))
                .update();
    }

    /**
     * Replaces a dataset if it is still at {@code expectedVersion}.
     *
     * @return false when another write came first
     */
    public boolean update(Dataset dataset, String graph, String contentHash, long expectedVersion) {
        var d = dataset.description();
        var g = dataset.governance();
        return jdbc.sql("UPDATE dataset SET version = ?, kind = ?, title = ?, status = ?, access_level = ?, "
                                + "personal_data = ?, is_open = ?, org_unit = ?, owner_name = ?, publisher_name = ?, "
                                + "content_hash = ?, graph = ?, search_text = ?, updated_at = ? "
                                + "WHERE id = ? AND version = ?")
                        .params(
                                dataset.version(),
                                dataset.kind().name(),
                                title(d),
                                g.status().name(),
                                g.accessLevel().name(),
                                g.personalData().name(),
                                g.isOpen(),
                                clip(g.owner().orgUnit(), 255),
                                clip(g.owner().name(), 255),
                                clip(publisherName(d), 500),
                                contentHash,
                                graph,
                                SearchText.of(dataset),
                                Timestamp.from(dataset.provenance().updatedAt()),
                                dataset.id(),
                                expectedVersion)
                        .update()
                == 1;
    }

    /**
     * Keeps the raw payload a harvest received for a dataset (the last one only). One upsert
     * statement: an update-then-insert would take gap locks that deadlock concurrent harvests on
     * MariaDB. H2 understands the same statement in MariaDB mode.
     */
    public void saveProvenance(String datasetId, Instant receivedAt, String mediaType, String payload) {
        jdbc.sql("INSERT INTO dataset_provenance (dataset_id, received_at, media_type, payload) VALUES (?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE received_at = VALUES(received_at), media_type = VALUES(media_type), "
                        + "payload = VALUES(payload)")
                .params(datasetId, Timestamp.from(receivedAt), mediaType, payload)
                .update();
    }

    public Optional<String> provenance(String datasetId) {
        return jdbc.sql("SELECT payload FROM dataset_provenance WHERE dataset_id = ?")
                .param(datasetId)
                .query(String.class)
                .optional();
    }

    /**
     * Open datasets (see {@link Governance#isOpen()}) changed since {@code since}, oldest change
     * first, for the feed and incremental harvesters.
     */
    public List<StoredDataset> open(Instant since, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dataset WHERE is_open = TRUE AND updated_at >= ? "
                        + "ORDER BY updated_at, id LIMIT ? OFFSET ?")
                .params(Timestamp.from(since == null ? Instant.EPOCH : since), limit, offset)
                .query(Datasets::row)
                .list();
    }

    public long countOpen(Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM dataset WHERE is_open = TRUE AND updated_at >= ?")
                .param(Timestamp.from(since == null ? Instant.EPOCH : since))
                .query(Long.class)
                .single();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM dataset").query(Long.class).single();
    }

    static StoredDataset row(ResultSet rs, int rowNum) throws SQLException {
        var id = rs.getString("id");
        var graph = rs.getString("graph");
        var model = DatasetGraphs.fromNTriples(graph);
        var read = DatasetRdf.read(model.createResource(LocalIris.dataset(id).getURI()));
        var governance = new Governance(
                read.owner(),
                AccessLevel.valueOf(rs.getString("access_level")),
                PersonalData.valueOf(rs.getString("personal_data")),
                PublicationStatus.valueOf(rs.getString("status")));
        var provenance = new Provenance(
                rs.getString("source_id"),
                rs.getString("source_key"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
        var dataset = new Dataset(
                id,
                rs.getLong("version"),
                DatasetKind.valueOf(rs.getString("kind")),
                read.description(),
                governance,
                provenance);
        return new StoredDataset(dataset, graph, rs.getString("content_hash"));
    }

    private static String title(Description d) {
        var title = d.title().best("fr");
        return clip(title.isEmpty() ? "(sans titre)" : title, 500);
    }

    private static String publisherName(Description d) {
        return d.publisher() == null ? null : d.publisher().name().best("fr");
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    static String sha256(String value) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            return java.util.HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
