package org.comptoir.connectors.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.apache.jena.rdf.model.ModelFactory;
import org.comptoir.catalog.TestDatabases;
import org.comptoir.catalog.dataset.FieldProblem;
import org.comptoir.catalog.dataset.Governance;
import org.comptoir.catalog.dataset.PublicationStatus;
import org.comptoir.catalog.ingest.CatalogIngestion;
import org.comptoir.catalog.ingest.HarvestedRecord;
import org.comptoir.catalog.ingest.IngestOutcome;
import org.comptoir.catalog.ingest.IngestRun;
import org.comptoir.catalog.ingest.WithdrawalOutcome;
import org.comptoir.connectors.source.NewSource;
import org.comptoir.connectors.source.Sources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

class RunSessionTests {
    private final List<Governance> defaultsGiven = new ArrayList<>();
    private final List<Set<String>> completions = new ArrayList<>();
    private WithdrawalOutcome withdrawal = new WithdrawalOutcome(0, 0, 0, null);
    private HarvestRuns runs;
    private String sourceId;
    private String runId;
    private Function<HarvestedRecord, IngestOutcome> catalogue;

    @BeforeEach
    void setUp() {
        var jdbc = JdbcClient.create(TestDatabases.h2(
                "classpath:db/changelog/connectors.yaml", "classpath:db/changelog/harvest-review.yaml"));
        runs = new HarvestRuns(jdbc);
        sourceId = new Sources(jdbc, Clock.systemUTC())
                .create(new NewSource("Source", "dcat-ap", "https://data.example.org/catalog.ttl", null))
                .id();
        runId = UUID.randomUUID().toString();
        runs.queue(runId, sourceId, Clock.systemUTC().instant());
        runs.markRunning(runId, Clock.systemUTC().instant());
        catalogue = record -> new IngestOutcome(IngestOutcome.Kind.ADDED, "id", List.of());
    }

    @Test
    void givesHarvestedDatasetsOpenPublishedDefaults() {
        var session = session(properties(10));

        session.accept(record("https://x.example/d/1"));

        assertThat(defaultsGiven).singleElement().satisfies(defaults -> {
            assertThat(defaults.isOpen()).isTrue();
            assertThat(defaults.status()).isEqualTo(PublicationStatus.PUBLISHED);
        });
    }

    @Test
    void reportsARefusedRecordWithTheFieldsToFix() {
        catalogue = record -> IngestOutcome.failed(List.of(
                new FieldProblem("title", "Le jeu de données n'a pas de titre (dct:title)."),
                new FieldProblem("distributions[0].accessUrl", "La distribution n'a pas d'URL d'accès.")));
        var session = session(properties(10));

        session.accept(record("https://x.example/d/1"));
        session.pageRead();

        assertThat(runs.find(runId).orElseThrow().errors())
                .containsExactly(new RecordError(
                        "https://x.example/d/1",
                        "title : Le jeu de données n'a pas de titre (dct:title). ; distributions[0].accessUrl : "
                                + "La distribution n'a pas d'URL d'accès."));
    }

    @Test
    void failsARecordThatBreaksTheCatalogueAloneWithoutShowingSql() {
        catalogue = record -> switch (record.sourceKey()) {
            case "https://x.example/d/1" -> throw new IllegalStateException("literal where a resource was expected");
            case "https://x.example/d/2" ->
                throw new DataIntegrityViolationException("INSERT INTO dataset ... [22001]");
            default -> new IngestOutcome(IngestOutcome.Kind.ADDED, "id", List.of());
        };
        var session = session(properties(10));

        session.accept(record("https://x.example/d/1"));
        session.accept(record("https://x.example/d/2"));
        session.accept(record("https://x.example/d/3"));
        session.pageRead();

        var run = runs.find(runId).orElseThrow();
        assertThat(run.counts()).isEqualTo(new Counts(1, 0, 0, 0, 2));
        assertThat(run.errors().get(0).reason()).contains("literal where a resource was expected");
        assertThat(run.errors().get(1).reason()).contains("base de données").doesNotContain("INSERT");
    }

    @Test
    void takesARecordMetTwiceInOneRunOnce() {
        var session = session(properties(10));

        session.accept(record("https://x.example/d/1"));
        session.accept(record("https://x.example/d/1"));
        session.complete();

        var run = runs.find(runId).orElseThrow();
        assertThat(run.seen()).isEqualTo(1);
        assertThat(run.counts().added()).isEqualTo(1);
    }

    @Test
    void keepsTheFirstThousandErrorsAndCountsThemAll() {
        catalogue = record -> IngestOutcome.failed(List.of(new FieldProblem("title", "Pas de titre.")));
        var session = session(properties(10));

        for (int i = 0; i < HarvestRun.MAX_ERRORS + 5; i++) {
            session.accept(record("https://x.example/d/" + i));
        }
        session.complete();

        var run = runs.find(runId).orElseThrow();
        assertThat(run.counts().failed()).isEqualTo(HarvestRun.MAX_ERRORS + 5);
        assertThat(run.errors()).hasSize(HarvestRun.MAX_ERRORS);
    }

    @Test
    void stopsWhenThePagingComesBackToAPageAlreadyRead() {
        var session = session(properties(10));
        session.startPage("https://x.example/c?page=1");
        session.startPage("https://x.example/c?page=2");

        assertThatThrownBy(() -> session.startPage("https://x.example/c?page=1"))
                .isInstanceOf(HarvestAbortedException.class)
                .hasMessageContaining("boucle")
                .hasMessageContaining("https://x.example/c?page=2 renvoie vers https://x.example/c?page=1");
    }

    @Test
    void stopsBeyondTheMaximumNumberOfPages() {
        var session = session(properties(2));
        session.startPage("https://x.example/c?page=1");
        session.startPage("https://x.example/c?page=2");

        assertThatThrownBy(() -> session.startPage("https://x.example/c?page=3"))
                .isInstanceOf(HarvestAbortedException.class)
                .hasMessageContaining("plus de 2 pages")
                .hasMessageContaining("comptoir.harvest.max-pages");
    }

    @Test
    void failsARunKeepingItsCountsAndWithdrawingNothing() {
        var session = session(properties(10));
        session.accept(record("https://x.example/d/1"));

        session.fail("la source a répondu 500 (Server Error) à GET https://x.example/c");

        var run = runs.find(runId).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.counts()).isEqualTo(new Counts(1, 0, 0, 0, 0));
        assertThat(run.failureReason()).startsWith("la source a répondu 500");
        assertThat(completions)
                .as("a failed run never counts toward a withdrawal")
                .isEmpty();
    }

    @Test
    void countsTheRecordsReconciledToADatasetTheSourceAlreadyHad() {
        catalogue = record -> new IngestOutcome(
                IngestOutcome.Kind.RECONCILED,
                "id",
                List.of(),
                record.sourceKey().replace("nouveau", "ancien"));
        var session = session(properties(10));

        session.accept(record("https://x.example/d/nouveau-1"));
        session.accept(record("https://x.example/d/nouveau-2"));
        session.complete();

        var run = runs.find(runId).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.counts()).isEqualTo(new Counts(0, 0, 0, 0, 0, 2, 0));
        assertThat(completions)
                .containsExactly(Set.of("https://x.example/d/nouveau-1", "https://x.example/d/nouveau-2"));
    }

    @Test
    void asksForConfirmationWhenTheCatalogueHeldTheRunsWithdrawals() {
        withdrawal = new WithdrawalOutcome(
                5, 0, 5, "confirmation nécessaire : la source ne liste plus 5 de ses 10 jeux de données (50 %)");
        var session = session(properties(10));
        session.accept(record("https://x.example/d/1"));

        session.complete();

        var run = runs.find(runId).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.TO_CONFIRM);
        assertThat(run.status().isActive()).isFalse();
        assertThat(run.counts()).isEqualTo(new Counts(1, 0, 0, 0, 0, 0, 5));
        assertThat(run.failureReason()).startsWith("confirmation nécessaire").contains("(50 %)");
    }

    private RunSession session(HarvestProperties properties) {
        var ingestion = new CatalogIngestion(null, null, null, null, null, null) {
            @Override
            public IngestOutcome ingest(IngestRun run, HarvestedRecord record, Governance defaults) {
                defaultsGiven.add(defaults);
                return catalogue.apply(record);
            }

            @Override
            public WithdrawalOutcome completeRun(String source, String run, Set<String> seenKeys) {
                completions.add(Set.copyOf(seenKeys));
                return withdrawal;
            }
        };
        return new RunSession(runId, sourceId, runs, ingestion, properties, Clock.systemUTC());
    }

    private static HarvestProperties properties(int maxPages) {
        var defaults = HarvestProperties.defaults();
        return new HarvestProperties(
                defaults.connectTimeout(),
                defaults.readTimeout(),
                defaults.maxRedeliveries(),
                defaults.redeliveryDelay(),
                maxPages,
                defaults.concurrentRuns(),
                Duration.ofMinutes(15));
    }

    private static HarvestedRecord record(String key) {
        var model = ModelFactory.createDefaultModel();
        var dataset = model.createResource(key);
        return new HarvestedRecord(key, model, dataset, "", "text/turtle");
    }
}
