package org.comptoir.connectors.csw;

import static org.assertj.core.api.Assertions.assertThat;

import org.comptoir.connectors.ConnectorContract;
import org.comptoir.connectors.source.SourceKinds;
import org.junit.jupiter.api.Test;

/**
 * The {@code csw} kind against a CSW 2.0.2 catalogue served by WireMock: the connector contract over
 * a two-page {@code GetRecords} in ISO 19139 (three records a page; its second version keeps
 * {@code numberOfRecordsMatched} at 4 and {@code nextRecord} at 4 after a record is deleted).
 */
class CswConnectorIntegrationTests extends ConnectorContract {
    private static final String QUERY = "?service=CSW&version=2.0.2&request=GetRecords&typeNames=csw:Record"
            + "&resultType=results&elementSetName=full&outputSchema=http://www.isotc211.org/2005/gmd";

    @Override
    protected String kind() {
        return SourceKinds.CSW;
    }

    @Override
    protected String fixtureExtension() {
        return "xml";
    }

    @Override
    protected String pageType() {
        return "application/xml;charset=utf-8";
    }

    @Override
    protected String firstPage(String base) {
        return base + "/csw" + QUERY + "&startPosition=1&maxRecords=3";
    }

    @Override
    protected String secondPage(String base) {
        return base + "/csw" + QUERY + "&startPosition=4&maxRecords=3";
    }

    @Override
    protected String key(String name) {
        return portal() + "/csw?service=CSW&version=2.0.2&request=GetRecordById&elementSetName=full"
                + "&outputSchema=http://www.isotc211.org/2005/gmd&id=" + name;
    }

    @Test
    void mapsWhatTheIsoRecordsSay() {
        var base = base();
        serveCatalogue(base, 1);
        var source = aSource(base);

        harvest(source);

        var parking = stored(source, "stationnement").dataset().description();
        assertThat(parking.publisher().name().best("fr")).isEqualTo("Métropole de démonstration");
        assertThat(parking.contactPoint().email()).isEqualTo("sig@metropole-demo.example");
        assertThat(parking.themes()).contains("http://publications.europa.eu/resource/authority/data-theme/TRAN");
        assertThat(parking.spatial().bbox())
                .isEqualTo("POLYGON((4.77 45.7, 4.9 45.7, 4.9 45.8, 4.77 45.8, 4.77 45.7))");
        assertThat(parking.distributions())
                .extracting(d -> d.format())
                .contains(
                        "http://publications.europa.eu/resource/authority/file-type/SHP",
                        "http://publications.europa.eu/resource/authority/file-type/WMS_SRVC");
    }
}
