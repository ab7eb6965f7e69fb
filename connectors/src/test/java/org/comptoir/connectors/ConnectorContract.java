package org.comptoir.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.comptoir.catalog.dataset.Datasets;
import org.comptoir.catalog.dataset.PublicationStatus;
import org.comptoir.catalog.dataset.StoredDataset;
import org.comptoir.connectors.harvest.Counts;
import org.comptoir.connectors.harvest.HarvestEngine;
import org.comptoir.connectors.harvest.HarvestRun;
import org.comptoir.connectors.harvest.RecordError;
import org.comptoir.connectors.harvest.RunStatus;
import org.comptoir.connectors.source.NewSource;
import org.comptoir.connectors.source.Source;
import org.comptoir.connectors.source.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What every source kind must do, whatever its format: harvest every page, fail a bad record alone,
 * skip what did not change, withdraw what disappeared, retry a flaky source, and fail a run with a
 * clear reason without losing what earlier runs took in; a failed run never brings a withdrawal closer. A kind's integration tests extend this
 * class and serve its small test catalogue with WireMock.
 */
@SpringBootTest(classes = ConnectorsTestApplication.class)
public abstract class ConnectorContract {
    @RegisterExtension
    protected static final WireMockExtension source = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Autowired
    protected Sources sources;

    @Autowired
    protected HarvestEngine engine;

    @Autowired
    protected Datasets datasets;

    private String portal;

    /** The source kind under test. */
    protected abstract String kind();

    /** The extension of the test catalogue's files, {@code catalogue-v1-page-1.json} and so on. */
    protected abstract String fixtureExtension();

    /** The {@code Content-Type} the kind's pages come with. */
    protected abstract String pageType();

    /**
     * Serves version 1 or 2 of the kind's test catalogue under {@code base}, from the files
     * {@code catalogue-v<version>-page-<page>} beside the test class. Version 1: "stationnement",
     * "arbres" and "sans-titre" (which has no title) on the first page, "compteurs" on the second; the
     * source says it holds 4. Version 2: "arbres" is gone and "compteurs" changed.
     */
    protected void serveCatalogue(String base, int version) {
        servedUnder(base);
        source.stubFor(get(urlEqualTo(firstPage(base))).willReturn(cataloguePage(version, 1)));
        source.stubFor(get(urlEqualTo(secondPage(base))).willReturn(cataloguePage(version, 2)));
    }

    /** The answer {@link #serveCatalogue} gives for one page of one version, to stub it again. */
    protected ResponseDefinitionBuilder cataloguePage(int version, int page) {
        return answer(fixture("catalogue-v" + version + "-page-" + page + "." + fixtureExtension()), pageType());
    }

    /** Where the catalogue served last lives, as its keys and links name it. */
    protected String portal() {
        return portal;
    }

    /** Says that the catalogue now served lives under {@code base}. */
    protected void servedUnder(String base) {
        portal = url(base);
    }

    /** Serves {@code body} at {@code path} as a page of the kind. */
    protected void serve(String path, String body) {
        serve(path, body, pageType());
    }

    protected void serve(String path, String body, String contentType) {
        source.stubFor(get(urlEqualTo(path)).willReturn(answer(body, contentType)));
    }

    protected static ResponseDefinitionBuilder answer(String body, String contentType) {
        return aResponse().withHeader("Content-Type", contentType).withBody(body);
    }

    /** A file beside the test class. */
    protected String fixture(String name) {
        return Reference.fixture(getClass(), name);
    }

    /** The path (and query) of the test catalogue's first page under {@code base}. */
    protected abstract String firstPage(String base);

    /** The path (and query) of its second page. */
    protected abstract String secondPage(String base);

    /** The source key of a dataset of the test catalogue, by its short name. */
    protected abstract String key(String name);

    @Test
    void harvestsEveryPageAndFailsTheRecordWithoutTitleAlone() {
        var base = base();
        serveCatalogue(base, 1);
        var source = aSource(base);

        var run = harvest(source);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.counts()).isEqualTo(new Counts(3, 0, 0, 0, 1));
        assertThat(run.seen()).isEqualTo(4);
        assertThat(run.total()).isEqualTo(4L);
        assertThat(run.failureReason()).isNull();
        assertThat(run.finishedAt()).isAfterOrEqualTo(run.startedAt());
        assertThat(run.errors()).singleElement().satisfies(error -> {
            assertThat(error.sourceKey()).isEqualTo(key("sans-titre"));
            assertThat(error.reason()).contains("titre");
        });
        for (var name : new String[] {"stationnement", "arbres", "compteurs"}) {
            assertThat(stored(source, name).dataset().governance().status()).isEqualTo(PublicationStatus.PUBLISHED);
        }
        assertThat(datasets.findBySourceKey(source.id(), key("sans-titre"))).isEmpty();
        source().verify(1, getRequestedFor(urlEqualTo(secondPage(base))));
    }

    @Test
    void secondRunOfAnUnchangedSourceWritesNothing() {
        var base = base();
        serveCatalogue(base, 1);
        var source = aSource(base);
        harvest(source);
        var before = stored(source, "stationnement");

        var run = harvest(source);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.counts()).isEqualTo(new Counts(0, 0, 3, 0, 1));
        var after = stored(source, "stationnement");
        assertThat(after.dataset().version()).isEqualTo(before.dataset().version());
        assertThat(after.dataset().provenance().updatedAt())
                .isEqualTo(before.dataset().provenance().updatedAt());
    }

    /**
     * With the default grace ({@code comptoir.harvest.withdrawal.grace-runs=2}), a dataset is
     * withdrawn by the second complete run that no longer lists it, not the first.
     */
    @Test
    void withdrawsWhatTwoCompleteRunsNoLongerSeeAndUpdatesWhatChanged() {
        var base = base();
        serveCatalogue(base, 1);
        var source = aSource(base);
        harvest(source);
        var counters = stored(source, "compteurs");
        serveCatalogue(base, 2);

        var first = harvest(source);

        assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(first.counts()).isEqualTo(new Counts(0, 1, 1, 0, 1));
        assertStillPublished(source, "arbres");
        assertThat(stored(source, "compteurs").dataset().version())
                .isGreaterThan(counters.dataset().version());

        var second = harvest(source);

        assertThat(second.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(second.counts()).isEqualTo(new Counts(0, 0, 2, 1, 1));
        assertThat(stored(source, "arbres").dataset().governance().status()).isEqualTo(PublicationStatus.WITHDRAWN);
        assertStillPublished(source, "stationnement", "compteurs");
    }

    @Test
    void neverCountsAFailedRunTowardTheWithdrawalGrace() {
        var base = base();
        serveCatalogue(base, 1);
        var source = aSource(base);
        harvest(source);
        serveCatalogue(base, 2);
        source().stubFor(
                        get(urlEqualTo(secondPage(base))).willReturn(aResponse().withStatus(502)));
        assertThat(harvest(source).status()).isEqualTo(RunStatus.FAILED);
        serveCatalogue(base, 2);

        var complete = harvest(source);

        assertThat(complete.counts().withdrawn()).isZero();
        assertStillPublished(source, "arbres");
    }

    @Test
    void publishesAgainAWithdrawnDatasetThatComesBack() {
        var base = base();
        serveCatalogue(base, 1);
        var source = aSource(base);
        harvest(source);
        serveCatalogue(base, 2);
        harvest(source);
        harvest(source);
        serveCatalogue(base, 1);

        var run = harvest(source);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.counts()).isEqualTo(new Counts(0, 2, 1, 0, 1));
        assertStillPublished(source, "stationnement", "arbres", "compteurs");
    }

    @Test
    void retriesAPageAnswering503AndSucceeds() {
        var base = base();
        serveCatalogue(base, 1);
        var scenario = "flaky-" + base;
        source().stubFor(get(urlEqualTo(firstPage(base)))
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("one failure"));
        source().stubFor(get(urlEqualTo(firstPage(base)))
                .inScenario(scenario)
                .whenScenarioStateIs("one failure")
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("two failures"));
        var source = aSource(base);
        var page = cataloguePage(1, 1);
        source().stubFor(get(urlEqualTo(firstPage(base)))
                .inScenario(scenario)
                .whenScenarioStateIs("two failures")
                .willReturn(page));

        var run = harvest(source);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.counts().added()).isEqualTo(3);
        source().verify(3, getRequestedFor(urlEqualTo(firstPage(base))));
    }

    @Test
    void failsWithAReasonNamingTheUrlWhenTheSourceKeepsAnswering500AndKeepsEarlierDatasets() {
        var base = base();
        serveCatalogue(base, 1);
        var source = aSource(base);
        harvest(source);
        source().stubFor(get(urlEqualTo(firstPage(base))).willReturn(serverError()));

        var run = harvest(source);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason())
                .contains(url(firstPage(base)))
                .contains("500")
                .contains("3 tentatives");
        assertThat(run.counts()).isEqualTo(Counts.ZERO);
        source().verify(1 + 3, getRequestedFor(urlEqualTo(firstPage(base))));
        assertStillPublished(source, "stationnement", "arbres", "compteurs");
    }

    @Test
    void failsWhenTheSourceDoesNotAnswerInTimeAndKeepsEarlierDatasets() {
        var base = base();
        serveCatalogue(base, 1);
        var source = aSource(base);
        harvest(source);
        source().stubFor(get(urlEqualTo(firstPage(base)))
                .willReturn(cataloguePage(1, 1).withFixedDelay(2_500)));

        var run = harvest(source);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason()).contains(url(firstPage(base))).contains("délai");
        assertStillPublished(source, "stationnement", "arbres", "compteurs");
    }

    @Test
    void keepsWhatARunTookInBeforeALaterPageFailedAndWithdrawsNothing() {
        var base = base();
        serveCatalogue(base, 1);
        var source = aSource(base);
        harvest(source);
        serveCatalogue(base, 2);
        source().stubFor(
                        get(urlEqualTo(secondPage(base))).willReturn(aResponse().withStatus(502)));

        var run = harvest(source);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason()).contains(url(secondPage(base))).contains("502");
        assertThat(run.seen()).isEqualTo(2);
        assertThat(run.counts()).isEqualTo(new Counts(0, 0, 1, 0, 1));
        assertThat(run.errors()).extracting(RecordError::sourceKey).containsExactly(key("sans-titre"));
        assertStillPublished(source, "stationnement", "arbres", "compteurs");
    }

    @Test
    void showsProgressWhileRunning() throws InterruptedException {
        var base = base();
        serveCatalogue(base, 1);
        source().stubFor(get(urlEqualTo(secondPage(base)))
                .willReturn(cataloguePage(1, 2).withFixedDelay(700)));
        var source = aSource(base);

        var runId = engine.start(source.id()).id();

        var deadline = Instant.now().plus(DEADLINE);
        HarvestRun seenMidway = null;
        while (seenMidway == null && Instant.now().isBefore(deadline)) {
            var run = engine.run(runId).orElseThrow();
            if (run.status() == RunStatus.RUNNING && run.seen() == 3) {
                seenMidway = run;
            } else if (!run.status().isActive()) {
                fail("the run finished before its progress could be seen: " + run);
            }
            Thread.sleep(10);
        }
        assertThat(seenMidway).isNotNull();
        assertThat(seenMidway.counts()).isEqualTo(new Counts(2, 0, 0, 0, 1));
        assertThat(seenMidway.errors()).extracting(RecordError::sourceKey).containsExactly(key("sans-titre"));
        assertThat(awaitFinished(runId).seen()).isEqualTo(4);
    }

    @Test
    void refusesASecondRunOfASourceWhileOneIsActive() {
        var base = base();
        serveCatalogue(base, 1);
        source().stubFor(get(urlEqualTo(firstPage(base)))
                .willReturn(cataloguePage(1, 1).withFixedDelay(500)));
        var source = aSource(base);
        var first = engine.start(source.id());

        assertThat(first.status().isActive())
                .as("the first run is queued or already running")
                .isTrue();
        assertThatThrownBy(() -> engine.start(source.id()))
                .isInstanceOf(RunAlreadyActiveException.class)
                .satisfies(e -> assertThat(((RunAlreadyActiveException) e).activeRunId())
                        .isEqualTo(first.id()));
        assertThat(awaitFinished(first.id()).status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void listsTheRunsOfASourceNewestFirst() {
        var base = base();
        serveCatalogue(base, 1);
        var source = aSource(base);
        var first = harvest(source);
        var second = harvest(source);

        assertThat(engine.runsOf(source.id())).extracting(HarvestRun::id).containsExactly(second.id(), first.id());
        assertThat(engine.runsOf(source.id()).get(1).counts().added()).isEqualTo(3);
    }

    @Test
    void refusesToHarvestAnUnknownSource() {
        assertThatThrownBy(() -> engine.start("no-such-source")).isInstanceOf(SourceNotFoundException.class);
        assertThatThrownBy(() -> engine.runsOf("no-such-source")).isInstanceOf(SourceNotFoundException.class);
        assertThat(engine.run("no-such-run")).isEmpty();
    }

    protected static WireMockExtension source() {
        return source;
    }

    protected static String base() {
        return "/" + UUID.randomUUID();
    }

    protected static String url(String path) {
        return source.baseUrl() + path;
    }

    protected Source aSource(String base) {
        return sourceAt(url(firstPage(base)));
    }

    protected Source sourceAt(String url) {
        return sources.create(new NewSource("Source de test " + kind(), kind(), url, null));
    }

    protected HarvestRun harvest(Source source) {
        return awaitFinished(engine.start(source.id()).id());
    }

    protected HarvestRun awaitFinished(String runId) {
        var deadline = Instant.now().plus(DEADLINE);
        while (true) {
            var run = engine.run(runId).orElseThrow();
            if (!run.status().isActive()) {
                return run;
            }
            if (Instant.now().isAfter(deadline)) {
                fail("run " + runId + " still " + run.status() + " after " + DEADLINE);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for run " + runId);
            }
        }
    }

    protected StoredDataset stored(Source source, String name) {
        return datasets.findBySourceKey(source.id(), key(name))
                .orElseThrow(() -> new AssertionError("no dataset " + key(name) + " in the store"));
    }

    protected void assertStillPublished(Source source, String... names) {
        for (var name : names) {
            assertThat(stored(source, name).dataset().governance().status())
                    .as("status of %s", name)
                    .isEqualTo(PublicationStatus.PUBLISHED);
        }
    }
}
