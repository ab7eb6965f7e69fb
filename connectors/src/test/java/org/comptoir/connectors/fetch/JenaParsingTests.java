package org.comptoir.connectors.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.comptoir.connectors.dcat.DcatPageReader;
import org.comptoir.connectors.harvest.HarvestAbortedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Jena 6 does with hostile documents when a page reaches it, checked so that an upgrade that
 * changes it is noticed: the guard refuses these pages first ({@link PageGuardTests}), this is the
 * second line.
 */
class JenaParsingTests {
    private static final String PAGE = "https://data.ville.example/catalog";
    private static final String RDF = "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
            + "xmlns:dcat=\"http://www.w3.org/ns/dcat#\" xmlns:dct=\"http://purl.org/dc/terms/\"";

    @TempDir
    Path dir;

    @Test
    void rdfXmlNeverReadsAnExternalEntity() throws IOException {
        var secret = Files.writeString(dir.resolve("secret.txt"), "MOT-DE-PASSE");
        var page = """
                <?xml version="1.0"?>
                <!DOCTYPE rdf:RDF [ <!ENTITY secret SYSTEM "%s"> ]>
                <rdf:RDF %s>
                  <dcat:Dataset rdf:about="https://data.ville.example/d/1"><dct:title>&secret;</dct:title></dcat:Dataset>
                </rdf:RDF>
                """.formatted(secret.toUri(), RDF);

        var read = new DcatPageReader().read(bytes(page), "application/rdf+xml", PAGE);

        assertThat(read.records()).singleElement().satisfies(record -> assertThat(record.rawPayload())
                .doesNotContain("MOT-DE-PASSE"));
    }

    @Test
    void rdfXmlStopsABillionLaughsAtTheJdkLimit() {
        var page = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY l0 \"ha\">");
        for (int i = 1; i <= 9; i++) {
            page.append("<!ENTITY l%d \"%s\">".formatted(i, ("&l" + (i - 1) + ";").repeat(10)));
        }
        page.append("]><rdf:RDF ")
                .append(RDF)
                .append("><dcat:Dataset rdf:about=\"https://data.ville.example/d/1\"><dct:title>&l9;</dct:title>")
                .append("</dcat:Dataset></rdf:RDF>");

        assertThatThrownBy(() -> new DcatPageReader().read(bytes(page.toString()), "application/rdf+xml", PAGE))
                .isInstanceOf(HarvestAbortedException.class)
                .hasMessageContaining("entity expansions");
    }

    @Test
    void jsonLdReadsNoContextFromALocalFile() throws IOException {
        var context = Files.writeString(
                dir.resolve("context.jsonld"), "{\"@context\": {\"titre\": \"http://purl.org/dc/terms/title\"}}");
        var page = jsonLd(context.toUri().toString());
        var fetcher = new PageFetcher(
                NetworkRules.defaults(), Duration.ofSeconds(1), Duration.ofSeconds(1), 0, 1 << 20, Clock.systemUTC());

        for (var reader :
                new DcatPageReader[] {new DcatPageReader(), new DcatPageReader(JsonLdContexts.through(fetcher))}) {
            assertThatThrownBy(() -> reader.read(bytes(page), "application/ld+json", PAGE))
                    .isInstanceOf(HarvestAbortedException.class)
                    .hasMessageContaining("contexte JSON-LD refusé");
        }
    }

    @Test
    void jsonLdFetchesNoContextFromACloudMetadataAddress() {
        var page = jsonLd("http://169.254.169.254/latest/context.jsonld");
        var fetcher = new PageFetcher(
                NetworkRules.defaults(), Duration.ofSeconds(1), Duration.ofSeconds(1), 0, 1 << 20, Clock.systemUTC());

        assertThatThrownBy(() -> new DcatPageReader(JsonLdContexts.through(fetcher))
                        .read(bytes(page), "application/ld+json", PAGE))
                .isInstanceOf(HarvestAbortedException.class)
                .hasMessageContaining("contexte JSON-LD refusé")
                .hasMessageContaining("métadonnées du nuage");
    }

    private static String jsonLd(String context) {
        return """
                {"@context": "%s", "@id": "https://data.ville.example/d/1",
                 "@type": "http://www.w3.org/ns/dcat#Dataset", "titre": "Arbres"}
                """.formatted(context);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
