package org.comptoir.connectors.dcatus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.comptoir.catalog.dataset.Datasets;
import org.comptoir.connectors.ConnectorsTestApplication;
import org.comptoir.connectors.Reference;
import org.comptoir.connectors.harvest.Counts;
import org.comptoir.connectors.harvest.HarvestEngine;
import org.comptoir.connectors.harvest.HarvestRun;
import org.comptoir.connectors.harvest.RunStatus;
import org.comptoir.connectors.source.NewSource;
import org.comptoir.connectors.source.SourceKinds;
import org.comptoir.connectors.source.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The {@code dcat-us} kind against a real ArcGIS Hub feed served by WireMock. A {@code data.json}
 * is one page, so the two-page connector contract does not apply: the run's counts, what the
 * catalogue shows and an unchanged second run are checked. Three of Evian's eight datasets have an
 * empty description and fail alone, as the catalogue requires one.
 */
@SpringBootTest(classes = ConnectorsTestApplication.class)
class DcatUsConnectorIntegrationTests {
    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @Autowired
    Sources sources;

    @Autowired
    HarvestEngine engine;

    @Autowired
    Datasets datasets;

    @Test
    void harvestsTheEvianHubFeedThenFindsItUnchanged() {
        var path = "/" + UUID.randomUUID() + "/api/feed/dcat-us/1.1.json";
        server.stubFor(get(urlEqualTo(path))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(Reference.text("arcgis/hub-feeds/dcat-us-1.1_evian.hub.arcgis.com.json"))));
        var source = sources.create(
                new NewSource("Hub de la ville d'Evian", SourceKinds.DCAT_US, server.baseUrl() + path, null));

        var first = harvest(source.id());

        assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(first.counts()).isEqualTo(new Counts(5, 0, 0, 0, 3));
        assertThat(first.total()).isEqualTo(8L);
        assertThat(first.errors()).hasSize(3).allSatisfy(error -> assertThat(error.reason())
                .contains("description"));
        var bikes = datasets.findBySourceKey(
                        source.id(),
                        "https://www.arcgis.com/home/item.html?id=f6565516d1354383b25793e630cf3f2b&sublayer=5")
                .orElseThrow();
        assertThat(bikes.dataset().isOpen()).isTrue();
        assertThat(bikes.dataset().description().spatial().bbox()).startsWith("POLYGON((6.5735 46.3912");

        var second = harvest(source.id());

        assertThat(second.counts()).isEqualTo(new Counts(0, 0, 5, 0, 3));
    }

    private HarvestRun harvest(String sourceId) {
        var id = engine.start(sourceId).id();
        var deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            var run = engine.run(id).orElseThrow();
            if (!run.status().isActive()) {
                return run;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("run " + id + " did not finish");
    }
}
