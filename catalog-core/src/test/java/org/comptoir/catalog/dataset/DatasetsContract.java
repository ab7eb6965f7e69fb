package org.comptoir.catalog.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.comptoir.catalog.Fixtures.aDataset;
import static org.comptoir.catalog.Fixtures.governance;
import static org.comptoir.catalog.Fixtures.openGovernance;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.comptoir.catalog.TestDatabases;
import org.comptoir.catalog.ingest.CatalogIngestion;
import org.comptoir.catalog.ingest.DatasetIdentities;
import org.comptoir.catalog.ingest.HarvestWithdrawals;
import org.comptoir.catalog.ingest.HarvestedRecord;
import org.comptoir.catalog.ingest.IngestOutcome;
import org.comptoir.catalog.ingest.IngestRun;
import org.comptoir.catalog.ingest.WithdrawalProperties;
import org.comptoir.catalog.rdf.DatasetGraphs;
import org.comptoir.catalog.rdf.LocalIris;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedCaseInsensitiveMap;

/**
 * The repository contract: every store (H2, MariaDB) must pass these unchanged. Subclasses only say
 * which database to use.
 */
public abstract class DatasetsContract {
    private static final String[] CHANGELOGS = {
        "classpath:db/changelog/catalog.yaml", "classpath:db/changelog/ingest.yaml"
    };

    private final List<Object> events = new ArrayList<>();
    private Datasets datasets;
    private JdbcClient jdbc;
    private DatasetRegistration registration;
    private CatalogIngestion ingestion;

    /** A fresh database of the store under test, with no tables. */
    protected abstract DataSource database();

    @BeforeEach
    void setUp() {
        var dataSource = TestDatabases.migrate(database(), null, CHANGELOGS);
        jdbc = JdbcClient.create(dataSource);
        var transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        var clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
        datasets = new Datasets(jdbc);
        registration = new DatasetRegistration(datasets, transactions, events::add, clock);
        var withdrawals = new HarvestWithdrawals(
                datasets, jdbc, transactions, events::add, clock, WithdrawalProperties.defaults());
        ingestion = new CatalogIngestion(
                datasets, new DatasetIdentities(jdbc), withdrawals, transactions, events::add, clock);
    }

    @Test
    void readsBackWhatWasRegistered() {
        var description = aDataset().build();
        var created = registration.register(DatasetKind.DATASET, description, openGovernance(), "owner");

        var read = datasets.find(created.id()).orElseThrow().dataset();

        assertThat(read.version()).isEqualTo(1);
        assertThat(read.description().title().get("fr")).contains("Consommation électrique des bâtiments");
        assertThat(read.description().title().get("en")).contains("Electricity use of buildings");
        assertThat(read.description().keywords()).containsExactlyInAnyOrder("énergie", "bâtiment");
        assertThat(read.description().distributions()).hasSize(1);
        assertThat(read.description().distributions().getFirst().iri())
                .isEqualTo(LocalIris.distribution(created.id(), 1));
        assertThat(read.description().spatial().bbox()).startsWith("POLYGON((4.8 45.7");
        assertThat(read.description().temporal().start()).isEqualTo("2020-01-01");
        assertThat(read.governance()).isEqualTo(openGovernance());
        assertThat(events).containsExactly(new DatasetChanged(created.id(), 1, DatasetChanged.Change.CREATED, "owner"));
    }

    @Test
    void rejectsDatasetWithoutTitleNamingTheField() {
        var description = aDataset()
                .withTitle(org.comptoir.catalog.dataset.LangText.EMPTY)
                .build();

        assertThatThrownBy(() -> registration.register(DatasetKind.DATASET, description, openGovernance(), "owner"))
                .isInstanceOfSatisfying(InvalidDatasetException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field)
                        .contains("title"));
        assertThat(datasets.count()).isZero();
    }

    @Test
    void refusesAnUpdateBasedOnAStaleVersion() {
        var created = registration.register(DatasetKind.DATASET, aDataset().build(), openGovernance(), "owner");
        registration.update(
                created.id(),
                1,
                DatasetKind.DATASET,
                aDataset().withTitle("Premier").build(),
                openGovernance(),
                "a");

        assertThatThrownBy(() -> registration.update(
                        created.id(),
                        1,
                        DatasetKind.DATASET,
                        aDataset().withTitle("Second").build(),
                        openGovernance(),
                        "b"))
                .isInstanceOf(StaleDatasetException.class);
        assertThat(datasets.find(created.id())
                        .orElseThrow()
                        .dataset()
                        .description()
                        .title()
                        .best("fr"))
                .isEqualTo("Premier");
    }

    @Test
    void keepsWhatTheSourceSaidBeyondTheModelAcrossAnEdit() {
        var record = record("https://src.example/ds/1", """
                <https://src.example/ds/1> a dcat:Dataset ;
                    dct:title "Arbres d'alignement"@fr ; dct:description "Inventaire des arbres."@fr ;
                    adms:versionNotes "Version consolidée"@fr ;
                    dcat:spatialResolutionInMeters "1.0"^^xsd:decimal ;
                    dcat:distribution [ a dcat:Distribution ; dcat:accessURL <https://src.example/arbres.csv> ;
                        dct:rights <https://src.example/rights> ; dcat:compressFormat <http://www.iana.org/assignments/media-types/application/zip> ] .
                """);
        var outcome = ingestion.ingest(run("src-1"), record, openGovernance());
        var stored = datasets.find(outcome.datasetId()).orElseThrow();

        registration.update(
                outcome.datasetId(),
                stored.dataset().version(),
                DatasetKind.DATASET,
                stored.dataset().description(),
                stored.dataset().governance(),
                "owner");

        var graph = DatasetGraphs.fromNTriples(
                datasets.find(outcome.datasetId()).orElseThrow().graph());
        assertThat(graph.listObjectsOfProperty(graph.createProperty("http://www.w3.org/ns/adms#versionNotes"))
                        .toList())
                .extracting(n ->
                        n.asLiteral().getLexicalForm() + "@" + n.asLiteral().getLanguage())
                .containsExactly("Version consolidée@fr");
        assertThat(graph.contains(null, graph.createProperty("http://www.w3.org/ns/dcat#compressFormat")))
                .isTrue();
        assertThat(graph.contains(null, graph.createProperty("http://www.w3.org/ns/dcat#spatialResolutionInMeters")))
                .isTrue();
    }

    @Test
    void keepsAPersonsEditWhenItsSourceSendsTheSameStatementsAgain() {
        var received = HarvestedRecord.received(
                "https://src.example/ds/2", () -> "reçu", "v1", () -> record("https://src.example/ds/2", """
                        <https://src.example/ds/2> a dcat:Dataset ;
                            dct:title "Arbres"@fr ; dct:description "Inventaire des arbres."@fr .
                        """));
        var id = ingestion.ingest(run("src-1"), received, openGovernance()).datasetId();
        var stored = datasets.find(id).orElseThrow();
        registration.update(
                id,
                stored.dataset().version(),
                DatasetKind.DATASET,
                aDataset().withTitle("Arbres d'alignement, revus").build(),
                stored.dataset().governance(),
                "owner");
        var again = HarvestedRecord.received("https://src.example/ds/2", () -> "reçu", "v1", () -> {
            throw new AssertionError("an unchanged record is not mapped");
        });

        var outcome = ingestion
                .ingestAll(run("src-1"), List.of(again), openGovernance())
                .getFirst();

        assertThat(outcome.outcome().kind()).isEqualTo(IngestOutcome.Kind.UNCHANGED);
        assertThat(datasets.find(id)
                        .orElseThrow()
                        .dataset()
                        .description()
                        .title()
                        .best("fr"))
                .isEqualTo("Arbres d'alignement, revus");
    }

    @Test
    void readsFromItsProjectionTheSameDatasetAsFromItsDescription() {
        var registered = registration.register(
                DatasetKind.DATASET,
                aDataset()
                        .withTitle(LangText.fr("Arbres d'alignement", "Street trees"))
                        .withKeywords("arbre", "voirie", "patrimoine végétal")
                        .withDistribution(
                                org.comptoir.catalog.Fixtures.aCsvDistribution("https://data.example.org/b.csv"))
                        .build(),
                openGovernance(),
                "owner");
        var harvested = ingestion
                .ingest(run("src-1"), record("https://src.example/ds/9", """
                        <https://src.example/ds/9> a dcat:Dataset ;
                            dct:title "Capteurs de qualité de l'air"@fr, "Air quality sensors"@en ;
                            dct:description "Mesures horaires."@fr ; dcat:keyword "air", "pollution", "capteur" ;
                            dcat:distribution [ a dcat:Distribution ; dcat:accessURL <https://src.example/air.csv> ] .
                        """), openGovernance())
                .datasetId();
        var ids = List.of(harvested, registered.id(), "unknown");

        var projected = datasets.projected(ids);

        assertThat(projected)
                .containsExactly(
                        datasets.find(harvested).orElseThrow().dataset(),
                        datasets.find(registered.id()).orElseThrow().dataset());
        assertThat(datasets.projectedAfter("", 10)).containsExactlyInAnyOrderElementsOf(projected);
    }

    @Test
    void storesForAHarvestedBatchTheProjectionItsStoredDescriptionGives() {
        var record = record("https://src.example/ds/10", """
                <https://src.example/ds/10> a dcat:Dataset ;
                    dct:title "Capteurs de qualité de l'air"@fr, "Air quality sensors"@en ;
                    dct:description "Mesures horaires."@fr ; dcat:keyword "air", "pollution", "capteur" ;
                    dct:identifier "b", "a" ; dct:publisher [ <http://xmlns.com/foaf/0.1/name> "Ville"@fr ] ;
                    dcat:contactPoint [ <http://www.w3.org/2006/vcard/ns#fn> "Service" ;
                        <http://www.w3.org/2006/vcard/ns#hasEmail> <mailto:a@b.fr> ] ;
                    dcat:distribution [ a dcat:Distribution ; dcat:accessURL <https://src.example/air.csv> ;
                        dct:format "CSV" ; dcat:byteSize 12 ] .
                """);
        var id = ingestion
                .ingestAll(run("src-1"), List.of(record), openGovernance())
                .getFirst()
                .outcome()
                .datasetId();
        var stored = datasets.find(id).orElseThrow();

        var projection = jdbc.sql("SELECT projection FROM dataset WHERE id = ?")
                .param(id)
                .query(byte[].class)
                .single();

        assertThat(projection).isEqualTo(Datasets.projection(id, DatasetGraphs.fromNTriples(stored.graph())));
    }

    @Test
    void projectsAtStartUpTheRowsWrittenWithoutAProjection() {
        var first = registration.register(
                DatasetKind.DATASET, aDataset().withTitle("Premier").build(), openGovernance(), "owner");
        var second = registration.register(
                DatasetKind.DATASET, aDataset().withTitle("Second").build(), openGovernance(), "owner");
        // a row a path changed without projecting it again: its projection is of an older version
        var otherProjection = jdbc.sql("SELECT projection FROM dataset WHERE id = ?")
                .param(first.id())
                .query((rs, n) -> rs.getBytes(1))
                .single();
        jdbc.sql("UPDATE dataset SET projection = ?, projection_version = version - 1 WHERE id = ?")
                .params(otherProjection, second.id())
                .update();
        // a row written before projections existed
        jdbc.sql("UPDATE dataset SET projection = NULL, projection_version = NULL WHERE id = ?")
                .param(first.id())
                .update();

        assertThat(datasets.projected(List.of(first.id(), second.id())))
                .extracting(d -> d.description().title().best("fr"))
                .containsExactly("Premier", "Second");

        assertThat(new DatasetProjections(datasets).backfill()).isEqualTo(2);

        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM dataset WHERE projection IS NOT NULL AND projection_version = version")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(datasets.projected(List.of(first.id(), second.id())))
                .containsExactly(
                        datasets.find(first.id()).orElseThrow().dataset(),
                        datasets.find(second.id()).orElseThrow().dataset());
        assertThat(new DatasetProjections(datasets).backfill()).isZero();
    }

    @Test
    void skipsAnUnchangedRecordAndUpdatesAChangedOne() {
        var first = ingestion.ingest(
                run("src-1"), record("https://src.example/ds/2", titled("Bornes de recharge")), openGovernance());
        var again = ingestion.ingest(
                run("src-1"), record("https://src.example/ds/2", titled("Bornes de recharge")), openGovernance());
        var changed = ingestion.ingest(
                run("src-1"), record("https://src.example/ds/2", titled("Bornes IRVE")), openGovernance());

        assertThat(first.kind()).isEqualTo(IngestOutcome.Kind.ADDED);
        assertThat(again.kind()).isEqualTo(IngestOutcome.Kind.UNCHANGED);
        assertThat(changed.kind()).isEqualTo(IngestOutcome.Kind.UPDATED);
        assertThat(changed.datasetId()).isEqualTo(first.datasetId());
        var dataset = datasets.find(first.datasetId()).orElseThrow().dataset();
        assertThat(dataset.description().title().best("fr")).isEqualTo("Bornes IRVE");
        assertThat(dataset.version()).isEqualTo(2);
        assertThat(datasets.provenance(first.datasetId()))
                .hasValueSatisfying(p -> assertThat(p).contains("Bornes IRVE"));
    }

    @Test
    void failsAnInvalidRecordWithoutWritingIt() {
        var outcome = ingestion.ingest(
                run("src-1"),
                record(
                        "https://src.example/ds/3",
                        "<https://src.example/ds/3> a dcat:Dataset ; dct:description \"Sans titre\"@fr ."),
                openGovernance());

        assertThat(outcome.kind()).isEqualTo(IngestOutcome.Kind.FAILED);
        assertThat(outcome.problems()).extracting(FieldProblem::field).contains("title");
        assertThat(datasets.count()).isZero();
    }

    @Test
    void withdrawsWhatCompleteRunsNoLongerSeeButNeverDeletes() {
        var kept = ingestion.ingest(run("src-1"), record("https://src.example/a", titled("A")), openGovernance());
        var gone = ingestion.ingest(run("src-1"), record("https://src.example/b", titled("B")), openGovernance());

        var first = ingestion.completeRun("src-1", "run-1", Set.of("https://src.example/a"));
        var second = ingestion.completeRun("src-1", "run-2", Set.of("https://src.example/a"));

        assertThat(first.withdrawn()).isZero();
        assertThat(second.withdrawn()).isEqualTo(1);
        assertThat(datasets.find(gone.datasetId())
                        .orElseThrow()
                        .dataset()
                        .governance()
                        .status())
                .isEqualTo(PublicationStatus.WITHDRAWN);
        assertThat(datasets.find(kept.datasetId())
                        .orElseThrow()
                        .dataset()
                        .governance()
                        .status())
                .isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(datasets.count()).isEqualTo(2);
    }

    @Test
    void neverListsPersonalRestrictedOrUnpublishedDatasetsAsOpen() {
        var open = registration.register(DatasetKind.DATASET, aDataset().build(), openGovernance(), "o");
        registration.register(
                DatasetKind.DATASET,
                aDataset().build(),
                governance(AccessLevel.PUBLIC, PersonalData.PERSONAL, PublicationStatus.PUBLISHED),
                "o");
        registration.register(
                DatasetKind.DATASET,
                aDataset().build(),
                governance(AccessLevel.PUBLIC, PersonalData.PSEUDONYMISED, PublicationStatus.PUBLISHED),
                "o");
        registration.register(
                DatasetKind.DATASET,
                aDataset().build(),
                governance(AccessLevel.RESTRICTED, PersonalData.NONE, PublicationStatus.PUBLISHED),
                "o");
        registration.register(
                DatasetKind.DATASET,
                aDataset().build(),
                governance(AccessLevel.PUBLIC, PersonalData.NONE, PublicationStatus.DRAFT),
                "o");
        var anonymised = registration.register(
                DatasetKind.DATASET,
                aDataset().build(),
                governance(AccessLevel.PUBLIC, PersonalData.ANONYMISED, PublicationStatus.PUBLISHED),
                "o");

        assertThat(datasets.open(null, 0, 100))
                .extracting(s -> s.dataset().id())
                .containsExactlyInAnyOrder(open.id(), anonymised.id());
        assertThat(datasets.countOpen(null)).isEqualTo(2);
    }

    @Test
    void takesInConcurrentHarvestsWithoutLosingARecord() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            var outcomes = new java.util.ArrayList<java.util.concurrent.Future<IngestOutcome>>();
            for (int source = 0; source < 3; source++) {
                for (int i = 0; i < 20; i++) {
                    var sourceId = "src-" + source;
                    var iri = "https://src" + source + ".example/ds/" + i;
                    outcomes.add(pool.submit(() ->
                            ingestion.ingest(run(sourceId), record(iri, titled("Jeu " + iri)), openGovernance())));
                }
            }
            for (var outcome : outcomes) {
                assertThat(outcome.get().kind()).isEqualTo(IngestOutcome.Kind.ADDED);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(datasets.count()).isEqualTo(60);
    }

    @Test
    void movesEveryStoredDescriptionAndPayloadToDeflatedColumnsAndTakesUpAStoppedMoveWhereItStopped() {
        var harvested = ingestion.ingest(
                run("src-1"), record("https://src.example/ds/été", titled("Arbres d'alignement ⚘")), openGovernance());
        var stored = datasets.find(harvested.datasetId()).orElseThrow();
        var payload = datasets.provenance(harvested.datasetId()).orElseThrow();
        // a store as it was before ADR 0020, descriptions and payloads as text
        var before = database();
        TestDatabases.migrate(before, "!deflated-text-1 and !deflated-text-2 and !deflated-text-3", CHANGELOGS);
        var old = JdbcClient.create(before);
        var row = jdbc.sql("SELECT id, version, kind, title, status, access_level, personal_data, is_open, "
                        + "source_id, source_key, source_key_hash, content_hash, created_at, updated_at FROM dataset")
                .query()
                .singleRow();
        row.put("graph", stored.graph());
        var rows = new ArrayList<Map<String, Object>>(List.of(row));
        var payloads = new LinkedHashMap<String, String>(Map.of(stored.dataset().id(), payload));
        var graphs = new LinkedHashMap<String, String>(Map.of(stored.dataset().id(), stored.graph()));
        for (int i = 0; i < 1_100; i++) {
            // more rows than the move copies per transaction
            var id = DatasetIds.next();
            graphs.put(id, "<urn:jeu:" + i + "> <http://purl.org/dc/terms/title> \"Jeu n°" + i + " – été\"@fr .\n");
            var filler = new LinkedCaseInsensitiveMap<Object>();
            filler.putAll(row);
            filler.putAll(Map.of("id", id, "source_key", "urn:jeu:" + i, "source_key_hash", Datasets.sha256(id)));
            filler.put("graph", graphs.get(id));
            rows.add(filler);
            if (i < 2) {
                payloads.put(id, "{\"titre\": \"Jeu n°" + i + "\"}");
            }
        }
        // only the columns given: the others take their defaults
        new SimpleJdbcInsert(before)
                .withTableName("dataset")
                .usingColumns(row.keySet().toArray(String[]::new))
                .executeBatch(rows.toArray(Map[]::new));
        new SimpleJdbcInsert(before)
                .withTableName("dataset_provenance")
                .usingColumns("dataset_id", "received_at", "media_type", "payload")
                .executeBatch(payloads.entrySet().stream()
                        .map(p -> Map.of(
                                "dataset_id", p.getKey(),
                                "received_at", row.get("created_at"),
                                "media_type", "application/json",
                                "payload", p.getValue()))
                        .toArray(Map[]::new));

        // the move stopped after its first change set, a description and a payload already copied
        TestDatabases.migrate(before, "!deflated-text-2 and !deflated-text-3", CHANGELOGS);
        var copiedId = graphs.keySet().stream().skip(600).findFirst().orElseThrow();
        graphs.put(copiedId, graphs.get(copiedId) + "# copié avant l'arrêt\n");
        old.sql("INSERT INTO dataset_description (dataset_id, graph_deflated) VALUES (?, ?)")
                .params(copiedId, Deflated.of(graphs.get(copiedId)).bytes())
                .update();
        var copiedPayload = payloads.keySet().stream().skip(1).findFirst().orElseThrow();
        payloads.put(copiedPayload, "{\"copié\": \"avant l'arrêt\"}");
        old.sql("UPDATE dataset_provenance SET payload_deflated = ? WHERE dataset_id = ?")
                .params(Deflated.of(payloads.get(copiedPayload)).bytes(), copiedPayload)
                .update();
        TestDatabases.migrate(before, null, CHANGELOGS);

        var moved = new LinkedHashMap<String, String>();
        old.sql("SELECT dataset_id, graph_deflated FROM dataset_description")
                .query((rs, n) -> Map.entry(
                        rs.getString(1), Deflated.stored(rs.getBytes(2)).text()))
                .list()
                .forEach(e -> moved.put(e.getKey(), e.getValue()));
        assertThat(moved).isEqualTo(graphs);
        var after = new Datasets(old);
        assertThat(after.find(stored.dataset().id()).orElseThrow().dataset()).isEqualTo(stored.dataset());
        payloads.forEach((id, text) -> assertThat(after.provenance(id)).contains(text));
        assertThatThrownBy(() -> old.sql("SELECT graph FROM dataset").query().listOfRows())
                .as("the text column is gone")
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> old.sql("SELECT payload FROM dataset_provenance")
                        .query()
                        .listOfRows())
                .isInstanceOf(DataAccessException.class);
    }

    private static IngestRun run(String sourceId) {
        return new IngestRun(sourceId, "run-1", key -> false);
    }

    private static String titled(String title) {
        return "<%s> a dcat:Dataset ; dct:title \"" + title + "\"@fr ; dct:description \"Description.\"@fr .";
    }

    private static HarvestedRecord record(String iri, String turtle) {
        var model = ModelFactory.createDefaultModel();
        var text = """
                @prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
                @prefix adms: <http://www.w3.org/ns/adms#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                """ + turtle.formatted(iri);
        RDFParser.fromString(text, Lang.TURTLE).parse(model);
        return new HarvestedRecord(iri, model, model.createResource(iri), text, "text/turtle");
    }
}
