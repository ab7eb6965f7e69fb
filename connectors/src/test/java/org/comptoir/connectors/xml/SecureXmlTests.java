package org.comptoir.connectors.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecureXmlTests {
    @Test
    void parsesAnOrdinaryDocumentWithNamespaces() {
        var document = SecureXml.parse(
                bytes("<?xml version=\"1.0\"?><csw:GetRecordsResponse"
                        + " xmlns:csw=\"http://www.opengis.net/cat/csw/2.0.2\"><csw:SearchResults"
                        + " numberOfRecordsMatched=\"12\"/></csw:GetRecordsResponse>"),
                "la page https://geo.example/csw");

        var results = document.getElementsByTagNameNS("http://www.opengis.net/cat/csw/2.0.2", "SearchResults");
        assertThat(results.getLength()).isEqualTo(1);
    }

    @Test
    void refusesABillionLaughsBombWithAReason() {
        var bomb = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [
                 <!ENTITY lol "lol">
                 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                ]>
                <lolz>&lol4;</lolz>
                """;

        assertThatThrownBy(() -> SecureXml.parse(bytes(bomb), "la page https://geo.example/csw"))
                .isInstanceOf(UnreadableXmlException.class)
                .hasMessageContaining("la page https://geo.example/csw n'est pas du XML lisible")
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void neverReadsALocalFileThroughAnExternalEntity(@TempDir Path dir) throws Exception {
        var secret = Files.writeString(dir.resolve("secret.txt"), "mot-de-passe-du-serveur");
        var probe = """
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY xxe SYSTEM "%s">]>
                <r>&xxe;</r>
                """.formatted(secret.toUri());

        assertThatThrownBy(() -> SecureXml.parse(bytes(probe), "la réponse"))
                .isInstanceOf(UnreadableXmlException.class)
                .hasMessageNotContaining("mot-de-passe-du-serveur");
    }

    @Test
    void reportsWhereADocumentIsTruncated() {
        assertThatThrownBy(() -> SecureXml.parse(bytes("<a><b>texte</b>"), "la page p"))
                .isInstanceOf(UnreadableXmlException.class)
                .hasMessageContaining("la page p n'est pas du XML lisible")
                .hasMessageContaining("ligne 1");
    }

    @Test
    void streamingReaderDoesNotExpandADeclaredEntity() throws XMLStreamException {
        var reader = SecureXml.streaming()
                .createXMLStreamReader(new java.io.ByteArrayInputStream(
                        bytes("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e \"boom\">]><r>&e;</r>")));
        var text = new StringBuilder();
        try {
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.CHARACTERS) {
                    text.append(reader.getText());
                }
            }
        } catch (XMLStreamException refused) {
            // refusing the undeclared entity is as good as not expanding it
        }
        assertThat(text.toString()).doesNotContain("boom");
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
