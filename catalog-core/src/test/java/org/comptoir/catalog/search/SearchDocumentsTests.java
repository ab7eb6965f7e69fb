package org.comptoir.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.catalog.Fixtures.aDataset;
import static org.comptoir.catalog.Fixtures.governance;
import static org.comptoir.catalog.Fixtures.openGovernance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.comptoir.catalog.Fixtures;
import org.comptoir.catalog.dataset.AccessLevel;
import org.comptoir.catalog.dataset.Dataset;
import org.comptoir.catalog.dataset.DatasetKind;
import org.comptoir.catalog.dataset.PersonalData;
import org.comptoir.catalog.dataset.Provenance;
import org.comptoir.catalog.dataset.PublicationStatus;
import org.comptoir.catalog.dataset.Spatial;
import org.comptoir.catalog.search.SearchDocument.FacetTerm;
import org.junit.jupiter.api.Test;

class SearchDocumentsTests {
    private static final Provenance HARVESTED = new Provenance(
            "src-1",
            "https://data.example.org/ds/1",
            Instant.parse("2025-06-01T10:00:00Z"),
            Instant.parse("2026-02-03T23:30:00Z"));
    private static final SourceLabels SOURCES = id -> "src-1".equals(id)
            ? Optional.of(new SourceLabels.SourceLabel("Portail régional", "ckan"))
            : Optional.empty();

    @Test
    void searchesEveryTextOfTheDataset() {
        var document = SearchDocuments.of(dataset(aDataset().build(), openGovernance(), HARVESTED), SOURCES);

        assertThat(document.text(SearchFields.TITLE))
                .containsExactly("Consommation électrique des bâtiments", "Electricity use of buildings");
        assertThat(document.text(SearchFields.KEYWORDS)).containsExactly("énergie", "bâtiment");
        assertThat(document.text(SearchFields.THEMES)).containsExactly("Énergie", "Energy");
        assertThat(document.text(SearchFields.PUBLISHER)).containsExactly("Métropole de démonstration");
        assertThat(document.text(SearchFields.DISTRIBUTIONS)).containsExactly("Fichier CSV");
        assertThat(document.titleSort()).isEqualTo("consommation electrique des batiments");
    }

    @Test
    void labelsEveryDimensionInFrenchAndEnglish() {
        var document = SearchDocuments.of(dataset(aDataset().build(), openGovernance(), HARVESTED), SOURCES);

        assertThat(document.facet(Facet.THEME))
                .containsExactly(new FacetTerm(Fixtures.THEME_ENERGY, "Énergie", "Energy"));
        assertThat(document.facet(Facet.FORMAT)).containsExactly(new FacetTerm(Fixtures.CSV, "CSV", "CSV"));
        assertThat(document.facet(Facet.LICENSE).getFirst().labelFr())
                .isEqualTo("Licence Ouverte / Open Licence version 2.0");
        assertThat(document.facet(Facet.PUBLISHER))
                .containsExactly(new FacetTerm(
                        "https://demo-metropole.example/org/metropole",
                        "Métropole de démonstration",
                        "Métropole de démonstration"));
        assertThat(document.facet(Facet.OWNER)).extracting(FacetTerm::value).containsExactly("Camille Durand");
        assertThat(document.facet(Facet.ORG_UNIT))
                .extracting(FacetTerm::value)
                .containsExactly("Direction de l'Énergie");
        assertThat(document.facet(Facet.ACCESS_LEVEL)).containsExactly(new FacetTerm("PUBLIC", "Public", "Public"));
        assertThat(document.facet(Facet.PERSONAL_DATA))
                .containsExactly(new FacetTerm("NONE", "Sans données personnelles", "No personal data"));
        assertThat(document.facet(Facet.STATUS)).containsExactly(new FacetTerm("PUBLISHED", "Publié", "Published"));
        assertThat(document.facet(Facet.SOURCE))
                .containsExactly(new FacetTerm("src-1", "Portail régional", "Portail régional"));
        assertThat(document.facet(Facet.SOURCE_KIND)).containsExactly(new FacetTerm("ckan", "ckan", "ckan"));
    }

    @Test
    void isVisibleToThePublicOnlyWhenOpen() {
        var open = SearchDocuments.of(dataset(aDataset().build(), openGovernance(), HARVESTED), SOURCES);
        var personal = SearchDocuments.of(
                dataset(
                        aDataset().build(),
                        governance(AccessLevel.PUBLIC, PersonalData.PERSONAL, PublicationStatus.PUBLISHED),
                        HARVESTED),
                SOURCES);
        var withdrawn = SearchDocuments.of(
                dataset(
                        aDataset().build(),
                        governance(AccessLevel.PUBLIC, PersonalData.NONE, PublicationStatus.WITHDRAWN),
                        HARVESTED),
                SOURCES);

        assertThat(open.open()).isTrue();
        assertThat(personal.open()).isFalse();
        assertThat(withdrawn.open()).isFalse();
        assertThat(withdrawn.withdrawn()).isTrue();
        assertThat(Viewer.PUBLIC.sees(personal)).isFalse();
        assertThat(Viewer.INTERNAL.sees(personal)).isTrue();
    }

    @Test
    void datesTheDocumentByItsDescriptionElseByTheCatalogue() {
        var described = SearchDocuments.of(
                dataset(aDataset().withModified("2026-01-15T08:00:00Z").build(), openGovernance(), HARVESTED), SOURCES);
        var undated = SearchDocuments.of(
                dataset(aDataset().withModified(null).build(), openGovernance(), HARVESTED), SOURCES);
        var badlyDated = SearchDocuments.of(
                dataset(aDataset().withModified("janvier").build(), openGovernance(), HARVESTED), SOURCES);

        assertThat(described.modified()).isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(undated.modified()).isEqualTo(LocalDate.of(2026, 2, 4));
        assertThat(badlyDated.modified()).isEqualTo(LocalDate.of(2026, 2, 4));
    }

    @Test
    void boundsTheSpatialCoverageWhateverItsNotation() {
        assertThat(SearchDocuments.bbox(
                        new Spatial(List.of(), "POLYGON((4.8 45.7,4.9 45.7,4.9 45.8,4.8 45.8,4.8 45.7))", null)))
                .contains(new BoundingBox(4.8, 45.7, 4.9, 45.8));
        assertThat(SearchDocuments.bbox(new Spatial(
                        List.of(),
                        "<http://www.opengis.net/def/crs/OGC/1.3/CRS84> POLYGON((3.0 45.7,3.2 45.7,3.2 45.8,3.0 45.8,3.0 45.7))",
                        null)))
                .contains(new BoundingBox(3.0, 45.7, 3.2, 45.8));
        assertThat(SearchDocuments.bbox(new Spatial(List.of(), "ENVELOPE(2.2, 2.5, 48.9, 48.8)", null)))
                .contains(new BoundingBox(2.2, 48.8, 2.5, 48.9));
        assertThat(SearchDocuments.bbox(new Spatial(
                        List.of(), null, "{\"type\":\"MultiPoint\",\"coordinates\":[[5.36,43.29],[5.40,43.31]]}")))
                .contains(new BoundingBox(5.36, 43.29, 5.40, 43.31));
    }

    @Test
    void leavesOutCoverageThatIsNotInDegreesOrNotGeometry() {
        assertThat(SearchDocuments.bbox(new Spatial(
                        List.of(), "POLYGON((840000 6510000,850000 6510000,850000 6520000,840000 6510000))", null)))
                .isEmpty();
        assertThat(SearchDocuments.bbox(new Spatial(List.of(), "POLYGON((4.8 45.7,", "{not json")))
                .isEmpty();
        assertThat(SearchDocuments.bbox(new Spatial(
                        List.of("http://publications.europa.eu/resource/authority/country/FRA"), null, null)))
                .isEmpty();
    }

    static Dataset dataset(
            org.comptoir.catalog.dataset.Description description,
            org.comptoir.catalog.dataset.Governance governance,
            Provenance provenance) {
        return new Dataset("id-1", 1, DatasetKind.DATASET, description, governance, provenance);
    }
}
