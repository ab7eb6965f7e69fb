package org.comptoir.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.catalog.Fixtures.aDataset;
import static org.comptoir.catalog.Fixtures.openGovernance;

import java.util.List;
import java.util.Locale;
import org.comptoir.catalog.dataset.Audience;
import org.comptoir.catalog.dataset.Dataset;
import org.comptoir.catalog.dataset.Description;
import org.comptoir.catalog.dataset.Distribution;
import org.comptoir.catalog.dataset.LangText;
import org.comptoir.catalog.dataset.Spatial;
import org.comptoir.web.pages.Views.Box;
import org.junit.jupiter.api.Test;

class DatasetViewsTests {
    private static final String IRI = "https://data.example.org/datasets/0b8f5c1e-6a53-4c39-9d1f-3f3b2f0c9a11";

    @Test
    void namesVocabularyTermsByTheirLabelsInThePageLanguage() {
        var french = new DatasetViews(Locale.FRENCH).page(dataset(aDataset().build()), IRI, Audience.PUBLIC);
        var english = new DatasetViews(Locale.ENGLISH).page(dataset(aDataset().build()), IRI, Audience.PUBLIC);

        assertThat(french.themes()).containsExactly("Énergie");
        assertThat(french.frequency()).isEqualTo("Mensuelle");
        assertThat(french.languages()).containsExactly("Français");
        assertThat(french.distributions().getFirst().format()).isEqualTo("CSV");
        assertThat(french.distributions().getFirst().licence()).isEqualTo("Licence Ouverte / Open Licence version 2.0");
        assertThat(french.modified().text()).isEqualTo("15 janvier 2026");
        assertThat(french.temporalStart().text()).isEqualTo("1er janvier 2020");
        assertThat(english.themes()).containsExactly("Energy");
        assertThat(english.frequency()).isEqualTo("Monthly");
        assertThat(english.distributions().getFirst().licence()).isEqualTo("Open Licence version 2.0 (Etalab)");
        assertThat(english.modified().text()).isEqualTo("January 15, 2026");
    }

    @Test
    void dropsLinksABrowserShouldNotFollow() {
        var hostile = new Distribution(
                null,
                LangText.of("fr", "Piège"),
                LangText.EMPTY,
                "data:text/html;base64,PHNjcmlwdD4=",
                "javascript:alert(1)",
                null,
                null,
                "javascript:alert(2)",
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                null);
        var view = new DatasetViews(Locale.FRENCH)
                .page(
                        dataset(aDataset()
                                .withoutDistributions()
                                .withDistribution(hostile)
                                .build()),
                        IRI,
                        Audience.PUBLIC);

        var distribution = view.distributions().getFirst();
        assertThat(distribution.downloadUrl()).isNull();
        assertThat(distribution.accessUrl()).isNull();
        assertThat(distribution.licenceUrl()).isNull();
    }

    @Test
    void namesTheOwnerOnlyToTheAuthoritysOwnUsers() {
        var views = new DatasetViews(Locale.FRENCH);

        assertThat(views.page(dataset(aDataset().build()), IRI, Audience.PUBLIC).ownerName())
                .isNull();
        assertThat(views.page(dataset(aDataset().build()), IRI, Audience.INTERNAL)
                        .ownerName())
                .isEqualTo("Camille Durand");
        assertThat(views.page(dataset(aDataset().build()), IRI, Audience.PUBLIC).orgUnit())
                .isEqualTo("Direction de l'Énergie");
    }

    @Test
    void readsTheBoundingBoxInEitherAxisOrder() {
        var crs84 = new Spatial(List.of(), "POLYGON((4.7 45.6, 5.0 45.6, 5.0 45.9, 4.7 45.9, 4.7 45.6))", null);
        var epsg4326 = new Spatial(
                List.of(),
                "<http://www.opengis.net/def/crs/EPSG/0/4326> POLYGON((45.6 4.7, 45.6 5.0, 45.9 5.0, 45.9 4.7, 45.6 4.7))",
                null);

        assertThat(DatasetViews.box(crs84)).contains(new Box(4.7, 45.6, 5.0, 45.9));
        assertThat(DatasetViews.box(epsg4326)).contains(new Box(4.7, 45.6, 5.0, 45.9));
        assertThat(DatasetViews.box(new Spatial(List.of(), null, "{\"type\":\"Point\"}")))
                .isEmpty();
    }

    @Test
    void shortensLongDescriptionsAtAWord() {
        var words = "Consommations mensuelles d'électricité par bâtiment. ".repeat(10);

        var excerpt = DatasetViews.excerpt(words);

        assertThat(excerpt).hasSizeLessThanOrEqualTo(241).endsWith("…").doesNotContain("  ");
        assertThat(words).startsWith(excerpt.substring(0, excerpt.length() - 1));
    }

    private static Dataset dataset(Description description) {
        return new Dataset("0b8f5c1e-6a53-4c39-9d1f-3f3b2f0c9a11", 1, null, description, openGovernance(), null);
    }
}
