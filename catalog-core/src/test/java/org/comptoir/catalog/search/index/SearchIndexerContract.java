package org.comptoir.catalog.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.comptoir.catalog.Fixtures.aDataset;
import static org.comptoir.catalog.Fixtures.openGovernance;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.comptoir.catalog.dataset.DatasetChanged;
import org.comptoir.catalog.dataset.DatasetKind;
import org.comptoir.catalog.dataset.DatasetRegistration;
import org.comptoir.catalog.dataset.Datasets;
import org.comptoir.catalog.search.Facet;
import org.comptoir.catalog.search.SearchEngine;
import org.comptoir.catalog.search.SearchHit;
import org.comptoir.catalog.search.SearchQuery;
import org.comptoir.catalog.search.SourceLabels;
import org.comptoir.catalog.search.Viewer;
import org.comptoir.catalog.search.lucene.LuceneSearchEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The index follows the store through the outbox, whatever the store (H2, MariaDB): what commits is
 * indexed at the next poll, what rolls back never is, a failure is retried, a restart catches up,
 * and commits that cross do not lose a change.
 */
public abstract class SearchIndexerContract {
    protected static final String[] CHANGELOGS = {
        "classpath:db/changelog/catalog.yaml", "classpath:db/changelog/search.yaml"
    };
    private static final SearchIndexer.Settings SETTINGS =
            new SearchIndexer.Settings(Duration.ofMillis(50), 100, Duration.ofMinutes(1), Duration.ofDays(7));

    @TempDir
    Path folder;

    private SearchEngine engine;
    private FailingSearchIndex index;
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private JdbcClient jdbc;
    private TransactionTemplate transactions;
    private Datasets datasets;
    private SearchOutbox outbox;
    private DatasetRegistration registration;

    protected abstract DataSource dataSource();

    /**
     * Opens the index of this name for this test: the same name opens the same index again. By
     * default an embedded Lucene index in the test's folder.
     */
    protected SearchEngine openEngine(String name) {
        return new LuceneSearchEngine(folder.resolve(name));
    }

    /** Whether every node searches one index (a server) rather than an index of its own. */
    protected boolean sharedIndex() {
        return false;
    }

    @BeforeEach
    void setUp() {
        engine = openEngine("index");
        index = new FailingSearchIndex(engine);
        var dataSource = dataSource();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        datasets = new Datasets(jdbc);
        outbox = new SearchOutbox(jdbc, clock);
        registration = new DatasetRegistration(
                datasets,
                transactions,
                event -> {
                    if (event instanceof DatasetChanged changed) {
                        outbox.on(changed);
                    }
                },
                clock);
    }

    @Test
    void aCommittedChangeIsIndexedAtTheNextPoll() {
        var indexer = indexer();
        indexer.poll();
        var created = register("Arbres d'alignement");

        assertThat(found("alignement")).doesNotContain(created);
        indexer.poll();

        assertThat(found("alignement")).containsExactly(created);
        assertThat(index.appliedChange()).isEqualTo(outbox.latest());
    }

    @Test
    void aChangeIndexesTheDatasetAsItIsNow() {
        var indexer = indexer();
        var id = register("Arbres d'alignement");
        var current = datasets.find(id).orElseThrow().dataset();
        registration.withdraw(id, current.version(), "cdo");

        indexer.poll();

        assertThat(engine.indexedVersions()).containsEntry(id, 2L);
        assertThat(found("alignement"))
                .as("a withdrawn dataset is found only on asking")
                .isEmpty();
        var withdrawn = new SearchQuery(
                "alignement",
                Map.of(Facet.STATUS, Set.of("WITHDRAWN")),
                null,
                null,
                null,
                null,
                Viewer.INTERNAL,
                0,
                10,
                "fr");
        assertThat(engine.search(withdrawn).hits())
                .extracting(SearchHit::datasetId)
                .containsExactly(id);
    }

    @Test
    void aRolledBackChangeLeavesNothing() {
        var indexer = indexer();
        transactions.executeWithoutResult(status -> {
            register("Brouillon abandonné");
            status.setRollbackOnly();
        });

        indexer.poll();

        assertThat(engine.indexedVersions()).isEmpty();
        assertThat(found("abandonné")).isEmpty();
        assertThat(outbox.latest()).isZero();
        assertThat(datasets.count()).isZero();
    }

    @Test
    void aChangeWhoseIndexingFailedIsRetriedAndLands() {
        var indexer = indexer();
        indexer.poll();
        var id = register("Bornes de recharge");
        index.failNext(1);

        assertThatThrownBy(indexer::poll).hasMessageContaining("unavailable");
        assertThat(found("recharge")).isEmpty();

        indexer.poll();
        assertThat(found("recharge")).containsExactly(id);
    }

    @Test
    void aRestartCatchesUpFromWhereTheIndexStopped() {
        var first = indexer();
        var before = register("Parkings relais");
        first.poll();
        var whileDown = register("Pistes cyclables");
        reopen();

        var restarted = indexer();
        restarted.poll();

        assertThat(found("parkings")).containsExactly(before);
        assertThat(found("cyclables")).containsExactly(whileDown);
        assertThat(index.appliedChange()).isEqualTo(outbox.latest());
    }

    @Test
    void anEmptyIndexOverANonEmptyStoreIsRebuilt() {
        var a = register("Parkings relais");
        var b = register("Pistes cyclables");
        jdbc.sql("DELETE FROM search_outbox").update();

        indexer().poll();

        assertThat(engine.indexedVersions()).containsOnlyKeys(a, b);
    }

    @Test
    void anIndexThatMissedPrunedChangesIsRebuilt() {
        var indexer = indexer();
        var a = register("Parkings relais");
        indexer.poll();
        long applied = index.appliedChange();
        var b = register("Pistes cyclables");
        register("Aires de covoiturage");
        // a node that stayed away longer than the retention: the rows after its position are gone
        jdbc.sql("DELETE FROM search_outbox WHERE position <= ?")
                .param(applied + 1)
                .update();

        reopen();
        indexer().poll();

        assertThat(engine.indexedVersions()).containsKeys(a, b).hasSize(3);
    }

    @Test
    void twoWritersWhoseCommitsCrossLoseNothing() throws Exception {
        var indexer = indexer();
        indexer.poll();
        var inserted = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var slow = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
            // takes the lower position, then commits last
            var id = register("Écoles maternelles");
            inserted.countDown();
            await(release);
            return id;
        }));
        assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
        var fast = register("Collèges");

        indexer.poll();
        assertThat(engine.indexedVersions()).containsOnlyKeys(fast);
        assertThat(index.appliedChange())
                .as("the index records no position beyond the change still uncommitted")
                .isLessThan(outbox.latest());

        release.countDown();
        var slowId = slow.get(10, TimeUnit.SECONDS);
        indexer.poll();

        assertThat(found("maternelles")).containsExactly(slowId);
        assertThat(found("collèges")).containsExactly(fast);
        assertThat(index.appliedChange()).isEqualTo(outbox.latest());
    }

    @Test
    void aRebuildIndexesTheWholeStoreAndTheConsistencyCheckAgrees() {
        var indexer = indexer();
        for (int i = 0; i < 250; i++) {
            register("Jeu " + i);
        }
        var rebuilt = indexer.rebuild();

        assertThat(rebuilt.datasets()).isEqualTo(250);
        var report = indexer.consistency();
        assertThat(report.consistent()).isTrue();
        assertThat(report.stored()).isEqualTo(250);
        assertThat(report.indexed()).isEqualTo(250);
    }

    @Test
    void theConsistencyCheckNamesMissingStaleAndOrphanDocuments() {
        var indexer = indexer();
        var stale = register("Parkings relais");
        var orphan = register("Pistes cyclables");
        indexer.poll();
        var missing = register("Aires de covoiturage");
        registration.withdraw(stale, 1, "cdo");
        jdbc.sql("DELETE FROM dataset WHERE id = ?").param(orphan).update();

        var report = indexer.consistency();

        assertThat(report.consistent()).isFalse();
        assertThat(report.missing()).containsExactly(missing);
        assertThat(report.stale()).containsExactly(stale);
        assertThat(report.orphans()).containsExactly(orphan);

        // the store never deletes a dataset; were one gone, a change of it removes its document
        outbox.on(new DatasetChanged(orphan, 2, DatasetChanged.Change.WITHDRAWN, "cdo"));
        indexer.poll();
        assertThat(indexer.consistency().consistent()).isTrue();
    }

    @Test
    void aChangeReachesEveryNodeAtItsNextPoll() {
        var nodeA = indexer();
        var otherEngine = openEngine(sharedIndex() ? "index" : "node-b");
        try {
            var nodeB = new SearchIndexer(outbox, datasets, otherEngine, SourceLabels.NONE, SETTINGS, clock);
            nodeA.poll();
            nodeB.poll();
            var id = register("Bancs publics");

            nodeA.poll();
            nodeB.poll();

            assertThat(found("bancs")).containsExactly(id);
            assertThat(otherEngine
                            .search(SearchQuery.of("bancs", Viewer.INTERNAL, 0, 10))
                            .hits())
                    .extracting(SearchHit::datasetId)
                    .containsExactly(id);
        } finally {
            otherEngine.close();
        }
    }

    @Test
    void waitingForTheIndexIsNotHeldUpByAChangeThatRolledBack() {
        var indexer = indexer();
        indexer.poll();
        indexer.start();
        try {
            transactions.executeWithoutResult(status -> {
                register("Brouillon abandonné");
                status.setRollbackOnly();
            });
            var id = register("Kiosques à journaux");

            assertThat(indexer.awaitCaughtUp(Duration.ofSeconds(10))).isTrue();
            assertThat(found("kiosques")).containsExactly(id);
            assertThat(index.appliedChange())
                    .as("the position the rollback took stays open until the gap timeout")
                    .isLessThan(outbox.latest());
        } finally {
            indexer.stop();
        }
    }

    @Test
    void theBackgroundWorkerIndexesWithinASecond() throws Exception {
        var indexer = indexer();
        // a node that has been running: its index exists and it has caught up
        indexer.poll();
        indexer.start();
        try {
            var id = register("Arbres remarquables");
            var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (!found("remarquables").contains(id) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(found("remarquables")).containsExactly(id);
        } finally {
            indexer.stop();
        }
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    /** The datasets a search by an internal viewer finds. */
    private List<String> found(String words) {
        return engine.search(SearchQuery.of(words, Viewer.INTERNAL, 0, 100)).hits().stream()
                .map(SearchHit::datasetId)
                .toList();
    }

    /** As after a restart of the node: the same index, opened again. */
    private void reopen() {
        engine.close();
        engine = openEngine("index");
        index = new FailingSearchIndex(engine);
    }

    private SearchIndexer indexer() {
        return new SearchIndexer(outbox, datasets, index, SourceLabels.NONE, SETTINGS, clock);
    }

    private String register(String title) {
        return registration
                .register(DatasetKind.DATASET, aDataset().withTitle(title).build(), openGovernance(), "owner")
                .id();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
