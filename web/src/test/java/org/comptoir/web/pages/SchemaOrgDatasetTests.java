package org.comptoir.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.catalog.Fixtures.aDataset;
import static org.comptoir.catalog.Fixtures.governance;
import static org.comptoir.catalog.Fixtures.openGovernance;

import org.comptoir.catalog.dataset.AccessLevel;
import org.comptoir.catalog.dataset.Dataset;
import org.comptoir.catalog.dataset.Description;
import org.comptoir.catalog.dataset.Governance;
import org.comptoir.catalog.dataset.LangText;
import org.comptoir.catalog.dataset.PersonalData;
import org.comptoir.catalog.dataset.PublicationStatus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SchemaOrgDatasetTests {
    private static final String URL = "https://data.example.org/datasets/0b8f5c1e-6a53-4c39-9d1f-3f3b2f0c9a11";

    @Test
    void describesTheDatasetForSearchEngines() {
        var json = parse(SchemaOrgDataset.of(dataset(aDataset().build(), openGovernance()), URL, "fr"));

        assertThat(json.path("@context").asString()).isEqualTo("https://schema.org");
        assertThat(json.path("@type").asString()).isEqualTo("Dataset");
        assertThat(json.path("name").asString()).isEqualTo("Consommation électrique des bâtiments");
        assertThat(json.path("url").asString()).isEqualTo(URL);
        assertThat(json.path("identifier").get(0).asString()).isEqualTo("conso-elec-batiments");
        assertThat(json.path("keywords").toString()).contains("bâtiment");
        assertThat(json.path("license").asString())
                .isEqualTo("https://www.etalab.gouv.fr/licence-ouverte-open-licence/");
        assertThat(json.path("publisher").path("@type").asString()).isEqualTo("Organization");
        assertThat(json.path("publisher").path("name").asString()).isEqualTo("Métropole de démonstration");
        assertThat(json.path("creator").path("name").asString()).isEqualTo("Métropole de démonstration");
        assertThat(json.path("dateModified").asString()).isEqualTo("2026-01-15");
        assertThat(json.path("datePublished").asString()).isEqualTo("2024-03-01");
        assertThat(json.path("inLanguage").asString()).isEqualTo("fr");
        assertThat(json.path("temporalCoverage").asString()).isEqualTo("2020-01-01/..");
        assertThat(json.path("spatialCoverage").path("geo").path("box").asString())
                .isEqualTo("45.7 4.8 45.8 4.9");
        assertThat(json.path("isAccessibleForFree").asBoolean()).isTrue();
        var download = json.path("distribution").get(0);
        assertThat(download.path("@type").asString()).isEqualTo("DataDownload");
        assertThat(download.path("contentUrl").asString()).isEqualTo("https://data.example.org/conso.csv");
        assertThat(download.path("encodingFormat").asString()).isEqualTo("text/csv");
    }

    @Test
    void speaksTheLanguageOfThePage() {
        var json = parse(SchemaOrgDataset.of(dataset(aDataset().build(), openGovernance()), URL, "en"));

        assertThat(json.path("name").asString()).isEqualTo("Electricity use of buildings");
    }

    @Test
    void aTitleCannotCloseTheScriptElement() {
        var title = "Bâtiments </script><script>alert('x')</script> & <!-- fin";
        var written = SchemaOrgDataset.of(
                dataset(aDataset().withTitle(LangText.of("fr", title)).build(), openGovernance()), URL, "fr");

        assertThat(written).doesNotContain("<").doesNotContain(">").doesNotContain("&");
        assertThat(parse(written).path("name").asString()).isEqualTo(title);
    }

    @Test
    void aDatasetThatIsNotOpenIsNotFreeToAccess() {
        var restricted = governance(AccessLevel.RESTRICTED, PersonalData.NONE, PublicationStatus.PUBLISHED);
        var json = parse(SchemaOrgDataset.of(dataset(aDataset().build(), restricted), URL, "fr"));

        assertThat(json.path("isAccessibleForFree").asBoolean()).isFalse();
    }

    private static Dataset dataset(Description description, Governance governance) {
        return new Dataset("0b8f5c1e-6a53-4c39-9d1f-3f3b2f0c9a11", 1, null, description, governance, null);
    }

    private static JsonNode parse(String json) {
        return JsonMapper.builder().build().readTree(json);
    }
}
