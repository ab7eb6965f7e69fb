package org.comptoir.connectors.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.jena.rdf.model.ModelFactory;
import org.comptoir.catalog.TestDatabases;
import org.comptoir.catalog.dataset.AccessLevel;
import org.comptoir.catalog.dataset.FieldProblem;
import org.comptoir.catalog.dataset.Governance;
import org.comptoir.catalog.dataset.PersonalData;
import org.comptoir.catalog.dataset.PublicationStatus;
import org.comptoir.catalog.ingest.CatalogIngestion;
import org.comptoir.catalog.ingest.HarvestedRecord;
import org.comptoir.catalog.ingest.IngestOutcome;
import org.comptoir.catalog.ingest.IngestRun;
import org.comptoir.catalog.ingest.WithdrawalOutcome;
import org.comptoir.connectors.fetch.NetworkRules;
import org.comptoir.connectors.fetch.PageFetcher;
import org.comptoir.connectors.source.NewSource;
import org.comptoir.connectors.source.Politeness;
import org.comptoir.connectors.source.RunLimits;
import org.comptoir.connectors.source.SourceDefaults;
import org.comptoir.connectors.source.Sources;
import org.comptoir.connectors.source.TestSources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

class RunSessionTests {
    private static final String PAGE_1 = "https://x.example/c?page=1";
    private static final String PAGE_2 = "https://x.example/c?page=2";

    private final List<Governance> defaultsGiven = new ArrayList<>();
    private final List<String> ingested = new ArrayList<>();
    private final List<Set<String>> withdrawals = new ArrayList<>();
    private DataSource database;
    private HarvestRuns runs;
    private Sources sources;
    private Function<HarvestedRecord, IngestOutcome> catalogue;

    @BeforeEach
    void setUp() {
        database = TestDatabases.h2(
                "classpath:db/changelog/connectors.yaml", "classpath:db/changelog/harvest-review.yaml");
        runs = new HarvestRuns(JdbcClient.create(database));
        sources = TestSources.over(database, Clock.systemUTC());
        catalogue = record -> new IngestOutcome(IngestOutcome.Kind.ADDED, "id", List.of());
    }

    @Test
    void givesHarvestedDatasetsTheSourceDefaults() {
        var session = open(source(
                new SourceDefaults(
                        "Direction de l'Eau", "Jo Durand", null, AccessLevel.RESTRICTED, PersonalData.PERSONAL),
                RunLimits.NONE));

        session.accept(record("https://x.example/d/1"));
        session.pageRead(); // records go to the catalogue by batches, all of them at each page's end

        assertThat(defaultsGiven).singleElement().satisfies(defaults -> {
            assertThat(defaults.owner().orgUnit()).isEqualTo("Direction de l'Eau");
            assertThat(defaults.accessLevel()).isEqualTo(AccessLevel.RESTRICTED);
            assertThat(defaults.personalData()).isEqualTo(PersonalData.PERSONAL);
            assertThat(defaults.status()).isEqualTo(PublicationStatus.PUBLISHED);
            assertThat(defaults.isOpen()).isFalse();
        });
    }

    @Test
    void givesOpenPublishedDefaultsWhenTheSourceHasNone() {
        var session = open(source(SourceDefaults.NONE, RunLimits.NONE));
        session.accept(record("https://x.example/d/1"));
        session.pageRead();

        assertThat(defaultsGiven).singleElement().satisfies(defaults -> assertThat(defaults.isOpen())
                .isTrue());
    }

    @Test
    void reportsARefusedRecordWithTheFieldsToFixAtThePageBoundary() {
        catalogue = record -> IngestOutcome.failed(List.of(
                new FieldProblem("title", "Le jeu de données n'a pas de titre (dct:title)."),
                new FieldProblem("distributions[0].accessUrl", "La distribution n'a pas d'URL d'accès.")));
        var session = open(source(SourceDefaults.NONE, RunLimits.NONE));

        readPage(session, PAGE_1, "https://x.example/d/1");
        session.nextFetch(PAGE_2);

        var run = runs.find(session.runId()).orElseThrow();
        assertThat(run.errors())
                .containsExactly(new RecordError(
                        "https://x.example/d/1",
                        "title : Le jeu de données n'a pas de titre (dct:title). ; distributions[0].accessUrl : "
                                + "La distribution n'a pas d'URL d'accès."));
        assertThat(run.pages()).isEqualTo(1);
        assertThat(run.currentUrl()).isEqualTo(PAGE_1);
    }

    @Test
    void failsARecordThatBreaksTheCatalogueAloneWithoutShowingSql() {
        catalogue = record -> switch (record.sourceKey()) {
            case "https://x.example/d/1" -> throw new IllegalStateException("literal where a resource was expected");
            case "https://x.example/d/2" ->
                throw new DataIntegrityViolationException("INSERT INTO dataset ... [22001]");
            default -> new IngestOutcome(IngestOutcome.Kind.ADDED, "id", List.of());
        };
        var session = open(source(SourceDefaults.NONE, RunLimits.NONE));

        readPage(session, PAGE_1, "https://x.example/d/1", "https://x.example/d/2", "https://x.example/d/3");
        session.complete();

        var run = runs.find(session.runId()).orElseThrow();
        assertThat(run.counts()).isEqualTo(new Counts(1, 0, 0, 0, 2));
        assertThat(run.errors().get(0).reason()).contains("literal where a resource was expected");
        assertThat(run.errors().get(1).reason()).contains("base de données").doesNotContain("INSERT");
    }

    @Test
    void takesARecordMetTwiceInOneRunOnce() {
        var session = open(source(SourceDefaults.NONE, RunLimits.NONE));

        readPage(session, PAGE_1, "https://x.example/d/1", "https://x.example/d/1");
        session.complete();

        var run = runs.find(session.runId()).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.seen()).isEqualTo(1);
        assertThat(run.counts().added()).isEqualTo(1);
    }

    @Test
    void keepsTheFirstThousandErrorsAndCountsThemAll() {
        catalogue = record -> IngestOutcome.failed(List.of(new FieldProblem("title", "Pas de titre.")));
        var session = open(source(SourceDefaults.NONE, RunLimits.NONE));

        session.nextFetch(PAGE_1);
        session.startPage(PAGE_1);
        for (int i = 0; i < HarvestRun.MAX_ERRORS + 5; i++) {
            session.accept(record("https://x.example/d/" + i));
        }
        session.pageRead();
        session.complete();

        var run = runs.find(session.runId()).orElseThrow();
        assertThat(run.counts().failed()).isEqualTo(HarvestRun.MAX_ERRORS + 5);
        assertThat(run.errors()).hasSize(HarvestRun.MAX_ERRORS);
    }

    @Test
    void stopsWhenThePagingComesBackToAPageAlreadyRead() {
        var session = open(source(SourceDefaults.NONE, RunLimits.NONE));
        session.startPage(PAGE_1);
        session.startPage(PAGE_2);

        assertThatThrownBy(() -> session.startPage(PAGE_1))
                .isInstanceOf(HarvestAbortedException.class)
                .hasMessageContaining("boucle")
                .hasMessageContaining(PAGE_2 + " renvoie vers " + PAGE_1);
    }

    @Test
    void stopsBeyondTheMaximumNumberOfPages() {
        var session = open(source(SourceDefaults.NONE, RunLimits.NONE), properties(2));
        readPage(session, PAGE_1);
        readPage(session, PAGE_2);

        assertThatThrownBy(() -> session.startPage("https://x.example/c?page=3"))
                .isInstanceOf(HarvestAbortedException.class)
                .hasMessageContaining("plus de 2 pages")
                .hasMessageContaining("comptoir.harvest.max-pages");
    }

    @Test
    void failsARunKeepingItsCountsAndWithdrawingNothing() {
        var session = open(source(SourceDefaults.NONE, RunLimits.NONE));
        readPage(session, PAGE_1, "https://x.example/d/1");

        session.fail("la source a répondu 500 (Server Error) à GET https://x.example/c");

        var run = runs.find(session.runId()).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.counts()).isEqualTo(new Counts(1, 0, 0, 0, 0));
        assertThat(run.failureReason()).startsWith("la source a répondu 500");
        assertThat(withdrawals).isEmpty();
    }

    @Test
    void resumesFromItsCheckpointWithoutTakingCommittedPagesAgain() {
        var sourceId = source(SourceDefaults.NONE, RunLimits.NONE);
        var first = open(sourceId);
        readPage(first, PAGE_1, "https://x.example/d/1", "https://x.example/d/2");
        assertThat(first.nextFetch(PAGE_2)).isEqualTo(PAGE_2);
        first.startPage(PAGE_2);
        first.accept(record("https://x.example/d/3"));

        // the node crashes here, in the middle of page 2; its lease lapses and another node takes over
        var resumed = resumedOnAnotherNode(first);

        assertThat(resumed.nextFetch("https://x.example/c?page=1")).isEqualTo(PAGE_2);
        resumed.startPage(PAGE_2);
        resumed.accept(record("https://x.example/d/1"));
        resumed.accept(record("https://x.example/d/3"));
        resumed.accept(record("https://x.example/d/4"));
        resumed.pageRead();
        resumed.complete();

        assertThat(ingested).containsExactly("https://x.example/d/3", "https://x.example/d/4");
        assertThat(withdrawals)
                .containsExactly(Set.of(
                        "https://x.example/d/1",
                        "https://x.example/d/2",
                        "https://x.example/d/3",
                        "https://x.example/d/4"));
        var run = runs.find(first.runId()).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.counts()).isEqualTo(new Counts(4, 0, 0, 0, 0));
        assertThat(run.pages()).isEqualTo(2);

        // the first node comes back to life: it writes nothing more
        assertThat(first.nextFetch("https://x.example/c?page=3")).isNull();
        first.complete();
        assertThat(runs.find(first.runId()).orElseThrow().counts()).isEqualTo(new Counts(4, 0, 0, 0, 0));
    }

    @Test
    void savesNoCheckpointAfterItsLastPageAndReadsThatPageAgainWhenResumedBeforeItsEnd() {
        var sourceId = source(SourceDefaults.NONE, RunLimits.NONE);
        var first = open(sourceId);
        readPage(first, PAGE_1, "https://x.example/d/1", "https://x.example/d/2");
        assertThat(first.nextFetch(PAGE_2)).isEqualTo(PAGE_2);
        first.startPage(PAGE_2);
        first.accept(record("https://x.example/d/3"));
        first.lastPageRead();
        assertThat(savedKeys(first.runId())).containsExactly("https://x.example/d/1", "https://x.example/d/2");

        // the node crashes before the run's end; another node takes over
        var resumed = resumedOnAnotherNode(first);

        assertThat(resumed.nextFetch(PAGE_1)).as("the last page, read again").isEqualTo(PAGE_2);
        resumed.startPage(PAGE_2);
        resumed.accept(record("https://x.example/d/3"));
        resumed.lastPageRead();
        resumed.complete();

        assertThat(ingested).containsExactly("https://x.example/d/3");
        assertThat(withdrawals)
                .containsExactly(Set.of("https://x.example/d/1", "https://x.example/d/2", "https://x.example/d/3"));
        var run = runs.find(first.runId()).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.counts()).isEqualTo(new Counts(3, 0, 0, 0, 0));
        assertThat(run.pages()).isEqualTo(2);
        assertThat(savedKeys(first.runId()))
                .as("the end forgets the run's keys")
                .isEmpty();
    }

    /**
     * The run as another node resumes it once its lease has lapsed, as after a crash of the node
     * that drove it; what was taken in before is forgotten by the test's catalogue.
     */
    private RunSession resumedOnAnotherNode(RunSession crashed) {
        var otherNode = sessions();
        var lapse = Instant.now().plus(Duration.ofMinutes(5));
        runs.takeOver(crashed.runId(), otherNode.node(), lapse.plusSeconds(60), lapse)
                .orElseThrow();
        var resumed = otherNode.open(crashed.runId()).orElseThrow();
        ingested.clear();
        return resumed;
    }

    private List<String> savedKeys(String runId) {
        return JdbcClient.create(database)
                .sql("SELECT source_key FROM harvest_run_key WHERE run_id = ? ORDER BY seq")
                .param(runId)
                .query(String.class)
                .list();
    }

    @Test
    void resumesKnowingEveryKeyOfALargePage() {
        var sourceId = source(SourceDefaults.NONE, RunLimits.NONE);
        var first = open(sourceId);
        // a dump is one page: its keys are saved several hundred per statement
        var keys = java.util.stream.IntStream.rangeClosed(1, 601)
                .mapToObj(i -> "https://x.example/d/" + i)
                .toArray(String[]::new);
        readPage(first, PAGE_1, keys);
        assertThat(first.nextFetch(PAGE_2)).isEqualTo(PAGE_2);

        var resumed = resumedOnAnotherNode(first);
        resumed.startPage(PAGE_2);
        for (var i : List.of(1, 250, 251, 500, 501, 601, 602)) {
            resumed.accept(record("https://x.example/d/" + i));
        }
        resumed.pageRead();
        resumed.complete();

        assertThat(ingested).as("only the key page 1 did not hold").containsExactly("https://x.example/d/602");
        var seen = new java.util.HashSet<>(List.of(keys));
        seen.add("https://x.example/d/602");
        assertThat(withdrawals).containsExactly(seen);
        assertThat(runs.find(first.runId()).orElseThrow().counts()).isEqualTo(new Counts(602, 0, 0, 0, 0));
    }

    @Test
    void stopsAtTheRecordLimitKeepingWhatItTookAndWithdrawingNothing() {
        var session = open(source(SourceDefaults.NONE, new RunLimits(2, null)));

        readPage(session, PAGE_1, "https://x.example/d/1", "https://x.example/d/2", "https://x.example/d/3");

        assertThat(session.nextFetch(PAGE_2)).isNull();
        assertThat(ingested).containsExactly("https://x.example/d/1", "https://x.example/d/2");
        var run = runs.find(session.runId()).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason()).contains("limite de 2 jeux de données").contains("rien n'a été retiré");
        assertThat(run.counts().added()).isEqualTo(2);
        assertThat(withdrawals).isEmpty();
    }

    @Test
    void cancelsAtTheNextPageBoundaryWithdrawingNothing() {
        var session = open(source(SourceDefaults.NONE, RunLimits.NONE));
        readPage(session, PAGE_1, "https://x.example/d/1");

        runs.requestCancel(session.runId(), "cdo");

        assertThat(session.nextFetch(PAGE_2)).isNull();
        var run = runs.find(session.runId()).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(run.failureReason()).contains("annulée par cdo");
        assertThat(run.counts().added()).isEqualTo(1);
        assertThat(run.finishedAt()).isNotNull();
        assertThat(runs.active(run.sourceId())).isEmpty();
        assertThat(withdrawals).isEmpty();
    }

    @Test
    void spacesItsRequestsAsTheSourceAsks() {
        var sourceId = sources.create(new NewSource(
                        "Lente", "dcat-ap", "https://x.example/c", null, null, new Politeness(5.0, null), null, null))
                .id();
        var session = open(sourceId);

        long start = System.nanoTime();
        session.awaitTurn();
        session.awaitTurn();
        session.awaitTurn();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(390));
    }

    private String source(SourceDefaults defaults, RunLimits limits) {
        return sources.create(
                        new NewSource("Source", "dcat-ap", "https://x.example/c", null, null, null, defaults, limits))
                .id();
    }

    private RunSession open(String sourceId) {
        return open(sourceId, properties(10));
    }

    private RunSession open(String sourceId, HarvestProperties properties) {
        var sessions = sessions(properties);
        var runId = UUID.randomUUID().toString();
        var now = Instant.now();
        runs.queue(runId, sourceId, RunTrigger.api("cdo"), sessions.node(), now.plusSeconds(60), now);
        return sessions.open(runId).orElseThrow();
    }

    private RunSessions sessions() {
        return sessions(properties(10));
    }

    private RunSessions sessions(HarvestProperties properties) {
        var ingestion = new CatalogIngestion(null, null, null, null, null, null) {
            @Override
            public IngestOutcome ingest(IngestRun run, HarvestedRecord record, Governance defaults) {
                defaultsGiven.add(defaults);
                ingested.add(record.sourceKey());
                return catalogue.apply(record);
            }

            @Override
            public java.util.List<org.comptoir.catalog.ingest.IngestResult> ingestAll(
                    IngestRun run, java.util.List<HarvestedRecord> records, Governance defaults) {
                return records.stream()
                        .map(record -> new org.comptoir.catalog.ingest.IngestResult(
                                record.sourceKey(), ingest(run, record, defaults), null))
                        .toList();
            }

            @Override
            public WithdrawalOutcome completeRun(String source, String run, Set<String> seenKeys) {
                withdrawals.add(Set.copyOf(seenKeys));
                return new WithdrawalOutcome(0, 0, 0, null);
            }
        };
        return new RunSessions(
                JdbcClient.create(database),
                sources,
                ingestion,
                new CredentialHeaders(
                        new PageFetcher(
                                NetworkRules.defaults(),
                                Duration.ofSeconds(1),
                                Duration.ofSeconds(1),
                                0,
                                1024,
                                Clock.systemUTC()),
                        Clock.systemUTC()),
                new DataSourceTransactionManager(database),
                properties,
                Clock.systemUTC());
    }

    private static void readPage(RunSession session, String url, String... keys) {
        assertThat(session.nextFetch(url)).isEqualTo(url);
        session.startPage(url);
        for (var key : keys) {
            session.accept(record(key));
        }
        session.pageRead();
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
                defaults.staleRunTimeout(),
                defaults.history());
    }

    private static HarvestedRecord record(String key) {
        var model = ModelFactory.createDefaultModel();
        var dataset = model.createResource(key);
        return new HarvestedRecord(key, model, dataset, "", "text/turtle");
    }
}
