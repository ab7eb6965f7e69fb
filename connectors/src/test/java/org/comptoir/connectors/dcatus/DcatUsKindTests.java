package org.comptoir.connectors.dcatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.comptoir.catalog.dataset.Description;
import org.comptoir.catalog.dataset.Distribution;
import org.comptoir.catalog.ingest.HarvestedRecord;
import org.comptoir.catalog.rdf.DatasetRdf;
import org.comptoir.connectors.Reference;
import org.comptoir.connectors.harvest.HarvestAbortedException;
import org.junit.jupiter.api.Test;

/** The DCAT-US 1.1 mapping, without Camel, on two real ArcGIS feeds and edge cases. */
class DcatUsKindTests {
    private static final String FEED =
            "https://ville-d-evian-opendata-ville-evian.hub.arcgis.com/api/feed/dcat-us/1.1.json";
    private static final String EU = "http://publications.europa.eu/resource/authority/";
    private final DcatUsKind kind = new DcatUsKind();

    @Test
    void mapsTheEvianHubFeedWithItsHtmlAndItsEtalabLicenceInText() {
        var page = kind.read(
                Reference.bytes("arcgis/hub-feeds/dcat-us-1.1_evian.hub.arcgis.com.json"), "application/json", FEED);

        assertThat(page.records()).hasSize(8);
        assertThat(page.totalItems()).isEqualTo(8L);
        assertThat(page.next()).isNull();
        var bikes = page.records().get(0);
        assertThat(bikes.sourceKey())
                .isEqualTo("https://www.arcgis.com/home/item.html?id=f6565516d1354383b25793e630cf3f2b&sublayer=5");
        var d = describe(bikes);
        assertThat(d.title().get("fr")).contains("stationnement velos");
        assertThat(d.description().best("fr"))
                .isEqualTo("Emplacement et description des stationnement vélos à Evian-les-Bains");
        assertThat(d.spatial().bbox())
                .isEqualTo("POLYGON((6.5735 46.3912, 6.6069 46.3912, 6.6069 46.4028, 6.5735 46.4028, 6.5735 46.3912))");
        assertThat(d.publisher().name().best("fr")).isEqualTo("Ville d'Evian-les-Bains");
        assertThat(d.contactPoint().name()).isEqualTo("sigevian");
        assertThat(d.issued()).isEqualTo("2022-07-29T10:07:13.000Z");
        assertThat(d.keywords()).contains("mobilite", "geospatial");
        assertThat(d.distributions()).hasSize(6);
        assertThat(d.distributions())
                .extracting(Distribution::license)
                .containsOnly("https://www.etalab.gouv.fr/licence-ouverte-open-licence/");
        assertThat(d.distributions())
                .extracting(Distribution::format)
                .contains(EU + "file-type/CSV", EU + "file-type/GEOJSON", EU + "file-type/KML");
    }

    @Test
    void mapsTheApurFeedAndIgnoresAnEmptyMailto() {
        var page = kind.read(
                Reference.bytes("arcgis/hub-feeds/dcat-us-1.1_apur.opendata.arcgis.com_2017.jsonld"),
                "application/ld+json",
                "http://cassini.apur.opendata.arcgis.com/data.json");

        assertThat(page.records()).hasSize(71);
        var d = describe(page.records().get(0));
        assertThat(d.contactPoint().name()).isEqualTo("Emmanuel FAURE");
        assertThat(d.contactPoint().email()).isNull();
        assertThat(d.distributions())
                .extracting(Distribution::downloadUrl)
                .contains("http://cassini.apur.opendata.arcgis.com/datasets/e0f57349b46e42428f4ef2fbcb443aba_0.csv");
    }

    @Test
    void keysADatasetWhoseIdentifierIsNotAnAddressUnderTheFeed() {
        var body = """
                {"dataset": [{"identifier": "voirie 12", "title": "Voirie", "description": "d",
                  "accrualPeriodicity": "R/P1M", "temporal": "2020-01-01/2020-12-31", "spatial": "Lyon"}]}
                """;

        var record = kind.read(body.getBytes(StandardCharsets.UTF_8), "application/json", "https://x.example/data.json")
                .records()
                .get(0);

        assertThat(record.sourceKey()).isEqualTo("https://x.example/data.json#voirie+12");
        var d = describe(record);
        assertThat(d.accrualPeriodicity()).isEqualTo(EU + "frequency/MONTHLY");
        assertThat(d.temporal().end()).isEqualTo("2020-12-31");
        assertThat(d.spatial()).isNull();
    }

    @Test
    void failsOnAFeedWithoutDatasets() {
        assertThatThrownBy(
                        () -> kind.read("{\"@type\": \"dcat:Catalog\"}".getBytes(StandardCharsets.UTF_8), null, FEED))
                .isInstanceOf(HarvestAbortedException.class)
                .hasMessageContaining("DCAT-US");
    }

    private static Description describe(HarvestedRecord record) {
        return DatasetRdf.read(record.dataset()).description();
    }
}
