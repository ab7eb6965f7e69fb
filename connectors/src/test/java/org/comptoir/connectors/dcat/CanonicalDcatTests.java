package org.comptoir.connectors.dcat;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;

class CanonicalDcatTests {
    private static final String PREFIXES = """
            @prefix dcat: <http://www.w3.org/ns/dcat#> .
            @prefix dct: <http://purl.org/dc/terms/> .
            @prefix foaf: <http://xmlns.com/foaf/0.1/> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            """;

    @Test
    void turnsLinksGivenAsLiteralsIntoIris() {
        var received = turtle("""
                <https://x.example/d> a dcat:Dataset ;
                    dcat:landingPage "https://x.example/d.html" ;
                    foaf:page " https://x.example/doc " ;
                    dcat:distribution <https://x.example/d/csv> .
                <https://x.example/d/csv> dcat:accessURL "https://x.example/d.csv"^^xsd:anyURI .
                """);

        var canonical = CanonicalDcat.of(received, received.createResource("https://x.example/d"));

        assertThat(canonical.isIsomorphicWith(turtle("""
                <https://x.example/d> a dcat:Dataset ;
                    dcat:landingPage <https://x.example/d.html> ;
                    foaf:page <https://x.example/doc> ;
                    dcat:distribution <https://x.example/d/csv> .
                <https://x.example/d/csv> dcat:accessURL <https://x.example/d.csv> .
                """))).isTrue();
    }

    @Test
    void leavesLiteralsThatAreNotOneWebAddressAlone() {
        var received = turtle("""
                <https://x.example/d> a dcat:Dataset ; dcat:landingPage "voir le site de la mairie", "mairie.fr" ;
                    dct:title "https://x.example/not-a-link-property"@fr .
                """);

        var canonical = CanonicalDcat.of(received, received.createResource("https://x.example/d"));

        assertThat(canonical.isIsomorphicWith(received)).isTrue();
    }

    @Test
    void givesADistributionWithOnlyADownloadUrlThatUrlAsAccessUrl() {
        var received = turtle("""
                <https://x.example/d> a dcat:Dataset ; dcat:distribution [ dcat:downloadURL <https://x.example/d.csv> ] ,
                    [ dcat:accessURL <https://x.example/api> ; dcat:downloadURL <https://x.example/d.json> ] .
                """);

        var canonical = CanonicalDcat.of(received, received.createResource("https://x.example/d"));

        assertThat(canonical.isIsomorphicWith(turtle("""
                <https://x.example/d> a dcat:Dataset ;
                    dcat:distribution [ dcat:downloadURL <https://x.example/d.csv> ; dcat:accessURL <https://x.example/d.csv> ] ,
                    [ dcat:accessURL <https://x.example/api> ; dcat:downloadURL <https://x.example/d.json> ] .
                """))).isTrue();
    }

    @Test
    void leavesOutADistributionThePageNamesButDoesNotDescribe() {
        var received = turtle("""
                <https://x.example/d> a dcat:Dataset ;
                    dcat:distribution <https://x.example/d/described>, <https://x.example/d/elsewhere> .
                <https://x.example/d/described> dcat:accessURL <https://x.example/d.csv> .
                """);

        var canonical = CanonicalDcat.of(received, received.createResource("https://x.example/d"));

        assertThat(canonical.isIsomorphicWith(turtle("""
                <https://x.example/d> a dcat:Dataset ; dcat:distribution <https://x.example/d/described> .
                <https://x.example/d/described> dcat:accessURL <https://x.example/d.csv> .
                """))).isTrue();
        assertThat(received.size()).isEqualTo(4);
    }

    private static Model turtle(String body) {
        var model = ModelFactory.createDefaultModel();
        RDFParser.fromString(PREFIXES + body, Lang.TURTLE).parse(model);
        return model;
    }
}
