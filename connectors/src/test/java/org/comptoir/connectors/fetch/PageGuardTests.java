package org.comptoir.connectors.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageGuardTests {
    private static final String URL = "https://data.ville.example/api/3/action/package_search?start=100";
    private static final List<String> JSON = List.of("application/json");
    private static final List<String> RDF = List.of("text/turtle", "application/rdf+xml", "*/*");

    private final PageGuard guard = new PageGuard(LimitsProperties.defaults());

    @Test
    void refusesAPageOfATypeTheKindDoesNotReadNamingBoth() {
        assertThatThrownBy(() -> guard.check(page("text/csv", "id;titre\n1;Arbres"), JSON))
                .isInstanceOf(PageRefusedException.class)
                .hasMessage("la page " + URL + " est refusée : elle est de type text/csv, alors que la source doit "
                        + "répondre en application/json");
    }

    @Test
    void refusesAnHtmlPageEvenFromAKindThatReadsAnything() {
        assertThatThrownBy(() -> guard.check(page("text/html; charset=utf-8", "<p>Maintenance</p>"), RDF))
                .hasMessageContaining("text/html (une page HTML)");
    }

    @Test
    void refusesAnHtmlErrorPageServedWithTheExpectedType() {
        var errorPage = "\uFEFF\n  <!DOCTYPE html><html><body><h1>Erreur 500</h1></body></html>";

        assertThatThrownBy(() -> guard.check(page("application/json", errorPage), JSON))
                .hasMessageContaining("c'est une page HTML (une page d'erreur ou de maintenance ?), servie comme "
                        + "application/json");
    }

    @Test
    void refusesMalformedUtf8NamingTheByteOffset() {
        var body = "{\"title\": \"Arbres d'alignement\", \"notes\": \"caf".getBytes(StandardCharsets.UTF_8);
        var broken = new byte[body.length + 3];
        System.arraycopy(body, 0, broken, 0, body.length);
        broken[body.length] = (byte) 0xE9;
        broken[body.length + 1] = '"';
        broken[body.length + 2] = '}';

        assertThatThrownBy(() -> guard.check(new FetchedPage(URL, "application/json", broken), JSON))
                .hasMessageContaining(
                        "elle n'est pas du texte UTF-8 valide : octet 0xE9 invalide à la position " + body.length);
    }

    @Test
    void passesAStreamOfValidUtf8ThroughWhereverItsReadsCutItsCharacters() throws IOException {
        var text =
                "<https://data.ville.example/jeux/1> <http://purl.org/dc/terms/title> \"Été ⚡ 𝄞\"@fr .\n".repeat(200)
                        // a run of characters beyond ASCII longer than the decoder's buffer
                        + "<https://data.ville.example/jeux/2> <http://purl.org/dc/terms/title> \""
                        + "日本語".repeat(10_000) + "\"@ja .\n";
        var body = text.getBytes(StandardCharsets.UTF_8);

        for (int chunk : new int[] {1, 2, 3, 5, 7, 4096}) {
            assertThat(readStream("text/turtle; charset=utf-8", body, chunk))
                    .as("read %d bytes at a time", chunk)
                    .isEqualTo(body);
        }
    }

    @Test
    void refusesAStreamAtItsFirstBadUtf8ByteNamingItsOffset() {
        var start = "<https://data.ville.example/jeux/1> <http://purl.org/dc/terms/title> \"caf"
                .getBytes(StandardCharsets.UTF_8);
        var cases = Map.of(
                "a Latin-1 é in UTF-8", new byte[] {(byte) 0xE9, '"', ' ', '.'},
                "a byte that only continues a character", new byte[] {(byte) 0x80, '"'},
                "a character cut short before ASCII", new byte[] {(byte) 0xE2, (byte) 0x9A, '"'},
                "a character cut short by the end", new byte[] {(byte) 0xC3},
                "an overlong encoding", new byte[] {(byte) 0xC0, (byte) 0xAF},
                "a surrogate", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        cases.forEach((name, bad) -> {
            var body = new byte[start.length + bad.length];
            System.arraycopy(start, 0, body, 0, start.length);
            System.arraycopy(bad, 0, body, start.length, bad.length);
            for (int chunk : new int[] {1, 3, 4096}) {
                assertThatThrownBy(() -> readStream("text/turtle; charset=utf-8", body, chunk))
                        .as("%s, read %d bytes at a time", name, chunk)
                        .isInstanceOf(PageRefusedException.class)
                        .hasMessageContaining(
                                "elle n'est pas du texte UTF-8 valide : octet 0x%02X invalide à la position %d"
                                        .formatted(bad[0] & 0xFF, start.length));
            }
        });
    }

    @Test
    void passesAStreamInTheCharsetItDeclares() throws IOException {
        var latin1 = "<https://data.ville.example/jeux/1> <http://purl.org/dc/terms/title> \"Métropole\"@fr .\n"
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(readStream("text/turtle; charset=ISO-8859-1", latin1, 3)).isEqualTo(latin1);
    }

    /** Reads a body through the stream guard, {@code chunk} bytes at most at a time. */
    private byte[] readStream(String contentType, byte[] body, int chunk) throws IOException {
        try (var checked = guard.checkStream(URL, contentType, RDF, new ByteArrayInputStream(body))) {
            var read = new ByteArrayOutputStream();
            var buffer = new byte[chunk];
            for (int n; (n = checked.read(buffer, 0, chunk)) >= 0; ) {
                read.write(buffer, 0, n);
            }
            return read.toByteArray();
        }
    }

    @Test
    void decodesWithTheDeclaredCharsetAndRefusesOneItDoesNotKnow() {
        var latin1 = "{\"title\": \"Arbres de la Métropole\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertThatCode(() -> guard.check(new FetchedPage(URL, "application/json; charset=ISO-8859-1", latin1), JSON))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.check(new FetchedPage(URL, "application/json", latin1), JSON))
                .hasMessageContaining("UTF-8 valide");
        assertThatThrownBy(() -> guard.check(new FetchedPage(URL, "application/json; charset=klingon", latin1), JSON))
                .hasMessageContaining("le jeu de caractères « klingon », que Comptoir ne connaît pas");
    }

    @Test
    void refusesAnXmlExternalEntityBeforeAnyParser() {
        var xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rdf:RDF [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">&secret;</rdf:RDF>
                """;

        assertThatThrownBy(() -> guard.check(page("application/rdf+xml", xxe), RDF))
                .hasMessageContaining("le document déclare une entité externe (« secret »)")
                .hasMessageContaining("refusé avant toute lecture XML");
    }

    @Test
    void refusesAnExternalDtd() {
        var dtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE csw:GetRecordsResponse SYSTEM \"http://169.254.169.254/x.dtd\">"
                + "<csw:GetRecordsResponse/>";

        assertThatThrownBy(() -> guard.check(page("application/xml", dtd), List.of("application/xml")))
                .hasMessageContaining("le document demande une DTD externe");
    }

    @Test
    void refusesABillionLaughsAndAParameterEntity() {
        var laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><lolz>&lol1;</lolz>";
        var parameter =
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY % remote SYSTEM \"http://x.example/e\"> %remote;]><x/>";

        assertThatThrownBy(() -> guard.check(page("text/xml", laughs), RDF))
                .hasMessageContaining("l'entité « lol1 » est définie à partir d'autres entités");
        assertThatThrownBy(() -> guard.check(page("text/xml", parameter), RDF))
                .hasMessageContaining("entité paramètre");
    }

    @Test
    void refusesEntitiesThatWouldExpandBeyondTheBudget() {
        var big = "x".repeat(4000);
        var quadratic =
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY big \"" + big + "\">]><r>" + "&big;".repeat(300) + "</r>";

        assertThatThrownBy(() -> guard.check(page("application/rdf+xml", quadratic), RDF))
                .hasMessageContaining("ses entités XML s'étendraient en 1200000 caractères");
    }

    @Test
    void acceptsTheNamespaceEntitiesOfTheDcatApVocabulary() {
        var vocabulary = """
                \uFEFF<?xml version="1.0"?>
                <!DOCTYPE rdf:RDF [
                    <!ENTITY dct "http://purl.org/dc/terms/" >
                    <!-- the profile's own namespace -->
                    <!ENTITY dcat 'http://www.w3.org/ns/dcat#'>
                ]>
                <!-- About the application profile -->
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dct="&dct;">
                  <rdf:Description rdf:about="&dcat;Dataset"/>
                </rdf:RDF>
                """;

        assertThatCode(() -> guard.check(page("application/rdf+xml", vocabulary), RDF))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesJsonNestedDeeperThanTheLimitAndInvalidJson() {
        var deep = "[".repeat(150) + "]".repeat(150);

        assertThatThrownBy(() -> guard.check(page("application/json", deep), JSON))
                .hasMessageContaining("son JSON imbrique plus de 100 niveaux")
                .hasMessageContaining("comptoir.harvest.limits.max-json-depth");
        assertThatThrownBy(() -> guard.check(page("application/json", "{\"result\": [1, 2,"), JSON))
                .hasMessageContaining("ce n'est pas du JSON valide (ligne 1");
    }

    @Test
    void checksJsonLdAndSniffedJsonToo() {
        var deep = "{\"a\":".repeat(120) + "1" + "}".repeat(120);

        assertThatThrownBy(() -> guard.check(page("application/ld+json", deep), RDF))
                .hasMessageContaining("imbrique");
        assertThatThrownBy(() -> guard.check(page(null, deep), RDF)).hasMessageContaining("imbrique");
    }

    @Test
    void leavesABinaryPageAlone() throws IOException {
        var zip = new byte[] {'P', 'K', 3, 4, (byte) 0xFF, (byte) 0xFE, 0};

        assertThatCode(() -> guard.check(new FetchedPage(URL, "application/zip", zip), List.of("application/zip")))
                .doesNotThrowAnyException();
    }

    private static FetchedPage page(String contentType, String body) {
        return new FetchedPage(URL, contentType, body.getBytes(StandardCharsets.UTF_8));
    }
}
