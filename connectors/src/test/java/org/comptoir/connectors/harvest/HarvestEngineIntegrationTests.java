package org.comptoir.connectors.harvest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.comptoir.catalog.dataset.AccessLevel;
import org.comptoir.catalog.dataset.Datasets;
import org.comptoir.catalog.dataset.PublicationStatus;
import org.comptoir.connectors.ConnectorsTestApplication;
import org.comptoir.connectors.RunFinishedException;
import org.comptoir.connectors.SourceProbeException;
import org.comptoir.connectors.source.Credentials;
import org.comptoir.connectors.source.NewSource;
import org.comptoir.connectors.source.Politeness;
import org.comptoir.connectors.source.RunLimits;
import org.comptoir.connectors.source.Source;
import org.comptoir.connectors.source.SourceDefaults;
import org.comptoir.connectors.source.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The engine as a city runs it, against catalogues served by WireMock: credentials on every page,
 * OAuth2 tokens asked once, the source's defaults on what it brings in, cancellation at a page
 * boundary, the dry run that writes nothing, and a cron schedule that fires through Quartz.
 */
@SpringBootTest(classes = ConnectorsTestApplication.class, properties = "comptoir.harvest.read-timeout=5s")
class HarvestEngineIntegrationTests {
    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @Autowired
    Sources sources;

    @Autowired
    HarvestEngine engine;

    @Autowired
    HarvestScheduling scheduling;

    @Autowired
    SourceProbe probe;

    @Autowired
    Datasets datasets;

    @Test
    void sendsTheSourceApiKeyWithEveryPage() {
        var catalogue = new PagedCatalogue(2, 2);
        catalogue.serve(server, stub -> stub.withHeader("X-API-Key", equalTo("clé-secrète")));
        var source = source(catalogue, new Credentials.ApiKey("X-API-Key", "clé-secrète"), null, null, null);

        var run = harvest(source, RunTrigger.api("cdo"));

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.counts().added()).isEqualTo(4);
        assertThat(run.trigger()).isEqualTo(RunTrigger.api("cdo"));
        server.verify(
                1, getRequestedFor(urlEqualTo(catalogue.path(2))).withHeader("X-API-Key", equalTo("clé-secrète")));
    }

    @Test
    void asksAnOAuth2TokenOnceAndSendsItWithEveryPage() {
        var catalogue = new PagedCatalogue(3, 1);
        catalogue.serve(server, stub -> stub.withHeader("Authorization", equalTo("Bearer jeton-42")));
        server.stubFor(post(urlEqualTo(catalogue.base + "/token"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withBasicAuth("comptoir", "secret-du-client")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"jeton-42\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        var oauth = new Credentials.OAuth2(
                server.baseUrl() + catalogue.base + "/token", "comptoir", "secret-du-client", "catalogue");

        var first = harvest(source(catalogue, oauth, null, null, null), RunTrigger.screen("cdo"));
        var second = harvest(source(catalogue, oauth, null, null, null), RunTrigger.screen("cdo"));

        assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(second.status()).isEqualTo(RunStatus.SUCCEEDED);
        server.verify(1, postRequestedFor(urlEqualTo(catalogue.base + "/token")));
        server.verify(2, getRequestedFor(urlEqualTo(catalogue.path(3))));
    }

    @Test
    void asksNoOAuth2TokenFromAnAddressTheNetworkRulesRefuse() {
        var catalogue = new PagedCatalogue(1, 1);
        catalogue.serve(server);
        var oauth = new Credentials.OAuth2(
                "http://169.254.169.254/latest/meta-data/iam/token", "comptoir", "secret-du-client", null);

        var run = harvest(source(catalogue, oauth, null, null, null), RunTrigger.api("cdo"));

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason())
                .contains("jetons OAuth2")
                .contains("169.254.169.254")
                .doesNotContain("secret-du-client");
        server.verify(0, getRequestedFor(urlEqualTo(catalogue.path(1))));
    }

    @Test
    void failsWithAReasonWhenTheSourceRefusesTheCredentials() {
        var catalogue = new PagedCatalogue(1, 1);
        catalogue.serve(server, stub -> stub.withBasicAuth("moissonneur", "bon mot de passe"));
        var source = source(catalogue, new Credentials.Basic("moissonneur", "mauvais"), null, null, null);

        var run = harvest(source, RunTrigger.api("cdo"));

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason())
                .contains("404")
                .contains(catalogue.path(1))
                .doesNotContain("mauvais");
    }

    @Test
    void givesWhatTheSourceBringsInItsDefaults() {
        var catalogue = new PagedCatalogue(1, 2);
        catalogue.serve(server);
        var source = source(
                catalogue,
                null,
                new SourceDefaults(
                        "Direction de l'Eau", "Jo Durand", "jo.durand@metropole.example", AccessLevel.RESTRICTED, null),
                null,
                null);

        harvest(source, RunTrigger.api("cdo"));

        var governance = datasets.findBySourceKey(source.id(), PagedCatalogue.key(1))
                .orElseThrow()
                .dataset()
                .governance();
        assertThat(governance.owner().orgUnit()).isEqualTo("Direction de l'Eau");
        assertThat(governance.owner().email()).isEqualTo("jo.durand@metropole.example");
        assertThat(governance.accessLevel()).isEqualTo(AccessLevel.RESTRICTED);
        assertThat(governance.status()).isEqualTo(PublicationStatus.PUBLISHED);
    }

    @Test
    void cancelsARunAtTheNextPageKeepingWhatItTookAndWithdrawingNothing() {
        var catalogue = new PagedCatalogue(3, 2);
        catalogue.serve(server, stub -> stub);
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo(catalogue.path(2)))
                .willReturn(catalogue.page(2).withFixedDelay(700)));
        var source = source(catalogue, null, null, null, null);
        var earlier = harvest(source, RunTrigger.api("cdo"));
        assertThat(earlier.counts().added()).isEqualTo(6);

        var run = engine.start(source.id(), RunTrigger.screen("cdo"));
        await(run.id(), r -> r.pages() >= 1);
        var asked = engine.cancel(run.id(), "cdo");
        var cancelled = awaitFinished(run.id());

        assertThat(asked.cancelRequestedBy()).isEqualTo("cdo");
        assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(cancelled.failureReason()).contains("annulée par cdo");
        assertThat(cancelled.counts().withdrawn()).isZero();
        assertThat(cancelled.pages()).isLessThan(3);
        server.verify(1, getRequestedFor(urlEqualTo(catalogue.path(3))));
        assertThat(datasets.findBySourceKey(source.id(), PagedCatalogue.key(6))
                        .orElseThrow()
                        .dataset()
                        .governance()
                        .status())
                .isEqualTo(PublicationStatus.PUBLISHED);
        assertThatThrownBy(() -> engine.cancel(run.id(), "cdo")).isInstanceOf(RunFinishedException.class);
    }

    @Test
    void stopsARunAtItsRecordLimit() {
        var catalogue = new PagedCatalogue(3, 2);
        catalogue.serve(server);
        var source = source(catalogue, null, null, new RunLimits(3, null), null);

        var run = harvest(source, RunTrigger.api("cdo"));

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason()).contains("limite de 3");
        assertThat(run.counts().added()).isEqualTo(3);
        server.verify(0, getRequestedFor(urlEqualTo(catalogue.path(3))));
    }

    @Test
    void testsASourceWithoutWritingAnything() {
        var catalogue = new PagedCatalogue(2, 3);
        catalogue.serve(server);
        var candidate = new NewSource("Essai", "dcat-ap", catalogue.url(server), null);
        long before = datasets.count();

        var preview = probe.probe(candidate, null);

        assertThat(preview.count()).isEqualTo(3);
        assertThat(preview.total()).isEqualTo(6L);
        assertThat(preview.titles()).containsExactly("Jeu de données 1", "Jeu de données 2", "Jeu de données 3");
        assertThat(preview.next()).endsWith(catalogue.path(2));
        assertThat(datasets.count()).isEqualTo(before);
        server.verify(0, getRequestedFor(urlEqualTo(catalogue.path(2))));
    }

    @Test
    void saysWhyATestedSourceCannotBeRead() {
        var candidate = new NewSource("Essai", "dcat-ap", server.baseUrl() + "/nulle-part", null);

        assertThatThrownBy(() -> probe.probe(candidate, null))
                .isInstanceOf(SourceProbeException.class)
                .hasMessageContaining("404")
                .hasMessageContaining("vérifiez l'URL");
    }

    @Test
    void harvestsOnItsCronScheduleAndStopsOnceDeleted() {
        var catalogue = new PagedCatalogue(1, 1);
        catalogue.serve(server);
        var source = sources.create(new NewSource("Planifiée", "dcat-ap", catalogue.url(server), "* * * * * *"));
        assertThat(scheduling.next(source.id())).isPresent();

        var deadline = Instant.now().plusSeconds(20);
        while (engine.runsOf(source.id()).stream().noneMatch(r -> r.status() == RunStatus.SUCCEEDED)) {
            if (Instant.now().isAfter(deadline)) {
                fail("no scheduled run in 20 s");
            }
            sleep(100);
        }
        var run = engine.runsOf(source.id()).getLast();
        assertThat(run.trigger()).isEqualTo(RunTrigger.schedule());

        sources.update(
                source.id(),
                sources.find(source.id()).orElseThrow().version(),
                new NewSource("Planifiée", "dcat-ap", catalogue.url(server), null));
        assertThat(scheduling.next(source.id())).isEmpty();
        // a run the schedule fired just before may still be starting: wait until none has been active for a second
        var quiet = Instant.now().plusSeconds(1);
        var giveUp = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(quiet)) {
            if (engine.runsOf(source.id()).stream().anyMatch(r -> r.status().isActive())) {
                quiet = Instant.now().plusSeconds(1);
            }
            if (Instant.now().isAfter(giveUp)) {
                fail("a run of the unscheduled source was still active after 30 s");
            }
            sleep(50);
        }
        sources.delete(source.id());
        assertThat(sources.find(source.id())).isEmpty();
    }

    private Source source(
            PagedCatalogue catalogue,
            Credentials credentials,
            SourceDefaults defaults,
            RunLimits limits,
            Politeness politeness) {
        return sources.create(new NewSource(
                "Source " + catalogue.base,
                "dcat-ap",
                catalogue.url(server),
                null,
                credentials,
                politeness,
                defaults,
                limits));
    }

    private HarvestRun harvest(Source source, RunTrigger trigger) {
        return awaitFinished(engine.start(source.id(), trigger).id());
    }

    private HarvestRun awaitFinished(String runId) {
        return await(runId, run -> !run.status().isActive());
    }

    private HarvestRun await(String runId, Predicate<HarvestRun> condition) {
        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            var run = engine.run(runId).orElseThrow();
            if (condition.test(run)) {
                return run;
            }
            if (Instant.now().isAfter(deadline)) {
                fail("run " + runId + " still " + run.status() + " after 30 s");
            }
            sleep(20);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
