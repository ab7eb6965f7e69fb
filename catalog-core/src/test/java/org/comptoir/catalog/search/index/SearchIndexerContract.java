package org.comptoir.catalog.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.comptoir.catalog.Fixtures.aDataset;
import static org.comptoir.catalog.Fixtures.openGovernance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.comptoir.catalog.dataset.DatasetChanged;
import org.comptoir.catalog.dataset.DatasetKind;
import org.comptoir.catalog.dataset.DatasetRegistration;
import org.comptoir.catalog.dataset.Datasets;
import org.comptoir.catalog.search.SourceLabels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

    private final RecordingSearchIndex index = new RecordingSearchIndex();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private JdbcClient jdbc;
    private TransactionTemplate transactions;
    private Datasets datasets;
    private SearchOutbox outbox;
    private DatasetRegistration registration;

    protected abstract DataSource dataSource();

    @BeforeEach
    void setUp() {
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

        assertThat(index.committed()).doesNotContainKey(created);
        indexer.poll();

        assertThat(index.committed()).containsKey(created);
        assertThat(index.committed().get(created).text("title")).contains("Arbres d'alignement");
        assertThat(index.appliedChange()).isEqualTo(outbox.latest());
    }

    @Test
    void aChangeIndexesTheDatasetAsItIsNow() {
        var indexer = indexer();
        var id = register("Arbres d'alignement");
        var current = datasets.find(id).orElseThrow().dataset();
        registration.withdraw(id, current.version(), "cdo");

        indexer.poll();

        var document = index.committed().get(id);
        assertThat(document.version()).isEqualTo(2);
        assertThat(document.withdrawn()).isTrue();
    }

    @Test
    void aRolledBackChangeLeavesNothing() {
        var indexer = indexer();
        transactions.executeWithoutResult(status -> {
            register("Brouillon abandonné");
            status.setRollbackOnly();
        });

        indexer.poll();

        assertThat(index.committed()).isEmpty();
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
        assertThat(index.committed()).doesNotContainKey(id);

        indexer.poll();
        assertThat(index.committed()).containsKey(id);
    }

    @Test
    void aRestartCatchesUpFromWhereTheIndexStopped() {
        var first = indexer();
        var before = register("Parkings relais");
        first.poll();
        var whileDown = register("Pistes cyclables");

        var restarted = indexer();
        restarted.poll();

        assertThat(index.committed()).containsKeys(before, whileDown);
        assertThat(index.appliedChange()).isEqualTo(outbox.latest());
    }

    @Test
    void anEmptyIndexOverANonEmptyStoreIsRebuilt() {
        var a = register("Parkings relais");
        var b = register("Pistes cyclables");
        jdbc.sql("DELETE FROM search_outbox").update();

        indexer().poll();

        assertThat(index.committed()).containsOnlyKeys(a, b);
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

        indexer().poll();

        assertThat(index.committed()).containsKeys(a, b).hasSize(3);
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
        assertThat(index.committed()).containsKey(fast).hasSize(1);
        assertThat(index.appliedChange())
                .as("the index records no position beyond the change still uncommitted")
                .isLessThan(outbox.latest());

        release.countDown();
        var slowId = slow.get(10, TimeUnit.SECONDS);
        indexer.poll();

        assertThat(index.committed()).containsKeys(fast, slowId);
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
    void theBackgroundWorkerIndexesWithinASecond() throws Exception {
        var indexer = indexer();
        indexer.start();
        try {
            var id = register("Arbres remarquables");
            var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (!index.committed().containsKey(id) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(index.committed()).containsKey(id);
        } finally {
            indexer.stop();
        }
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
