package org.comptoir.connectors.dcat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.comptoir.connectors.ConnectorContract;
import org.comptoir.connectors.harvest.Counts;
import org.comptoir.connectors.harvest.RecordError;
import org.comptoir.connectors.harvest.RunStatus;
import org.comptoir.connectors.source.SourceKinds;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The {@code dcat-ap} kind against catalogues served by WireMock: the connector contract over a
 * small two-page Turtle catalogue, and the official and real-world examples of the reference
 * folder in every RDF syntax.
 */
class DcatApConnectorIntegrationTests extends ConnectorContract {
    private static final String DATASETS = "https://data.demo-metropole.example/datasets/";

    @Override
    protected String kind() {
        return SourceKinds.DCAT_AP;
    }

    @Override
    protected String fixtureExtension() {
        return "ttl";
    }

    @Override
    protected String pageType() {
        return "text/turtle; charset=utf-8";
    }

    @Override
    protected String firstPage(String base) {
        return base + "/catalogue";
    }

    @Override
    protected String secondPage(String base) {
        return base + "/catalogue?page=2";
    }

    @Override
    protected String key(String name) {
        return DATASETS + name;
    }

    @Test
    void harvestsTheOfficialHvdCatalogueExampleInTurtle() {
        var body = reference("dcat-ap-hvd/3.0.0/examples/example-ms_catalogue.ttl");
        var path = base() + "/catalogue.ttl";
        serve(path, body, "text/turtle");

        var run = harvest(sourceAt(url(path)));

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.counts()).isEqualTo(new Counts(1, 0, 0, 0, 0));
        assertThat(run.errors()).isEmpty();
    }

    @Test
    void harvestsTheOfficialDcatAp211ExampleInNTriples() {
        var body = reference("dcat-ap/2.1.1/examples/example1.nt");
        var path = base() + "/catalog";
        serve(path, body, "application/n-triples");
        var source = sourceAt(url(path));

        var run = harvest(source);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.counts()).isEqualTo(new Counts(1, 0, 0, 0, 0));
        assertThat(datasets.findBySourceKey(source.id(), "https://myorg.eu/opendata/datasets/1"))
                .isPresent();
    }

    @Test
    void followsLegacyHydraNextPageAcrossJsonLdPages() {
        var base = base();
        var pageOne = base + "/catalog.jsonld";
        var pageTwo = base + "/catalog.jsonld?page=2";
        var legacyHost = "http://data.test.org/catalog.jsonld";
        serve(
                pageOne,
                reference("udata/harvest-tests/dcat/paged-collection-1.jsonld")
                        .replace(legacyHost, url(base + "/catalog.jsonld")),
                "application/ld+json");
        serve(pageTwo, reference("udata/harvest-tests/dcat/paged-collection-2.jsonld"), "application/ld+json");

        var run = harvest(sourceAt(url(pageOne)));

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.counts()).isEqualTo(new Counts(4, 0, 0, 0, 0));
        assertThat(run.total()).isEqualTo(4L);
        source().verify(1, getRequestedFor(urlEqualTo(pageTwo)));
    }

    @Test
    void harvestsAnRdfXmlCatalogueAndReportsTheDatasetWithoutDescription() {
        var path = base() + "/catalog.xml";
        serve(path, reference("udata/harvest-tests/dcat/catalog.xml"), "application/rdf+xml");

        var run = harvest(sourceAt(url(path)));

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.counts()).isEqualTo(new Counts(3, 0, 0, 0, 1));
        assertThat(run.errors()).singleElement().satisfies(error -> {
            assertThat(error.sourceKey()).isEqualTo("http://data.test.org/datasets/1");
            assertThat(error.reason()).contains("description");
        });
    }

    @Test
    void harvestsWhatItCanFromCataloguesThatDoNotConformToDcatAp() {
        var ckan = base() + "/catalog.rdf";
        serve(ckan, reference("ckan/ckanext-dcat/dcat/catalog.rdf"), "application/rdf+xml");
        var udata = base() + "/organizations/catalog.rdf";
        serve(udata, reference("udata/harvest-tests/dcat/udata.xml"), "application/xml");

        var fromCkan = harvest(sourceAt(url(ckan)));
        var fromUdata = harvest(sourceAt(url(udata)));

        assertThat(fromCkan.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(fromCkan.counts()).isEqualTo(new Counts(2, 0, 0, 0, 0));
        assertThat(fromUdata.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(fromUdata.counts()).isEqualTo(new Counts(2, 0, 0, 0, 0));
        assertThat(fromUdata.total()).isEqualTo(2L);
    }

    @Test
    void failsOnAPageThatIsNotReadableRdfAndKeepsWhatEarlierRunsTookIn() {
        var path = base() + "/catalogue.ttl";
        serve(path, reference("dcat-ap-hvd/3.0.0/examples/example-ms_catalogue.ttl"), "text/turtle");
        var source = sourceAt(url(path));
        harvest(source);
        serve(path, reference("ckan/ckanext-dcat/dcat/dataset.ttl"), "text/turtle");

        var run = harvest(source);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason())
                .contains("la page " + url(path) + " n'est pas du RDF lisible")
                .contains("healthdcatap");
        assertThat(run.counts().withdrawn()).isZero();
        assertThat(datasets.findBySourceKey(source.id(), "https://data.exampleMS.gov/id/dataset/1T2p3o4B"))
                .hasValueSatisfying(
                        stored -> assertThat(stored.dataset().isOpen()).isTrue());
    }

    /**
     * The HVD bees and wasps example lacks the "." after its first {@code @prefix}; Jena 6 reads it
     * anyway, so Comptoir harvests its two datasets rather than failing.
     */
    @Test
    void readsTheHvdBeesAndWaspsExampleDespiteItsMissingDot() {
        var path = base() + "/bees.ttl";
        serve(path, reference("dcat-ap-hvd/3.0.0/examples/example-bees_wasps_dataset.ttl"), "text/turtle");

        var run = harvest(sourceAt(url(path)));

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.counts()).isEqualTo(new Counts(2, 0, 0, 0, 0));
    }

    @Test
    void failsWhenTheSourceAnswersHtml() {
        var path = base() + "/catalogue";
        source().stubFor(get(urlEqualTo(path))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/html; charset=utf-8")
                        .withBody("<html><body>Maintenance</body></html>")));

        var run = harvest(sourceAt(url(path)));

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason()).contains(url(path)).contains("HTML");
    }

    @Test
    void failsWhenThePagingLoops() {
        var base = base();
        var one = base + "/loop?page=1";
        var two = base + "/loop?page=2";
        serve(one, paging("<?page=2>"), "text/turtle");
        serve(two, paging("<?page=1>"), "text/turtle");

        var run = harvest(sourceAt(url(one)));

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason()).contains("boucle").contains(url(one));
        assertThat(run.errors()).extracting(RecordError::sourceKey).isEmpty();
    }

    private static String paging(String next) {
        return """
                @prefix hydra: <http://www.w3.org/ns/hydra/core#> .
                @prefix dcat: <http://www.w3.org/ns/dcat#> .
                <> a dcat:Catalog ; hydra:view <#view> .
                <#view> a hydra:PartialCollectionView ; hydra:next %s .
                """.formatted(next);
    }

    static String reference(String relative) {
        var dir = System.getProperty("comptoir.reference.dir");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "../shared/reference absent: skipping");
        try {
            return Files.readString(Path.of(dir).resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
