package org.comptoir.connectors.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;
import org.comptoir.connectors.source.NewSource;
import org.comptoir.connectors.source.Sources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What the store of harvest runs does on every database the changelog supports. */
abstract class HarvestRunsContract {
    private static final Instant T0 = Instant.parse("2026-03-01T08:30:00.123456Z");

    private HarvestRuns runs;
    private String sourceId;

    protected abstract DataSource database();

    @BeforeEach
    void setUp() {
        var jdbc = JdbcClient.create(database());
        runs = new HarvestRuns(jdbc);
        sourceId = new Sources(jdbc, Clock.fixed(T0, ZoneOffset.UTC))
                .create(new NewSource("Source", "dcat-ap", "https://data.example.org/catalog.ttl", null))
                .id();
    }

    @Test
    void queuesARunThatShowsAsActive() {
        var id = newId();
        runs.queue(id, sourceId, T0);

        var run = runs.find(id).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(run.startedAt()).isEqualTo(T0);
        assertThat(run.finishedAt()).isNull();
        assertThat(run.counts()).isEqualTo(Counts.ZERO);
        assertThat(run.total()).isNull();
        assertThat(runs.active(sourceId))
                .hasValueSatisfying(active -> assertThat(active.id()).isEqualTo(id));
    }

    @Test
    void startsAQueuedRunOnlyOnce() {
        var id = newId();
        runs.queue(id, sourceId, T0);

        assertThat(runs.markRunning(id, T0.plusSeconds(1))).isTrue();
        assertThat(runs.markRunning(id, T0.plusSeconds(2))).isFalse();
        assertThat(runs.find(id).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void recordsProgressAndErrorsInOrderWhileRunning() {
        var id = newId();
        runs.queue(id, sourceId, T0);
        runs.markRunning(id, T0);

        runs.progress(id, 42, 1000L, new Counts(40, 1, 0, 0, 1), T0.plusSeconds(5));
        runs.addError(
                id, 1, new RecordError("https://data.example.org/d/1", "title : Le jeu de données n'a pas de titre."));
        runs.addError(id, 2, new RecordError("https://data.example.org/d/2", "é".repeat(3000)));

        var run = runs.find(id).orElseThrow();
        assertThat(run.seen()).isEqualTo(42);
        assertThat(run.total()).isEqualTo(1000L);
        assertThat(run.counts()).isEqualTo(new Counts(40, 1, 0, 0, 1));
        assertThat(run.errors())
                .extracting(RecordError::sourceKey)
                .containsExactly("https://data.example.org/d/1", "https://data.example.org/d/2");
        assertThat(run.errors().get(1).reason()).hasSize(2000).endsWith("…");
        assertThat(runs.active(sourceId).orElseThrow().progressedAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void finishesARunOnceAndKeepsItsCounts() {
        var id = newId();
        runs.queue(id, sourceId, T0);
        runs.markRunning(id, T0);

        assertThat(runs.finish(id, RunStatus.SUCCEEDED, 4, 4L, new Counts(3, 0, 0, 1, 1), null, T0.plusSeconds(9)))
                .isTrue();
        assertThat(runs.fail(id, "trop tard", T0.plusSeconds(10))).isFalse();

        var run = runs.find(id).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.finishedAt()).isEqualTo(T0.plusSeconds(9));
        assertThat(run.counts()).isEqualTo(new Counts(3, 0, 0, 1, 1));
        assertThat(run.failureReason()).isNull();
        assertThat(runs.active(sourceId)).isEmpty();
    }

    @Test
    void failsAnActiveRunKeepingItsProgress() {
        var id = newId();
        runs.queue(id, sourceId, T0);
        runs.markRunning(id, T0);
        runs.progress(id, 3, null, new Counts(2, 0, 0, 0, 1), T0);

        assertThat(runs.fail(id, "la source a répondu 500", T0.plusSeconds(3))).isTrue();

        var run = runs.find(id).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason()).isEqualTo("la source a répondu 500");
        assertThat(run.counts()).isEqualTo(new Counts(2, 0, 0, 0, 1));
    }

    @Test
    void listsTheLatestRunsOfASourceNewestFirst() {
        for (int i = 0; i < 25; i++) {
            var id = "run-" + String.format("%02d", i) + "-"
                    + UUID.randomUUID().toString().substring(0, 8);
            runs.queue(id, sourceId, T0.plus(i, ChronoUnit.MINUTES));
            runs.fail(id, "test", T0.plus(i, ChronoUnit.MINUTES));
        }

        var latest = runs.ofSource(sourceId, 20);

        assertThat(latest).hasSize(20);
        assertThat(latest.getFirst().id()).startsWith("run-24");
        assertThat(latest.getLast().id()).startsWith("run-05");
    }

    @Test
    void locksTheSourceRowInATransaction() {
        var transactions = new TransactionTemplate(new DataSourceTransactionManager(database()));

        Boolean known = transactions.execute(status -> runs.lockSource(sourceId));
        Boolean unknown = transactions.execute(status -> runs.lockSource("no-such-source"));

        assertThat(known).isTrue();
        assertThat(unknown).isFalse();
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
