package org.comptoir.connectors.arcgis;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.comptoir.catalog.dataset.Datasets;
import org.comptoir.catalog.dataset.PublicationStatus;
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
 * The {@code arcgis} kind against a services directory served by WireMock: the walk over the root,
 * two folders and two services (five pages) harvests each layer and table once, fails the layer
 * without name alone, and a second run finds everything unchanged.
 */
@SpringBootTest(classes = ConnectorsTestApplication.class)
class ArcgisConnectorIntegrationTests {
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
    void harvestsEveryLayerOfTheDirectoryAndFindsThemUnchangedTheSecondTime() {
        var root = "/" + UUID.randomUUID() + "/arcgis/rest/services";
        serve(root, "directory-root.json");
        serve(root + "/Environnement", "directory-environnement.json");
        serve(root + "/Utilities", "directory-utilities.json");
        serve(root + "/Voirie/FeatureServer/layers", "voirie-layers.json");
        serve(root + "/Environnement/Arbres/MapServer/layers", "arbres-layers.json");
        var source =
                sources.create(new NewSource("SIG de la métropole", SourceKinds.ARCGIS, server.baseUrl() + root, null));

        var first = harvest(source.id());

        assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(first.counts()).isEqualTo(new Counts(3, 0, 0, 0, 1));
        assertThat(first.errors()).singleElement().satisfies(error -> {
            assertThat(error.sourceKey()).isEqualTo(server.baseUrl() + root + "/Voirie/FeatureServer/1");
            assertThat(error.reason()).contains("titre");
        });
        server.verify(0, getRequestedFor(urlPathEqualTo(root + "/Voirie/MapServer/layers")));
        server.verify(0, getRequestedFor(urlPathEqualTo(root + "/Orthophoto/ImageServer/layers")));
        var trees = datasets.findBySourceKey(source.id(), server.baseUrl() + root + "/Environnement/Arbres/MapServer/0")
                .orElseThrow();
        assertThat(trees.dataset().governance().status()).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(trees.dataset().description().distributions())
                .anySatisfy(rest ->
                        assertThat(rest.description().best("fr")).contains("NOM_VOIE (texte) : Nom de la voie"));

        var second = harvest(source.id());

        assertThat(second.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(second.counts()).isEqualTo(new Counts(0, 0, 3, 0, 1));
    }

    @Test
    void failsWithTheServersReasonWhenItAsksForAToken() {
        var root = "/" + UUID.randomUUID() + "/arcgis/rest/services";
        server.stubFor(get(urlPathEqualTo(root))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"code\": 499, \"message\": \"Token Required\"}}")));
        var source = sources.create(new NewSource("SIG protégé", SourceKinds.ARCGIS, server.baseUrl() + root, null));

        var run = harvest(source.id());

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason()).contains("Token Required");
    }

    private static void serve(String path, String fixture) {
        server.stubFor(get(urlPathEqualTo(path))
                .withQueryParam("f", equalTo("json"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(Reference.fixture(ArcgisConnectorIntegrationTests.class, fixture))));
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
