package org.comptoir.connectors.dcat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.comptoir.catalog.ingest.HarvestedRecord;
import org.comptoir.catalog.rdf.DatasetGraphs;
import org.comptoir.connectors.harvest.HarvestAbortedException;
import org.comptoir.connectors.harvest.SourcePage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DcatPageReaderTests {
    private static final String PAGE = "https://data.demo-metropole.example/catalogue";
    private static final String DATASETS = "https://data.demo-metropole.example/datasets/";

    private final DcatPageReader reader = new DcatPageReader();

    @Test
    void readsEveryDatasetOfAPageWithItsNextPageAndTotal() {
        var page = reader.read(fixture("catalogue-v1-page-1.ttl"), "text/turtle; charset=utf-8", PAGE);

        assertThat(page.records())
                .extracting(HarvestedRecord::sourceKey)
                .containsExactly(DATASETS + "arbres", DATASETS + "sans-titre", DATASETS + "stationnement");
        assertThat(page.next()).isEqualTo(PAGE + "?page=2");
        assertThat(page.totalItems()).isEqualTo(4L);
    }

    @Test
    void cutsEachDatasetOutWithItsDistributionsButNotTheCatalogue() {
        var page = reader.read(fixture("catalogue-v1-page-1.ttl"), "text/turtle", PAGE);
        var parking = record(page, DATASETS + "stationnement");

        assertThat(parking.description().listSubjects().toList())
                .extracting(Object::toString)
                .containsExactlyInAnyOrder(
                        DATASETS + "stationnement",
                        DATASETS + "stationnement-csv",
                        "https://data.demo-metropole.example/org/metropole");
        assertThat(parking.dataset().getURI()).isEqualTo(DATASETS + "stationnement");
        assertThat(parking.mediaType()).isEqualTo("text/turtle");
    }

    @ParameterizedTest
    @CsvSource({
        "TURTLE, text/turtle",
        "RDFXML, application/rdf+xml",
        "JSONLD, application/ld+json",
        "NTRIPLES, application/n-triples",
        "NQUADS, application/n-quads"
    })
    void readsThePageInTheSyntaxItsMediaTypeNames(String syntax, String mediaType) {
        var turtle = reader.read(fixture("catalogue-v1-page-1.ttl"), "text/turtle", PAGE);
        var body = write(parse(fixture("catalogue-v1-page-1.ttl")), syntax);

        var page = reader.read(body, mediaType, PAGE);

        assertThat(page.records()).extracting(HarvestedRecord::sourceKey).containsExactlyElementsOf(keys(turtle));
        assertThat(page.next()).isEqualTo(PAGE + "?page=2");
        for (var record : page.records()) {
            assertThat(record.description()
                            .isIsomorphicWith(record(turtle, record.sourceKey()).description()))
                    .as("description of %s", record.sourceKey())
                    .isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "RDFXML, application/octet-stream, https://data.example.org/catalog.rdf",
        "RDFXML, application/xml, https://data.example.org/export",
        "JSONLD, text/plain, https://data.example.org/catalog.jsonld",
        "TURTLE, text/plain, https://data.example.org/catalog.ttl",
        "NTRIPLES, , https://data.example.org/catalog.nt",
        "JSONLD, application/json, https://data.example.org/api/catalog"
    })
    void fallsBackOnTheUrlExtensionThenOnTheContentWhenTheMediaTypeSaysNothing(
            String syntax, String mediaType, String url) {
        var body = write(parse(fixture("catalogue-v1-page-1.ttl")), syntax);

        var page = reader.read(body, mediaType, url);

        assertThat(page.records()).hasSize(3);
    }

    @Test
    void resolvesRelativeIrisAgainstThePageUrl() {
        var body = """
                @prefix dcat: <http://www.w3.org/ns/dcat#> .
                @prefix dct: <http://purl.org/dc/terms/> .
                @prefix hydra: <http://www.w3.org/ns/hydra/core#> .
                <datasets/budget> a dcat:Dataset ; dct:title "Budget"@fr ;
                    dcat:distribution [ dcat:accessURL <../files/budget.csv> ] .
                <> hydra:view [ a hydra:PartialCollectionView ; hydra:next <?page=3> ] .
                """;

        var page = reader.read(bytes(body), "text/turtle", "https://opendata.example.fr/api/catalog/?page=2");

        var record = page.records().getFirst();
        assertThat(record.sourceKey()).isEqualTo("https://opendata.example.fr/api/catalog/datasets/budget");
        assertThat(record.description().listObjects().toList())
                .extracting(Object::toString)
                .contains("https://opendata.example.fr/api/files/budget.csv");
        assertThat(page.next()).isEqualTo("https://opendata.example.fr/api/catalog/?page=3");
    }

    @Test
    void followsTheLegacyHydraNextPageEvenAsALiteral() {
        var body = reference("udata/harvest-tests/dcat/paged-collection-1.jsonld");

        var page = reader.read(bytes(body), "application/ld+json", "http://data.test.org/catalog.jsonld?page=1");

        assertThat(page.next()).isEqualTo("http://data.test.org/catalog.jsonld?page=2");
        assertThat(page.totalItems()).isEqualTo(4L);
        assertThat(page.records()).hasSize(3);
    }

    @Test
    void prefersTheNextLinkOfTheCurrentPageView() {
        var body = """
                @prefix hydra: <http://www.w3.org/ns/hydra/core#> .
                <https://x.example/c> hydra:view <https://x.example/c?page=5> .
                <https://x.example/c?page=5> hydra:next <https://x.example/c?page=6> .
                <https://x.example/other?page=1> hydra:next <https://x.example/other?page=2> .
                """;

        var page = reader.read(bytes(body), "text/turtle", "https://x.example/c?page=5");

        assertThat(page.next()).isEqualTo("https://x.example/c?page=6");
    }

    @Test
    void takesANextLinkToThePageItselfAsTheEnd() {
        var body = """
                @prefix hydra: <http://www.w3.org/ns/hydra/core#> .
                <> a hydra:PartialCollectionView ; hydra:next <> .
                """;

        assertThat(reader.read(bytes(body), "text/turtle", PAGE).next()).isNull();
    }

    @Test
    void keysABlankDatasetByItsIdentifierElseByItsContent() {
        var body = """
                @prefix dcat: <http://www.w3.org/ns/dcat#> .
                @prefix dct: <http://purl.org/dc/terms/> .
                [] a dcat:Dataset ; dct:title "Budget"@fr ; dct:identifier "budget-2026" .
                [] a dcat:Dataset ; dct:title "Sans identifiant"@fr .
                """;

        var first = reader.read(bytes(body), "text/turtle", PAGE);
        var again = reader.read(bytes(body), "text/turtle", PAGE);

        assertThat(keys(first)).contains("budget-2026");
        var hashed = keys(first).stream()
                .filter(k -> !k.equals("budget-2026"))
                .findFirst()
                .orElseThrow();
        assertThat(hashed).startsWith("urn:comptoir:content:");
        assertThat(keys(again)).containsExactlyInAnyOrderElementsOf(keys(first));
    }

    @Test
    void findsDatasetSeriesAndDatasetsOnlyListedByTheCatalogue() {
        var body = """
                @prefix dcat: <http://www.w3.org/ns/dcat#> .
                @prefix dct: <http://purl.org/dc/terms/> .
                <https://x.example/c> a dcat:Catalog ;
                    dcat:dataset <https://x.example/untyped>, <https://x.example/elsewhere> .
                <https://x.example/untyped> dct:title "Sans type"@fr .
                <https://x.example/series> a dcat:DatasetSeries ; dct:title "Série"@fr .
                """;

        var page = reader.read(bytes(body), "text/turtle", PAGE);

        assertThat(keys(page)).containsExactly("https://x.example/series", "https://x.example/untyped");
    }

    @Test
    void keepsTheRecordAsReceivedInItsTurtlePayload() {
        var body = """
                @prefix dcat: <http://www.w3.org/ns/dcat#> .
                @prefix dct: <http://purl.org/dc/terms/> .
                <https://x.example/d> a dcat:Dataset ; dct:title "D"@fr ;
                    dcat:distribution [ dcat:accessURL "https://x.example/d.csv" ] .
                """;

        var record = reader.read(bytes(body), "text/turtle", PAGE).records().getFirst();

        var received = parse(bytes(record.rawPayload()));
        assertThat(received.isIsomorphicWith(parse(bytes(body)))).isTrue();
        assertThat(record.description().isIsomorphicWith(received)).isFalse();
    }

    @Test
    void refusesAPageThatIsNotRdf() {
        assertThatThrownBy(() -> reader.read(bytes("<html><body>Maintenance</body></html>"), "text/html", PAGE))
                .isInstanceOf(HarvestAbortedException.class)
                .hasMessage("la page " + PAGE
                        + " n'est pas du RDF lisible : la source a renvoyé une page HTML (text/html) et non un"
                        + " catalogue RDF");
        assertThatThrownBy(() -> reader.read(bytes("<a> <b> ."), "text/turtle", PAGE))
                .isInstanceOf(HarvestAbortedException.class)
                .hasMessageStartingWith("la page " + PAGE + " n'est pas du RDF lisible : Turtle : ")
                .hasMessageContaining("ligne 1");
        assertThatThrownBy(() -> reader.read(new byte[0], "text/turtle", PAGE)).hasMessageContaining("page vide");
        assertThatThrownBy(() -> reader.read(bytes("# rien\n"), "text/turtle", PAGE))
                .hasMessageContaining("aucun triplet");
    }

    @Test
    void readsTheOfficialExamples() {
        var hvd = reader.read(
                bytes(reference("dcat-ap-hvd/3.0.0/examples/example-ms_catalogue.ttl")),
                "text/turtle",
                "https://data.exampleMS.gov/catalogue.ttl");
        var dcatAp211 = reader.read(
                bytes(reference("dcat-ap/2.1.1/examples/example1.nt")),
                "application/n-triples",
                "https://myorg.eu/catalog.nt");

        assertThat(keys(hvd)).containsExactly("https://data.exampleMS.gov/id/dataset/1T2p3o4B");
        assertThat(keys(dcatAp211)).containsExactly("https://myorg.eu/opendata/datasets/1");
        assertThat(hvd.next()).isNull();
        assertThat(hvd.totalItems()).isNull();
    }

    @Test
    void hashesTheSameRecordTheSameOnEveryRead() {
        var one = reader.read(fixture("catalogue-v1-page-1.ttl"), "text/turtle", PAGE);
        var two = reader.read(write(parse(fixture("catalogue-v1-page-1.ttl")), "RDFXML"), "application/rdf+xml", PAGE);

        for (var record : one.records()) {
            assertThat(DatasetGraphs.contentHash(record(two, record.sourceKey()).description()))
                    .isEqualTo(DatasetGraphs.contentHash(record.description()));
        }
    }

    private static HarvestedRecord record(SourcePage page, String key) {
        return page.records().stream()
                .filter(r -> r.sourceKey().equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no record " + key));
    }

    private static java.util.List<String> keys(SourcePage page) {
        return page.records().stream().map(HarvestedRecord::sourceKey).toList();
    }

    private static Model parse(byte[] turtle) {
        var model = ModelFactory.createDefaultModel();
        RDFParser.fromString(new String(turtle, StandardCharsets.UTF_8), Lang.TURTLE)
                .base(PAGE)
                .parse(model);
        return model;
    }

    private static byte[] write(Model model, String syntax) {
        var format =
                switch (syntax) {
                    case "TURTLE" -> RDFFormat.TURTLE;
                    case "RDFXML" -> RDFFormat.RDFXML;
                    case "JSONLD" -> RDFFormat.JSONLD;
                    case "NTRIPLES" -> RDFFormat.NTRIPLES;
                    case "NQUADS" -> RDFFormat.NQUADS;
                    default -> throw new IllegalArgumentException(syntax);
                };
        var out = new ByteArrayOutputStream();
        if (format == RDFFormat.NQUADS) {
            var dataset = org.apache.jena.query.DatasetFactory.create();
            dataset.addNamedModel("https://x.example/graph", model);
            RDFDataMgr.write(out, dataset, format);
        } else {
            RDFDataMgr.write(out, model, format);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] fixture(String name) {
        try (var in = DcatPageReaderTests.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String reference(String relative) {
        return DcatApConnectorIntegrationTests.reference(relative);
    }
}
