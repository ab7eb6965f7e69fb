package org.comptoir.connectors.ckan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.comptoir.catalog.dataset.Description;
import org.comptoir.catalog.dataset.Distribution;
import org.comptoir.catalog.ingest.HarvestedRecord;
import org.comptoir.catalog.rdf.DatasetRdf;
import org.comptoir.connectors.Reference;
import org.comptoir.connectors.harvest.HarvestAbortedException;
import org.comptoir.connectors.harvest.SourcePage;
import org.junit.jupiter.api.Test;

/** The CKAN mapping, without Camel, on demo.ckan.org, ckanext-dcat and DKAN payloads and edge cases. */
class CkanKindTests {
    private static final String DEMO = "https://demo.ckan.org/api/3/action/package_search?rows=3&start=0";
    private static final String EU = "http://publications.europa.eu/resource/authority/";
    private final CkanKind kind = new CkanKind();

    @Test
    void startsFromThePortalRootOrKeepsTheSearchTheSourceGave() {
        assertThat(kind.firstPage("https://data.metropole.example/", 100))
                .isEqualTo("https://data.metropole.example/api/3/action/package_search?sort=id+asc&rows=100&start=0");
        assertThat(kind.firstPage(
                        "https://data.metropole.example/api/3/action/package_search?fq=organization:voirie", 50))
                .isEqualTo("https://data.metropole.example/api/3/action/package_search"
                        + "?fq=organization:voirie&rows=50&start=0");
        assertThat(kind.firstPage(DEMO, 100)).isEqualTo(DEMO);
    }

    @Test
    void stepsOverOrSplitsAPageByItsOffset() {
        var page = "https://p.example/api/3/action/package_search?rows=10&start=20";

        assertThat(kind.after(page)).isEqualTo("https://p.example/api/3/action/package_search?rows=10&start=30");
        assertThat(kind.split(page))
                .containsExactly(
                        "https://p.example/api/3/action/package_search?rows=5&start=20",
                        "https://p.example/api/3/action/package_search?rows=5&start=25");
        assertThat(kind.split("https://p.example/api/3/action/package_search?rows=1&start=7"))
                .isEmpty();
    }

    @Test
    void mapsTheDemoPortalsSearchPage() {
        var page = read(Reference.bytes("ckan/api-responses/package_search_demo.ckan.org_rows3.json"), DEMO);

        assertThat(page.totalItems()).isEqualTo(3L);
        assertThat(page.next()).isNull();
        assertThat(page.records())
                .extracting(HarvestedRecord::sourceKey)
                .containsExactly(
                        "https://demo.ckan.org/dataset/62513382-3b26-4bc8-9096-40b6ce8383c0",
                        "https://demo.ckan.org/dataset/9c3036b8-f6ac-4a4e-9036-5a3cc90c3900",
                        "https://demo.ckan.org/dataset/17be64bb-da74-4195-9bb8-565c39846af2");
        var plants = describe(page.records().get(0));
        assertThat(plants.title().get("fr")).contains("100 Validated Species of Plants");
        assertThat(plants.keywords()).containsExactly("flower", "image recognition", "machine learning");
        assertThat(plants.contactPoint().email()).isEqualTo("demo-user@example.org");
        assertThat(plants.modified()).isEqualTo("2017-08-05T03:19:33.886925");
        assertThat(plants.distributions()).singleElement().satisfies(csv -> {
            assertThat(csv.format()).isEqualTo(EU + "file-type/CSV");
            assertThat(csv.mediaType()).isEqualTo("https://www.iana.org/assignments/media-types/text/csv");
            assertThat(csv.downloadUrl()).endsWith("/download/validated_100_species.csv");
        });
        var regulation = describe(page.records().get(1));
        assertThat(regulation.distributions())
                .extracting(Distribution::license)
                .containsExactly("https://creativecommons.org/licenses/by/4.0/");
        assertThat(describe(page.records().get(2)).publisher().name().best("fr"))
                .isEqualTo("SDB");
        assertThat(page.records().get(0).rawPayload()).contains("\"name\":\"100-validated-species-of-plants\"");
    }

    @Test
    void mapsTheSchemingAndDcatFieldsOfCkanextDcat() {
        var pkg = Reference.text("ckan/ckanext-dcat/ckan/ckan_full_dataset_dcat_ap.json");
        var page = read(
                search(pkg.replace("\"name\": \"test-dataset-shacl\"", "\"id\": \"ds-1\", \"name\": \"n\""), 1), DEMO);

        var record = page.records().get(0);
        var d = describe(record);
        assertThat(d.title().get("en")).contains("Test DCAT dataset");
        assertThat(d.identifier()).isEqualTo("xx-some-dataset-id-yy");
        assertThat(d.themes()).contains("https://example.org/uri/theme1", "https://example.org/uri/theme3");
        assertThat(d.languages()).contains(EU + "language/ENG");
        assertThat(d.accrualPeriodicity()).isEqualTo(EU + "frequency/MONTHLY");
        assertThat(d.publisher().iri()).isEqualTo("http://example.org/publisher-id");
        assertThat(d.contactPoint().name()).isEqualTo("Contact 1");
        assertThat(d.contactPoint().email()).isEqualTo("contact1@example.org");
        assertThat(d.issued()).isEqualTo("2024-05-01");
        assertThat(d.temporal().start()).isEqualTo("1905-03-01");
        assertThat(d.temporal().end()).isEqualTo("2013-01-05");
        assertThat(d.spatial().bbox())
                .isEqualTo("POLYGON((-2.1604 42.7611, -2.0938 42.7611, -2.0938 42.7931, "
                        + "-2.1604 42.7931, -2.1604 42.7611))");
        assertThat(d.spatial().places()).containsExactly("https://sws.geonames.org/6361390/");
        assertThat(d.landingPage()).isEqualTo("http://example.org/ds1");
        assertThat(d.distributions()).singleElement().satisfies(distribution -> {
            assertThat(distribution.license()).isEqualTo("http://creativecommons.org/licenses/by/3.0/");
            assertThat(distribution.byteSize()).isEqualTo(12323L);
            assertThat(distribution.modified()).isEqualTo("2024-05-05T09:33:20");
        });
    }

    @Test
    void readsADkanPackageWithHtmlFrenchDatesAndAnOldEtalabLicenceUrl() {
        var show = Reference.text("ckan/api-responses/dkan_package_show_french_w_license.json");
        var pkg = show.substring(show.indexOf('[') + 1, show.lastIndexOf(']'));

        var d = describe(
                read(search(pkg, 1), "https://opendata.hautsdefrance.fr/api/3/action/package_search?rows=1&start=0")
                        .records()
                        .get(0));

        assertThat(d.description().best("fr"))
                .contains("Liste et coordonnées des antennes de proximité du conseil régional Hauts-de-France.")
                .doesNotContain("<p>");
        assertThat(d.modified()).isEqualTo("2019-09-30T22:00:00");
        assertThat(d.issued()).isNull();
        assertThat(d.accrualPeriodicity()).isEqualTo(EU + "frequency/AS_NEEDED");
        assertThat(d.spatial().bbox()).startsWith("POLYGON((1.1865234 48.805463, 4.6582031 48.805463");
        assertThat(d.distributions())
                .extracting(Distribution::license)
                .containsOnly("https://www.etalab.gouv.fr/wp-content/uploads/2014/05/Licence_Ouverte.pdf");
        assertThat(d.distributions()).extracting(Distribution::format).contains(EU + "file-type/XLSX");
    }

    @Test
    void keepsAnUnknownLicenceAsARightsStatementAndSkipsAResourceWithoutUrl() {
        var pkg = """
                {"id": "a1", "name": "arbres", "title": "Arbres d'alignement", "notes": "Inventaire.",
                 "license_id": "licence-maison", "license_title": "Licence de la maison",
                 "metadata_modified": "n'importe quand",
                 "resources": [{"id": "r1", "name": "Sans adresse", "url": ""},
                               {"id": "r2", "name": "Carte", "url": "https://sig.example/arbres", "format": "Format bizarre"}]}
                """;

        var record = read(search(pkg, 1), DEMO).records().get(0);
        var d = describe(record);

        assertThat(d.modified()).isNull();
        assertThat(d.distributions()).singleElement().satisfies(map -> {
            assertThat(map.accessUrl()).isEqualTo("https://sig.example/arbres");
            assertThat(map.license()).isNull();
            assertThat(map.format()).isNull();
        });
        assertThat(record.description()
                        .listObjectsOfProperty(org.apache.jena.vocabulary.RDFS.label)
                        .toList())
                .extracting(node -> node.asLiteral().getLexicalForm())
                .contains("Licence : licence-maison", "Format bizarre");
    }

    @Test
    void keepsEveryLanguageOfFluentTranslations() {
        var pkg = """
                {"id": "b2", "name": "budget",
                 "title_translated": {"fr": "Budget primitif", "en": "Initial budget"},
                 "notes_translated": {"fr": "Le budget voté.", "en": "The voted budget."}}
                """;

        var d = describe(read(search(pkg, 1), DEMO).records().get(0));

        assertThat(d.title().values()).containsEntry("fr", "Budget primitif").containsEntry("en", "Initial budget");
        assertThat(d.description().values()).containsEntry("en", "The voted budget.");
    }

    @Test
    void pagesOnWhileTheCountSaysThereIsMore() {
        var page = read(
                search("{\"id\": \"x\", \"title\": \"X\"}", 5),
                "https://p.example/api/3/action/package_search?rows=1&start=3");

        assertThat(page.next()).isEqualTo("https://p.example/api/3/action/package_search?rows=1&start=4");
        assertThat(read(
                                search("{\"id\": \"x\", \"title\": \"X\"}", 5),
                                "https://p.example/api/3/action/package_search?rows=1&start=4")
                        .next())
                .isNull();
    }

    @Test
    void failsARunOnAnErrorAnswerOrAPageThatIsNotASearch() {
        var refused =
                "{\"success\": false, \"error\": {\"message\": \"Accès refusé\", \"__type\": \"Authorization Error\"}}";

        assertThatThrownBy(() -> read(refused.getBytes(StandardCharsets.UTF_8), DEMO))
                .isInstanceOf(HarvestAbortedException.class)
                .hasMessageContaining(DEMO)
                .hasMessageContaining("Accès refusé");
        assertThatThrownBy(() -> read("{\"help\": \"...\"}".getBytes(StandardCharsets.UTF_8), DEMO))
                .isInstanceOf(HarvestAbortedException.class)
                .hasMessageContaining("package_search");
        assertThatThrownBy(() -> kind.read("<html>".getBytes(StandardCharsets.UTF_8), "text/html", DEMO))
                .isInstanceOf(HarvestAbortedException.class)
                .hasMessageContaining("HTML");
        assertThatThrownBy(
                        () -> read("{\"result\": {\"count\": 3, \"results\": [".getBytes(StandardCharsets.UTF_8), DEMO))
                .isInstanceOf(HarvestAbortedException.class)
                .hasMessageContaining("n'est pas du JSON lisible");
    }

    private SourcePage read(byte[] body, String url) {
        return kind.read(body, "application/json; charset=utf-8", url);
    }

    private static byte[] search(String pkg, int count) {
        return ("{\"success\": true, \"result\": {\"count\": " + count + ", \"results\": [" + pkg + "]}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    static Description describe(HarvestedRecord record) {
        return DatasetRdf.read(record.dataset()).description();
    }
}
