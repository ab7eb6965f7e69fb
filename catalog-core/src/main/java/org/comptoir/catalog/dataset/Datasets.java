package org.comptoir.catalog.dataset;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.comptoir.catalog.rdf.DatasetGraphs;
import org.comptoir.catalog.rdf.DatasetRdf;
import org.comptoir.catalog.rdf.LocalIris;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The datasets of the catalogue in the relational store (H2 or MariaDB). Rows hold the columns the
 * hub filters and sorts on; each row's RDF description, whole, is in a table of its own (ADR 0020).
 * A write goes to both: callers write in a transaction.
 */
public class Datasets {
    private static final String COLUMNS = "id, version, kind, status, access_level, personal_data, org_unit, "
            + "owner_name, source_id, source_key, content_hash, graph_deflated, created_at, updated_at";

    /**
     * The rows with their descriptions. A description has a table of its own (ADR 0020): the rows
     * that searches and harvests read stay small.
     */
    private static final String DESCRIBED =
            "dataset JOIN dataset_description ON dataset_description.dataset_id = dataset.id";

    /**
     * What {@link #projected} reads: the columns, and the description only when the row's projection
     * is missing or older than the row (written by a path that did not project it).
     */
    private static final String PROJECTED_COLUMNS =
            "id, version, kind, status, access_level, personal_data, source_id, source_key, content_hash, "
                    + "created_at, updated_at, projection, "
                    + "CASE WHEN projection_version = version THEN NULL ELSE "
                    + "(SELECT graph_deflated FROM dataset_description g WHERE g.dataset_id = dataset.id) END AS graph_deflated";

    /** Longest projection stored (bytes); a larger description is parsed when read. */
    static final int PROJECTION_MAX = 1_000_000;

    /** Longest list of values sent in one {@code IN (...)}. */
    private static final int IN_CHUNK = 500;

    /** Most rows written by one multi-row {@code INSERT}. */
    private static final int INSERT_CHUNK = 50;

    /** Rows from which {@link #after} decodes descriptions on every core. */
    private static final int PARALLEL_DECODE = 64;

    private final JdbcClient jdbc;

    public Datasets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredDataset> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM " + DESCRIBED + " WHERE id = ?")
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
        jdbc.sql("SELECT " + COLUMNS + " FROM " + DESCRIBED + " WHERE id IN (:ids)")
                .param("ids", ids)
                .query(Datasets::row)
                .list()
                .forEach(stored -> found.put(stored.dataset().id(), stored));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    public Optional<StoredDataset> findBySourceKey(String sourceId, String sourceKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM " + DESCRIBED + " WHERE source_id = ? AND source_key_hash = ?")
                .param(sourceId)
                .param(sha256(sourceKey))
                .query(Datasets::row)
                .optional();
    }

    /**
     * The fingerprints of the datasets of a source with these keys, by key, in as few queries as
     * the keys allow; unknown keys are left out. Reads no description.
     */
    public Map<String, Fingerprint> fingerprints(String sourceId, Collection<String> sourceKeys) {
        var hashes = sourceKeys.stream().map(Datasets::sha256).distinct().toList();
        var found = new HashMap<String, Fingerprint>();
        for (int from = 0; from < hashes.size(); from += IN_CHUNK) {
            var chunk = hashes.subList(from, Math.min(hashes.size(), from + IN_CHUNK));
            var params = new ArrayList<Object>();
            chunk.forEach(hash -> params.addAll(List.of(sourceId, hash)));
            // pairs as rows: H2 looks a plain IN list up on the first column of the index only
            jdbc.sql("SELECT source_key, id, version, content_hash, status FROM dataset "
                            + "WHERE (source_id, source_key_hash) IN ("
                            + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?)")) + ")")
                    .params(params)
                    .query(rs -> {
                        found.put(
                                rs.getString(1),
                                new Fingerprint(
                                        rs.getString(2),
                                        rs.getLong(3),
                                        rs.getString(4),
                                        PublicationStatus.valueOf(rs.getString(5))));
                    });
        }
        return found;
    }

    /** The source keys of every dataset of a source that is not withdrawn. */
    public Set<String> keysOfSource(String sourceId) {
        return new HashSet<>(jdbc.sql("SELECT source_key FROM dataset WHERE source_id = ? AND status <> 'WITHDRAWN'")
                .param(sourceId)
                .query(String.class)
                .list());
    }

    public void insert(Dataset dataset, String graph, String contentHash) {
        var projection = projection(parse(graph, dataset.id()));
        insertAll(List.of(new NewRow(dataset, Deflated.of(graph), contentHash, projection)));
    }

    /**
     * A dataset to insert with its stored description and content hash, for {@link #insertAll}.
     *
     * @param graph its description in N-Triples, deflated by the caller (on a core of its choice)
     * @param projection its projection ({@link #projection}), taken from the description it stores
     */
    public record NewRow(Dataset dataset, Deflated graph, String contentHash, byte[] projection) {}

    /**
     * The projection (ADR 0017) of a description about to be stored as {@code dataset}: what reading
     * its N-Triples back would give, taken from the model the caller wrote them from, so that a write
     * does not parse the description it has just serialised.
     *
     * @param description the description whose N-Triples are stored, the dataset under its local IRI
     */
    public static byte[] projection(String datasetId, Model description) {
        return projection(DatasetRdf.read(
                description.getResource(LocalIris.dataset(datasetId).getURI())));
    }

    private static byte[] projection(DatasetRdf.Read read) {
        return DatasetProjection.encode(read.description(), read.owner());
    }

    /**
     * Inserts new datasets as {@link #insert} does, several rows per statement: one round trip per
     * few dozen datasets rather than one per dataset.
     */
    public void insertAll(List<NewRow> rows) {
        for (int from = 0; from < rows.size(); from += INSERT_CHUNK) {
            var chunk = rows.subList(from, Math.min(rows.size(), from + INSERT_CHUNK));
            List<String> columns = null;
            var params = new ArrayList<Object>();
            for (var row : chunk) {
                var values = insertValues(row.dataset(), row.contentHash(), row.projection());
                columns = columns == null ? List.copyOf(values.keySet()) : columns;
                params.addAll(values.values());
            }
            var tuple = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
            jdbc.sql("INSERT INTO dataset (" + String.join(", ", columns) + ") VALUES "
                            + String.join(", ", Collections.nCopies(chunk.size(), tuple)))
                    .params(params)
                    .update();
            var described = new ArrayList<Object>();
            chunk.forEach(row ->
                    described.addAll(List.of(row.dataset().id(), row.graph().bytes())));
            jdbc.sql("INSERT INTO dataset_description (dataset_id, graph_deflated) VALUES "
                            + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?)")))
                    .params(described)
                    .update();
        }
    }

    private static Map<String, Object> insertValues(Dataset dataset, String contentHash, byte[] projection) {
        var p = dataset.provenance();
        var values = changing(dataset, contentHash, projection);
        values.put("id", dataset.id());
        values.put("source_id", p.sourceId());
        values.put("source_key", p.sourceKey());
        values.put("source_key_hash", p.sourceKey() == null ? null : sha256(p.sourceKey()));
        values.put("created_at", Timestamp.from(p.createdAt()));
        return values;
    }

    /**
     * Replaces a dataset if it is still at {@code expectedVersion}.
     *
     * @return false when another write came first
     */
    public boolean update(Dataset dataset, String graph, String contentHash, long expectedVersion) {
        var projection = projection(parse(graph, dataset.id()));
        return update(dataset, Deflated.of(graph), contentHash, expectedVersion, projection);
    }

    /**
     * Replaces a dataset as {@link #update(Dataset, String, String, long)} does, with its description
     * deflated by the caller and its projection.
     *
     * @param projection its projection ({@link #projection}), taken from the description it stores
     */
    public boolean update(
            Dataset dataset, Deflated graph, String contentHash, long expectedVersion, byte[] projection) {
        var values = changing(dataset, contentHash, projection);
        var assignments = String.join(
                ", ", values.keySet().stream().map(c -> c + " = :" + c).toList());
        values.put("id", dataset.id());
        values.put("expected_version", expectedVersion);
        if (jdbc.sql("UPDATE dataset SET " + assignments + " WHERE id = :id AND version = :expected_version")
                        .params(values)
                        .update()
                != 1) {
            return false;
        }
        jdbc.sql("UPDATE dataset_description SET graph_deflated = ? WHERE dataset_id = ?")
                .params(graph.bytes(), dataset.id())
                .update();
        return true;
    }

    /**
     * The columns a write sets, insert or update alike: the projections of the description, the
     * time. The description itself goes to its own table.
     */
    private static Map<String, Object> changing(Dataset dataset, String contentHash, byte[] projection) {
        var d = dataset.description();
        var g = dataset.governance();
        var values = new LinkedHashMap<String, Object>();
        values.put("version", dataset.version());
        values.put("kind", dataset.kind().name());
        values.put("title", title(d));
        values.put("status", g.status().name());
        values.put("access_level", g.accessLevel().name());
        values.put("personal_data", g.personalData().name());
        values.put("is_open", g.isOpen());
        values.put("org_unit", clip(g.owner().orgUnit(), 255));
        values.put("owner_name", clip(g.owner().name(), 255));
        values.put("publisher_name", clip(publisherName(d), 500));
        values.put("content_hash", contentHash);
        // a description too large for the column is parsed when read, as before projections
        values.put("projection", projection.length <= PROJECTION_MAX ? projection : null);
        values.put("projection_version", projection.length <= PROJECTION_MAX ? dataset.version() : null);
        values.put("updated_at", Timestamp.from(dataset.provenance().updatedAt()));
        return values;
    }

    /**
     * Gives a harvested dataset the key its source now knows it by (its source changed its
     * identifiers); the caller has checked that no other dataset of the source has that key.
     */
    public void rekey(String id, String sourceKey) {
        jdbc.sql("UPDATE dataset SET source_key = ?, source_key_hash = ? WHERE id = ?")
                .params(sourceKey, sha256(sourceKey), id)
                .update();
    }

    /**
     * Keeps the raw payload a harvest received for a dataset (the last one only). One upsert
     * statement: an update-then-insert would take gap locks that deadlock concurrent harvests on
     * MariaDB. H2 understands the same statement in MariaDB mode.
     */
    public void saveProvenance(String datasetId, Instant receivedAt, String mediaType, String payload) {
        saveProvenanceAll(List.of(new ReceivedPayload(datasetId, receivedAt, mediaType, Deflated.of(payload))));
    }

    /**
     * A raw payload to keep, for {@link #saveProvenanceAll}.
     *
     * @param payload what the source sent, deflated by the caller (on a core of its choice)
     */
    public record ReceivedPayload(String datasetId, Instant receivedAt, String mediaType, Deflated payload) {}

    /** Keeps several raw payloads as {@link #saveProvenance} does, several rows per statement. */
    public void saveProvenanceAll(List<ReceivedPayload> payloads) {
        for (int from = 0; from < payloads.size(); from += INSERT_CHUNK) {
            var chunk = payloads.subList(from, Math.min(payloads.size(), from + INSERT_CHUNK));
            var params = new ArrayList<Object>();
            for (var p : chunk) {
                params.addAll(Arrays.asList(
                        p.datasetId(),
                        Timestamp.from(p.receivedAt()),
                        p.mediaType(),
                        p.payload().bytes()));
            }
            jdbc.sql("INSERT INTO dataset_provenance (dataset_id, received_at, media_type, payload_deflated) VALUES "
                            + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?)"))
                            + " ON DUPLICATE KEY UPDATE received_at = VALUES(received_at), "
                            + "media_type = VALUES(media_type), payload_deflated = VALUES(payload_deflated)")
                    .params(params)
                    .update();
        }
    }

    public Optional<String> provenance(String datasetId) {
        return jdbc.sql("SELECT payload_deflated FROM dataset_provenance WHERE dataset_id = ?")
                .param(datasetId)
                .query((rs, n) -> Deflated.stored(rs.getBytes(1)).text())
                .optional();
    }

    /**
     * Open datasets (see {@link Governance#isOpen()}) changed since {@code since}, oldest change
     * first, for the feed and incremental harvesters.
     */
    public List<StoredDataset> open(Instant since, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM " + DESCRIBED + " WHERE is_open = TRUE AND updated_at >= ? "
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

    /**
     * The next datasets in identifier order after {@code afterId} (empty string for the first), for
     * walking the whole catalogue in batches.
     */
    public List<StoredDataset> after(String afterId, int limit) {
        var rows = jdbc.sql("SELECT " + COLUMNS + " FROM " + DESCRIBED + " WHERE id > ? ORDER BY id LIMIT ?")
                .params(afterId, limit)
                .query((rs, n) -> Row.of(rs))
                .list();
        // parsing the descriptions is what costs: on every core
        return (rows.size() >= PARALLEL_DECODE ? rows.parallelStream() : rows.stream())
                .map(Row::read)
                .toList();
    }

    /**
     * Like {@link #findAll}, without the RDF description: each dataset is decoded from the projection
     * stored with its row, not parsed from its description (the description of a row whose
     * projection is missing or stale is parsed instead). For search results and the index.
     */
    public List<Dataset> projected(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var found = new HashMap<String, Dataset>();
        jdbc.sql("SELECT " + PROJECTED_COLUMNS + " FROM dataset WHERE id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> Row.of(rs).projected(rs.getBytes("projection")))
                .list()
                .forEach(dataset -> found.put(dataset.id(), dataset));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /**
     * Like {@link #after}, decoded from the stored projections (see {@link #projected}): for
     * walking the whole catalogue to rebuild the search index without parsing RDF.
     */
    public List<Dataset> projectedAfter(String afterId, int limit) {
        var rows = jdbc.sql("SELECT " + PROJECTED_COLUMNS + " FROM dataset WHERE id > ? ORDER BY id LIMIT ?")
                .params(afterId, limit)
                .query((rs, n) -> Map.entry(Row.of(rs), Optional.ofNullable(rs.getBytes("projection"))))
                .list();
        // decoding is what costs now: on every core
        return (rows.size() >= PARALLEL_DECODE ? rows.parallelStream() : rows.stream())
                .map(row -> row.getKey().projected(row.getValue().orElse(null)))
                .toList();
    }

    /**
     * Stores the projection of up to {@code limit} rows after {@code afterId} (identifier order)
     * whose projection is missing or older than the row, from their RDF description: the migration
     * of rows written before projections existed, or by a path that did not write one.
     *
     * @return the identifiers of the rows looked at, in order; empty when there are no more
     */
    public List<String> projectMissing(String afterId, int limit) {
        var rows = jdbc.sql("SELECT id, version, graph_deflated FROM " + DESCRIBED + " WHERE id > ? "
                        + "AND (projection_version IS NULL OR projection_version <> version) ORDER BY id LIMIT ?")
                .params(afterId, limit)
                .query((rs, n) -> new Unprojected(rs.getString(1), rs.getLong(2), Deflated.stored(rs.getBytes(3))))
                .list();
        (rows.size() >= PARALLEL_DECODE ? rows.parallelStream() : rows.stream())
                .map(row -> Map.entry(row, projection(parse(row.graph().text(), row.id()))))
                .filter(projected -> projected.getValue().length <= PROJECTION_MAX)
                .toList()
                // a row changed meanwhile was projected by its own write
                .forEach(projected -> jdbc.sql(
                                "UPDATE dataset SET projection = ?, projection_version = ? WHERE id = ? AND version = ?")
                        .params(
                                projected.getValue(),
                                projected.getKey().version(),
                                projected.getKey().id(),
                                projected.getKey().version())
                        .update());
        return rows.stream().map(Unprojected::id).toList();
    }

    /** A row {@link #projectMissing} projects. */
    private record Unprojected(String id, long version, Deflated graph) {}

    /** Every dataset's identifier with its current version. */
    public Map<String, Long> versions() {
        var versions = new HashMap<String, Long>();
        jdbc.sql("SELECT id, version FROM dataset").query(rs -> {
            versions.put(rs.getString(1), rs.getLong(2));
        });
        return versions;
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM dataset").query(Long.class).single();
    }

    static StoredDataset row(ResultSet rs, int rowNum) throws SQLException {
        return Row.of(rs).read();
    }

    /** Parses a stored description; out of {@link Row}, which as a record stays free of Jena. */
    private static DatasetRdf.Read parse(String graph, String id) {
        var model = DatasetGraphs.fromNTriples(graph);
        return DatasetRdf.read(model.createResource(LocalIris.dataset(id).getURI()));
    }

    /** A row as the store gives it, before its description is parsed (the costly part). */
    private record Row(
            String id,
            long version,
            String kind,
            String accessLevel,
            String personalData,
            String status,
            String sourceId,
            String sourceKey,
            Instant createdAt,
            Instant updatedAt,
            Deflated graph,
            String contentHash) {
        static Row of(ResultSet rs) throws SQLException {
            return new Row(
                    rs.getString("id"),
                    rs.getLong("version"),
                    rs.getString("kind"),
                    rs.getString("access_level"),
                    rs.getString("personal_data"),
                    rs.getString("status"),
                    rs.getString("source_id"),
                    rs.getString("source_key"),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("updated_at").toInstant(),
                    Deflated.stored(rs.getBytes("graph_deflated")),
                    rs.getString("content_hash"));
        }

        /** The dataset decoded from its projection, or from its description when it has none. */
        Dataset projected(byte[] projection) {
            if (graph != null) {
                return read().dataset();
            }
            var decoded = DatasetProjection.decode(projection);
            return dataset(decoded.description(), decoded.owner());
        }

        StoredDataset read() {
            var text = graph.text();
            var read = parse(text, id);
            return new StoredDataset(dataset(read.description(), read.owner()), text, contentHash);
        }

        private Dataset dataset(Description description, Owner owner) {
            var governance = new Governance(
                    owner,
                    AccessLevel.valueOf(accessLevel),
                    PersonalData.valueOf(personalData),
                    PublicationStatus.valueOf(status));
            var dataset = new Dataset(
                    id,
                    version,
                    DatasetKind.valueOf(kind),
                    description,
                    governance,
                    new Provenance(sourceId, sourceKey, createdAt, updatedAt));
            return dataset;
        }
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
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
