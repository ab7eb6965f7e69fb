package org.comptoir.catalog.rdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.out.NodeFmtLib;
import org.junit.jupiter.api.Test;

class DatasetGraphsTests {
    private static final String PREFIXES = """
            @prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
            @prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
            """;

    @Test
    void hashesTheSortedNTriplesLinesOfADescription() throws Exception {
        var model = turtle("""
                <https://src.example/ds/1> a dcat:Dataset ; dct:title "Qualité de l'eau"@fr, "Water"@en ;
                    dcat:keyword "eau", "qualité" ; dct:issued "2024-01-02"^^<http://www.w3.org/2001/XMLSchema#date> ;
                    dcat:distribution <https://src.example/ds/1/csv> .
                <https://src.example/ds/1/csv> a dcat:Distribution ; dcat:accessURL <https://files.example/é.csv> .
                """);
        var lines = new ArrayList<String>();
        model.getGraph()
                .find()
                .forEachRemaining(t -> lines.add(NodeFmtLib.strNT(t.getSubject()) + " "
                        + NodeFmtLib.strNT(t.getPredicate()) + " " + NodeFmtLib.strNT(t.getObject())));
        lines.sort(String::compareTo);
        var digest = MessageDigest.getInstance("SHA-256");
        lines.forEach(line -> digest.update((line + "\n").getBytes(StandardCharsets.UTF_8)));

        assertThat(DatasetGraphs.contentHash(model)).isEqualTo(HexFormat.of().formatHex(digest.digest()));
    }

    @Test
    void hashesTheSameDescriptionWhateverItsBlankNodeLabelsAndOrder() {
        var first = turtle("""
                <https://src.example/ds/1> dcat:contactPoint [ vcard:fn "Service" ; vcard:hasEmail <mailto:a@b.fr> ] ;
                    dct:title "Eau"@fr .
                """);
        var second = turtle("""
                <https://src.example/ds/1> dct:title "Eau"@fr .
                <https://src.example/ds/1> dcat:contactPoint _:x . _:x vcard:hasEmail <mailto:a@b.fr> ; vcard:fn "Service" .
                """);
        var other = turtle("""
                <https://src.example/ds/1> dcat:contactPoint [ vcard:fn "Autre service" ; vcard:hasEmail <mailto:a@b.fr> ] ;
                    dct:title "Eau"@fr .
                """);

        assertThat(DatasetGraphs.contentHash(first))
                .isEqualTo(DatasetGraphs.contentHash(second))
                .isNotEqualTo(DatasetGraphs.contentHash(other));
    }

    @Test
    void hashesADatasetInItsPageAsItsDescriptionTakenOut() {
        var page = turtle("""
                <https://src.example/cat> a dcat:Catalog ; dcat:dataset <https://src.example/ds/1>, <https://src.example/ds/2> .
                <https://src.example/ds/1> a dcat:Dataset ; dct:title "Eau"@fr ; dct:publisher <https://src.example/org> ;
                    dcat:contactPoint [ vcard:fn "Service" ; vcard:hasAddress [ vcard:locality "Lyon" ] ] ;
                    dcat:distribution [ a dcat:Distribution ; dcat:accessURL <https://files.example/eau.csv> ] ;
                    dct:relation <https://src.example/ds/2> .
                <https://src.example/ds/2> a dcat:Dataset ; dct:title "Air"@fr ; dct:publisher <https://src.example/org> .
                <https://src.example/org> <http://xmlns.com/foaf/0.1/name> "Métropole" .
                """);

        for (var iri : new String[] {"https://src.example/ds/1", "https://src.example/ds/2"}) {
            var dataset = page.getResource(iri);
            assertThat(DatasetGraphs.contentHash(page, dataset))
                    .as(iri)
                    .isEqualTo(DatasetGraphs.contentHash(DatasetGraphs.extract(page, dataset)));
        }
        assertThat(DatasetGraphs.contentHash(page, page.getResource("https://src.example/ds/1")))
                .isNotEqualTo(DatasetGraphs.contentHash(page, page.getResource("https://src.example/ds/2")));
    }

    private static Model turtle(String text) {
        var model = ModelFactory.createDefaultModel();
        RDFParser.fromString(PREFIXES + text, Lang.TURTLE).parse(model);
        return model;
    }
}
