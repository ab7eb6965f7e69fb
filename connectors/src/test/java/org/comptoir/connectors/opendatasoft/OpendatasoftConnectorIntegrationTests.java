package org.comptoir.connectors.opendatasoft;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.comptoir.connectors.ConnectorContract;
import org.comptoir.connectors.harvest.Counts;
import org.comptoir.connectors.harvest.RunStatus;
import org.comptoir.connectors.source.SourceKinds;
import org.junit.jupiter.api.Test;

/**
 * The {@code opendatasoft} kind against an Explore API v2.1 served by WireMock: the connector
 * contract over a two-page catalogue (three datasets a page; its second version keeps saying 4 in
 * {@code total_count}, as an index lagging behind does), and the catalogue export of a large portal.
 */
class OpendatasoftConnectorIntegrationTests extends ConnectorContract {

    @Override
    protected String kind() {
        return SourceKinds.OPENDATASOFT;
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
        return base + "/api/explore/v2.1/catalog/datasets?limit=3&offset=0";
    }

    @Override
    protected String secondPage(String base) {
        return base + "/api/explore/v2.1/catalog/datasets?limit=3&offset=3";
    }

    @Override
    protected String key(String name) {
        return portal() + "/explore/dataset/" + name + "/";
    }

    @Test
    void harvestsALargePortalFromItsCatalogueExportInOneAnswer() {
        var base = base();
        servedUnder(base);
        var export = base + "/api/explore/v2.1/catalog/exports/json";
        serve(export, fixture("catalogue-export.json"));
        var source = sourceAt(url(export));

        var run = harvest(source);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.counts()).isEqualTo(new Counts(3, 0, 0, 0, 1));
        assertThat(run.total()).isEqualTo(4L);
        source().verify(1, getRequestedFor(urlEqualTo(export)));
        var parking = stored(source, "stationnement").dataset().description();
        assertThat(parking.description().best("fr")).isEqualTo("Les places de stationnement payantes de la métropole.");
        assertThat(parking.distributions())
                .extracting(d -> d.downloadUrl())
                .containsExactly(
                        portal() + "/api/explore/v2.1/catalog/datasets/stationnement/exports/csv",
                        portal() + "/api/explore/v2.1/catalog/datasets/stationnement/exports/geojson",
                        portal() + "/api/explore/v2.1/catalog/datasets/stationnement/exports/json");
        assertThat(harvest(source).counts()).isEqualTo(new Counts(0, 0, 3, 0, 1));
    }
}
