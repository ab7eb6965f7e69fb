package org.comptoir.connectors.udata;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.comptoir.connectors.ConnectorContract;
import org.comptoir.connectors.harvest.Counts;
import org.comptoir.connectors.harvest.RunStatus;
import org.comptoir.connectors.source.SourceKinds;
import org.junit.jupiter.api.Test;

/**
 * The {@code udata} kind against a udata API v1 served by WireMock: the connector contract over a
 * two-page list (three datasets a page). The test catalogue's second version has a dataset fewer on
 * its first page, as when one is deleted between two pages.
 */
class UdataConnectorIntegrationTests extends ConnectorContract {
    private static final Map<String, String> IDS = Map.of(
            "stationnement", "65f1c0a1e2b3c4d5e6f70001",
            "arbres", "65f1c0a1e2b3c4d5e6f70002",
            "sans-titre", "65f1c0a1e2b3c4d5e6f70003",
            "compteurs", "65f1c0a1e2b3c4d5e6f70004");

    @Override
    protected String kind() {
        return SourceKinds.UDATA;
    }

    @Override
    protected String fixtureExtension() {
        return "json";
    }

    @Override
    protected String pageType() {
        return "application/json;charset=utf-8";
    }

    @Override
    protected String firstPage(String base) {
        return base + "/api/1/datasets/?page=1&page_size=3";
    }

    @Override
    protected String secondPage(String base) {
        return base + "/api/1/datasets/?page=2&page_size=3";
    }

    @Override
    protected String key(String name) {
        return portal() + "/datasets/" + IDS.get(name) + "/";
    }

    @Test
    void harvestsFromThePortalRootAndMapsWhatAUserSees() {
        var base = base();
        serveCatalogue(base, 1);
        var root = base + "/api/1/datasets/?page=1&page_size=100";
        source().stubFor(get(urlEqualTo(root)).willReturn(cataloguePage(1, 1)));
        source().stubFor(get(urlEqualTo(base + "/api/1/datasets/?page=2&page_size=100"))
                .willReturn(cataloguePage(1, 2)));
        var source = sourceAt(url(base));

        var run = harvest(source);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.counts()).isEqualTo(new Counts(3, 0, 0, 0, 1));
        source().verify(1, getRequestedFor(urlEqualTo(root)));
        var parking = stored(source, "stationnement").dataset().description();
        assertThat(parking.publisher().name().best("fr")).isEqualTo("Métropole de démonstration");
        assertThat(parking.temporal().start()).isEqualTo("2020-01-01");
        assertThat(parking.spatial().bbox())
                .isEqualTo("POLYGON((4.77 45.7, 4.9 45.7, 4.9 45.8, 4.77 45.8, 4.77 45.7))");
        assertThat(parking.distributions()).singleElement().satisfies(d -> {
            assertThat(d.license()).isEqualTo("https://www.etalab.gouv.fr/licence-ouverte-open-licence/");
            assertThat(d.byteSize()).isEqualTo(20480L);
        });
        assertThat(harvest(source).counts()).isEqualTo(new Counts(0, 0, 3, 0, 1));
    }
}
