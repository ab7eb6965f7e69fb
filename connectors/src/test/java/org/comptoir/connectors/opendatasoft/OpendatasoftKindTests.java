package org.comptoir.connectors.opendatasoft;

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

/** The Opendatasoft mapping, without Camel, on the Explore API v2.1 examples and edge cases. */
class OpendatasoftKindTests {
    private static final String PAGE =
            "https://data.opendatasoft.com/api/explore/v2.1/catalog/datasets?limit=2&offset=0";
    private static final String EXPORTS = "https://data.opendatasoft.com/api/explore/v2.1/catalog/datasets/";
    private final OpendatasoftKind kind = new OpendatasoftKind();

    @Test
    void startsFromThePortalRootAtMostAHundredAPage() {
        assertThat(kind.firstPage("https://data.ville.example", 500))
                .isEqualTo("https://data.ville.example/api/explore/v2.1/catalog/datasets?limit=100&offset=0");
        var export = "https://data.ville.example/api/explore/v2.1/catalog/exports/json";
        assertThat(kind.firstPage(export, 100)).isEqualTo(export);
        assertThat(kind.after(export)).isNull();
        assertThat(kind.split(export)).isEmpty();
        assertThat(kind.after(PAGE))
                .isEqualTo("https://data.opendatasoft.com/api/explore/v2.1/catalog/datasets?limit=2&offset=2");
    }

    @Test
    void mapsTheCatalogueExampleOfTheSpecification() {
        var page =
                kind.read(Reference.bytes("opendatasoft/example_catalog_datasets_v2.1.json"), "application/json", PAGE);

        assertThat(page.totalItems()).isEqualTo(19L);
        assertThat(page.next())
                .isEqualTo("https://data.opendatasoft.com/api/explore/v2.1/catalog/datasets?limit=2&offset=2");
        assertThat(page.records())
                .extracting(HarvestedRecord::sourceKey)
                .containsExactly(
                        "https://data.opendatasoft.com/explore/dataset/world-administrative-boundaries-countries-and-territories/",
                        "https://data.opendatasoft.com/explore/dataset/geonames-all-cities-with-a-population-1000/");
        var boundaries = describe(page.records().get(0));
        assertThat(boundaries.title().get("en"))
                .contains("World Administrative Boundaries - Countries and Territories");
        assertThat(boundaries.description().best("en"))
                .startsWith("This dataset displays level 0 world administrative boundaries.")
                .doesNotContain("<p>");
        assertThat(boundaries.keywords()).isEmpty();
        assertThat(boundaries.publisher().name().best("en")).isEqualTo("World Food Programme (UN agency)");
        assertThat(boundaries.modified()).isEqualTo("2021-06-23T14:59:57+00:00");
        var id = "world-administrative-boundaries-countries-and-territories";
        assertThat(boundaries.distributions())
                .extracting(Distribution::downloadUrl)
                .containsExactly(
                        EXPORTS + id + "/exports/csv",
                        EXPORTS + id + "/exports/geojson",
                        EXPORTS + id + "/exports/json");
        assertThat(boundaries.distributions())
                .extracting(Distribution::license)
                .containsOnly("http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/");
        var cities = describe(page.records().get(1));
        assertThat(cities.distributions())
                .extracting(Distribution::downloadUrl)
                .contains(EXPORTS + "geonames-all-cities-with-a-population-1000/attachments/cities1000_zip");
    }

    @Test
    void offersNoExportOfADatasetWithoutRecords() {
        var body = """
                {"total_count": 1, "results": [{"dataset_id": "documents", "has_records": false, "features": [],
                  "metas": {"default": {"title": "Documents", "description": "Des PDF.", "theme": ["Culture, Patrimoine"]}}}]}
                """;

        var d = describe(kind.read(body.getBytes(StandardCharsets.UTF_8), "application/json", PAGE)
                .records()
                .get(0));

        assertThat(d.distributions()).isEmpty();
        assertThat(d.keywords()).containsExactly("Culture, Patrimoine");
        assertThat(d.title().get("fr")).contains("Documents");
    }

    @Test
    void failsARunOnAnErrorAnswer() {
        var error = "{\"error_code\": \"ODSQLError\", \"message\": \"Invalid value for offset\"}";

        assertThatThrownBy(() -> kind.read(error.getBytes(StandardCharsets.UTF_8), "application/json", PAGE))
                .isInstanceOf(HarvestAbortedException.class)
                .hasMessageContaining("Invalid value for offset")
                .hasMessageContaining(PAGE);
    }

    private static Description describe(HarvestedRecord record) {
        return DatasetRdf.read(record.dataset()).description();
    }
}
