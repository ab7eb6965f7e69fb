package org.comptoir.web.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RdfSyntaxTests {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "text/turtle | TURTLE",
                "application/x-turtle | TURTLE",
                "application/rdf+xml | RDF_XML",
                "application/ld+json | JSON_LD",
                "application/n-triples | N_TRIPLES",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | TURTLE",
                "application/ld+json;q=0.5, application/rdf+xml | RDF_XML",
                "text/turtle;q=0.1, application/n-triples;q=0.9 | N_TRIPLES",
                "application/rdf+xml;q=0, */* | TURTLE",
                "application/json, application/ld+json;q=0.3 | JSON_LD",
                "application/* | RDF_XML"
            })
    void picksTheAcceptableSyntaxOfHighestQuality(String accept, RdfSyntax expected) {
        assertThat(RdfSyntax.negotiate(accept)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"not a media type;;", "*/*"})
    void fallsBackToTurtle(String accept) {
        assertThat(RdfSyntax.negotiate(accept)).isEqualTo(RdfSyntax.TURTLE);
    }

    @ParameterizedTest
    @CsvSource({
        "ttl, text/turtle",
        "rdf, application/rdf+xml",
        "jsonld, application/ld+json",
        "nt, application/n-triples"
    })
    void namesTheMediaTypeOfEachSuffixWithItsCharset(String extension, String mediaType) {
        assertThat(RdfSyntax.ofExtension(extension).orElseThrow().contentType())
                .isEqualTo(mediaType + ";charset=UTF-8");
    }
}
