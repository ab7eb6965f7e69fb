package org.comptoir.connectors.udata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.comptoir.catalog.dataset.Description;
import org.comptoir.catalog.ingest.HarvestedRecord;
import org.comptoir.catalog.rdf.DatasetRdf;
import org.comptoir.connectors.Reference;
import org.comptoir.connectors.harvest.HarvestAbortedException;
import org.comptoir.connectors.harvest.SourcePage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The udata mapping, without Camel, on a data.gouv.fr dataset and edge cases. */
class UdataKindTests {
    private static final String PAGE = "https://www.data.gouv.fr/api/1/datasets/?page=1&page_size=20";
    private static final String EU = "http://publications.europa.eu/resource/authority/";
    private final UdataKind kind = new UdataKind();

    @Test
    void startsFromThePortalRootOrKeepsTheListTheSourceGave() {
        assertThat(kind.firstPage("https://www.data.gouv.fr", 50))
                .isEqualTo("https://www.data.gouv.fr/api/1/datasets/?page=1&page_size=50");
        var organisation = "https://www.data.gouv.fr/api/1/organizations/534fff81a3a7292c64a77e5c/datasets/";
        assertThat(kind.firstPage(organisation, 50)).isEqualTo(organisation + "?page=1&page_size=50");
        assertThat(kind.after(PAGE)).isEqualTo("https://www.data.gouv.fr/api/1/datasets/?page=2&page_size=20");
        assertThat(kind.split("https://www.data.gouv.fr/api/1/datasets/?page=3&page_size=20"))
                .containsExactly(
                        "https://www.data.gouv.fr/api/1/datasets/?page=5&page_size=10",
                        "https://www.data.gouv.fr/api/1/datasets/?page=6&page_size=10");
        assertThat(kind.split("https://www.data.gouv.fr/api/1/datasets/?page=3&page_size=5"))
                .isEmpty();
    }

    @Test
    void mapsTheMontluelChargingPointsDataset() {
        var fixture = (ObjectNode) JsonMapper.builder()
                .build()
                .readTree(Reference.bytes("udata/api-v1/datagouv_dataset_fixture_montluel_irve.json"));
        var dataset = (ObjectNode) fixture.get("dataset");
        dataset.set("organization", fixture.get("organization"));
        dataset.set("resources", fixture.get("resources"));
        var body = "{\"data\": [" + dataset + "], \"page\": 1, \"page_size\": 20, \"total\": 1, \"next_page\": null}";

        var page = read(body, PAGE);

        assertThat(page.totalItems()).isEqualTo(1L);
        assertThat(page.next()).isNull();
        var record = page.records().get(0);
        assertThat(record.sourceKey()).isEqualTo("https://www.data.gouv.fr/datasets/6164085521df2138379e8854/");
        var d = describe(record);
        assertThat(d.title().get("fr")).contains("Mairie de Montluel - Borne de recharge pour véhicules électriques");
        assertThat(d.keywords()).containsExactly("ain", "amenagement-urbain", "irve", "mobilite-electrique");
        assertThat(d.publisher().name().best("fr")).isEqualTo("Mairie de Montluel (IRVE)");
        assertThat(d.publisher().iri()).isEqualTo("https://www.data.gouv.fr/organizations/mairie-de-montluel-irve/");
        assertThat(d.landingPage())
                .isEqualTo(
                        "https://www.data.gouv.fr/datasets/mairie-de-montluel-borne-de-recharge-pour-vehicules-electriques/");
        assertThat(d.issued()).isEqualTo("2021-10-11T11:48:05.841000+00:00");
        assertThat(d.accrualPeriodicity()).isEqualTo(EU + "frequency/NOT_PLANNED");
        assertThat(d.distributions()).singleElement().satisfies(csv -> {
            assertThat(csv.format()).isEqualTo(EU + "file-type/CSV");
            assertThat(csv.byteSize()).isEqualTo(1501L);
            assertThat(csv.downloadUrl()).endsWith("/irve-mairie-de-montluel-20211011.csv");
            assertThat(csv.modified()).isEqualTo("2023-12-14T14:57:02.704000+00:00");
        });
    }

    @Test
    void followsNextPageOnTheSourcesOwnHostAndSkipsDeletedDatasets() {
        var body = """
                {"data": [{"id": "a", "title": "Gardé", "description": "d"},
                          {"id": "b", "title": "Supprimé", "description": "d", "deleted": "2024-01-01T00:00:00"}],
                 "page": 4, "page_size": 2, "total": 9,
                 "next_page": "http://backend.internal:7000/api/1/datasets/?page=5&page_size=2"}
                """;

        var page = read(body, "https://data.ville.example/api/1/datasets/?page=4&page_size=2");

        assertThat(page.records())
                .extracting(HarvestedRecord::sourceKey)
                .containsExactly("https://data.ville.example/datasets/a/");
        assertThat(page.next()).isEqualTo("https://data.ville.example/api/1/datasets/?page=5&page_size=2");
        assertThat(page.totalItems()).isEqualTo(9L);
    }

    @Test
    void leavesOutAnUnspecifiedLicenceAndReadsAnOpenEndedPeriod() {
        var body = """
                {"data": [{"id": "c", "title": "Comptages", "description": "d", "license": "notspecified",
                           "temporal_coverage": {"start": "2021-01-01", "end": null},
                           "resources": [{"id": "r", "title": "API", "url": "https://api.ville.example/comptages",
                                          "filetype": "remote", "format": "api"}]}],
                 "total": 1, "next_page": null}
                """;

        var record = read(body, PAGE).records().get(0);
        var d = describe(record);

        assertThat(d.temporal().start()).isEqualTo("2021-01-01");
        assertThat(d.temporal().end()).isNull();
        assertThat(d.distributions()).singleElement().satisfies(api -> {
            assertThat(api.license()).isNull();
            assertThat(api.downloadUrl()).isNull();
            assertThat(api.accessUrl()).isEqualTo("https://api.ville.example/comptages");
        });
        assertThat(record.description()
                        .listObjectsOfProperty(org.apache.jena.vocabulary.DCTerms.rights)
                        .toList())
                .isEmpty();
    }

    @Test
    void failsARunOnAnAnswerThatIsNotAList() {
        assertThatThrownBy(() -> read("{\"message\": \"Not found\", \"status\": 404}", PAGE))
                .isInstanceOf(HarvestAbortedException.class)
                .hasMessageContaining(PAGE)
                .hasMessageContaining("Not found");
    }

    private SourcePage read(String body, String url) {
        return kind.read(body.getBytes(StandardCharsets.UTF_8), "application/json", url);
    }

    private static Description describe(HarvestedRecord record) {
        return DatasetRdf.read(record.dataset()).description();
    }
}
