package org.comptoir.connectors.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.comptoir.catalog.ingest.IngestOutcome;
import org.comptoir.connectors.source.NewSource;
import org.comptoir.connectors.source.TestSources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What the store of harvest runs does on every database the changelog supports. */
abstract class HarvestRunsContract {
    private static final Instant T0 = Instant.parse("2026-03-01T08:30:00.123456Z");
    private static final Instant LEASE = T0.plusSeconds(60);

    private HarvestRuns runs;
    private String sourceId;

    protected abstract DataSource database();

    @BeforeEach
    void setUp() {
        runs = new HarvestRuns(JdbcClient.create(database()));
        sourceId = TestSources.over(database(), Clock.fixed(T0, ZoneOffset.UTC))
                .create(new NewSource("Source", "dcat-ap", "https://data.example.org/catalog.ttl", null))
                .id();
    }

    @Test
    void queuesARunThatShowsAsActiveWithWhoStartedIt() {
        var id = queue(RunTrigger.screen("cdo"));

        var run = runs.find(id).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(run.trigger()).isEqualTo(RunTrigger.screen("cdo"));
        assertThat(run.startedAt()).isEqualTo(T0);
        assertThat(run.finishedAt()).isNull();
        assertThat(run.counts()).isEqualTo(Counts.ZERO);
        assertThat(run.total()).isNull();
        assertThat(runs.active(sourceId))
                .hasValueSatisfying(active -> assertThat(active.id()).isEqualTo(id));
    }

    @Test
    void refusesASecondActiveRunOfASourceWhateverTheNode() {
        queue(RunTrigger.schedule());

        assertThatThrownBy(() -> runs.queue(newId(), sourceId, RunTrigger.schedule(), "node-b", LEASE, T0))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void letsTheSourceRunAgainOnceItsRunEnded() {
        var first = queue(RunTrigger.schedule());
        runs.finish(claim(first), RunStatus.SUCCEEDED, 0, null, 0, Counts.ZERO, null, T0);

        var second = queue(RunTrigger.api("cdo"));

        assertThat(runs.active(sourceId).orElseThrow().id()).isEqualTo(second);
    }

    @Test
    void startsAQueuedRunOnlyOnce() {
        var id = queue(RunTrigger.schedule());

        assertThat(runs.markRunning(claim(id), T0.plusSeconds(1))).isTrue();
        assertThat(runs.find(id).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void recordsProgressAndCheckpointsWhileRunning() {
        var id = queue(RunTrigger.schedule());
        var claim = claim(id);
        runs.markRunning(claim, T0);

        runs.progress(
                claim, 2, 1000L, 1, "https://data.example.org/c?page=1", new Counts(1, 0, 0, 0, 1), T0.plusSeconds(5));
        runs.checkpoint(
                claim,
                "https://data.example.org/c?page=2",
                1,
                List.of(
                        new HarvestRuns.Taken("https://data.example.org/d/1", IngestOutcome.Kind.ADDED),
                        new HarvestRuns.Taken("https://data.example.org/d/2", IngestOutcome.Kind.FAILED)),
                1,
                List.of(new RecordError("https://data.example.org/d/2", "é".repeat(3000))));

        var run = runs.find(id).orElseThrow();
        assertThat(run.seen()).isEqualTo(2);
        assertThat(run.total()).isEqualTo(1000L);
        assertThat(run.pages()).isEqualTo(1);
        assertThat(run.currentUrl()).isEqualTo("https://data.example.org/c?page=1");
        assertThat(run.errors().getFirst().reason()).hasSize(2000).endsWith("…");
        var checkpoint = runs.checkpointOf(id);
        assertThat(checkpoint.nextUrl()).isEqualTo("https://data.example.org/c?page=2");
        assertThat(checkpoint.keys())
                .containsExactly(
                        java.util.Map.entry("https://data.example.org/d/1", IngestOutcome.Kind.ADDED),
                        java.util.Map.entry("https://data.example.org/d/2", IngestOutcome.Kind.FAILED));
        assertThat(checkpoint.errorsKept()).isEqualTo(1);
    }

    @Test
    void writesNothingMoreForAnAttemptThatAnotherNodeTookOver() {
        var id = queue(RunTrigger.schedule());
        var first = claim(id);
        runs.markRunning(first, T0);

        assertThat(runs.interrupted(LEASE.plusSeconds(1), 1000)).contains(id);
        assertThat(runs.takeOver(id, "node-b", LEASE.plusSeconds(60), T0.plusSeconds(30)))
                .isEmpty();
        var second = runs.takeOver(id, "node-b", LEASE.plusSeconds(60), LEASE.plusSeconds(1))
                .orElseThrow();

        assertThat(second.attempt()).isEqualTo(first.attempt() + 1);
        assertThat(runs.progress(first, 9, null, 9, null, Counts.ZERO, T0)).isFalse();
        assertThat(runs.finish(first, RunStatus.FAILED, 9, null, 9, Counts.ZERO, "zombie", T0))
                .isFalse();
        assertThat(runs.progress(second, 1, null, 1, null, Counts.ZERO, T0)).isTrue();
    }

    @Test
    void handsOverTheRunsOfAStoppingNodeAtOnce() {
        var id = queue(RunTrigger.schedule());

        runs.release("node-a", T0);

        assertThat(runs.interrupted(T0, 1000)).contains(id);
        runs.renew("node-a", LEASE);
        assertThat(runs.interrupted(T0, 1000)).doesNotContain(id);
    }

    @Test
    void finishesARunOnceKeepingItsCountsAndForgettingItsCheckpoint() {
        var id = queue(RunTrigger.schedule());
        var claim = claim(id);
        runs.markRunning(claim, T0);
        runs.checkpoint(claim, "next", 1, List.of(new HarvestRuns.Taken("k", IngestOutcome.Kind.ADDED)), 1, List.of());

        assertThat(runs.finish(
                        claim, RunStatus.SUCCEEDED, 4, 4L, 2, new Counts(3, 0, 0, 1, 1), null, T0.plusSeconds(9)))
                .isTrue();
        assertThat(runs.end(id, RunStatus.FAILED, "trop tard", T0.plusSeconds(10)))
                .isFalse();

        var run = runs.find(id).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.finishedAt()).isEqualTo(T0.plusSeconds(9));
        assertThat(run.counts()).isEqualTo(new Counts(3, 0, 0, 1, 1));
        assertThat(run.failureReason()).isNull();
        assertThat(runs.active(sourceId)).isEmpty();
        assertThat(runs.checkpointOf(id).keys()).isEmpty();
    }

    @Test
    void recordsWhoAskedToCancelAnActiveRunOnly() {
        var id = queue(RunTrigger.schedule());

        assertThat(runs.requestCancel(id, "cdo")).isTrue();
        assertThat(runs.cancelRequestedBy(id)).isEqualTo("cdo");
        runs.end(id, RunStatus.CANCELLED, "récolte annulée par cdo", T0);
        assertThat(runs.requestCancel(id, "admin")).isFalse();
        assertThat(runs.find(id).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
    }

    @Test
    void keepsTheLatestRunsOfASourceAndDeletesOlderOnes() {
        for (int i = 0; i < 25; i++) {
            var id = "run-" + String.format("%02d", i) + "-"
                    + UUID.randomUUID().toString().substring(0, 8);
            runs.queue(id, sourceId, RunTrigger.schedule(), "node-a", LEASE, T0.plus(i, ChronoUnit.MINUTES));
            runs.addError(id, 1, new RecordError("k", "r"));
            runs.end(id, RunStatus.FAILED, "test", T0.plus(i, ChronoUnit.MINUTES));
        }

        assertThat(runs.prune(sourceId, 20)).isEqualTo(5);

        var latest = runs.ofSource(sourceId, 50);
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

    private String queue(RunTrigger trigger) {
        var id = newId();
        runs.queue(id, sourceId, trigger, "node-a", LEASE, T0);
        return id;
    }

    private HarvestRuns.Claim claim(String id) {
        return runs.claim(id).orElseThrow();
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
