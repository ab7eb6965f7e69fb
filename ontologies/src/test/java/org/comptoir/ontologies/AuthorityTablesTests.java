package org.comptoir.ontologies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.shared.AddDeniedException;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.comptoir.ontologies.AuthorityTables.Concept;
import org.comptoir.ontologies.AuthorityTables.Scheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorityTablesTests {

    private static final String THEME = "http://publications.europa.eu/resource/authority/data-theme/";
    private static final String FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";
    private static final String ETALAB_2 = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";

    private final AuthorityTables tables = AuthorityTables.bundled();

    @Test
    void labelsThemesInFrenchAndEnglish() {
        assertThat(tables.label(THEME + "ENVI", "fr")).isEqualTo("Environnement");
        assertThat(tables.label(THEME + "ENVI", "en")).isEqualTo("Environment");
        assertThat(tables.label(THEME + "TRAN", "fr-FR")).isEqualTo("Transports");
    }

    @Test
    void fallsBackToFrenchLabelForOtherLanguages() {
        assertThat(tables.label(THEME + "HEAL", "de")).isEqualTo("Santé");
        assertThat(tables.concept(THEME + "HEAL").orElseThrow().label(null)).isEqualTo("Santé");
    }

    @Test
    void labelsUnknownIriWithItsLastSegment() {
        assertThat(tables.label("https://example.org/themes/voirie", "fr")).isEqualTo("voirie");
        assertThat(tables.label("https://example.org/vocab#Parking", "en")).isEqualTo("Parking");
    }

    @Test
    void listsTheEuDataThemesSortedByFrenchLabel() {
        List<String> labels =
                tables.scheme(Scheme.THEME).stream().map(c -> c.label("fr")).toList();

        assertThat(labels)
                .containsExactly(
                        "Agriculture, pêche, sylviculture et alimentation",
                        "Données provisoires",
                        "Économie et finances",
                        "Éducation, culture et sport",
                        "Énergie",
                        "Environnement",
                        "Gouvernement et secteur public",
                        "Justice, système juridique et sécurité publique",
                        "Population et société",
                        "Questions internationales",
                        "Régions et villes",
                        "Santé",
                        "Science et technologie",
                        "Transports");
    }

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void givesEveryConceptAFrenchAndAnEnglishLabelAndItsScheme(Scheme scheme) {
        assertThat(tables.scheme(scheme)).isNotEmpty().allSatisfy(concept -> {
            assertThat(concept.labels()).containsKeys("fr", "en");
            assertThat(concept.scheme()).isEqualTo(scheme);
            assertThat(tables.concept(concept.iri())).contains(concept);
        });
    }

    @Test
    void bundlesTheCommonFrequenciesLanguagesAndAccessRights() {
        assertThat(tables.scheme(Scheme.FREQUENCY))
                .extracting(Concept::notation)
                .contains(
                        "CONT",
                        "UPDATE_CONT",
                        "DAILY",
                        "WEEKLY",
                        "MONTHLY",
                        "QUARTERLY",
                        "ANNUAL",
                        "IRREG",
                        "NEVER",
                        "UNKNOWN",
                        "OTHER");
        assertThat(tables.scheme(Scheme.LANGUAGE))
                .extracting(Concept::notation)
                .contains("FRA", "ENG", "DEU", "ITA", "SPA", "OCI", "BRE", "COS");
        assertThat(tables.scheme(Scheme.ACCESS_RIGHT))
                .extracting(Concept::notation)
                .containsExactlyInAnyOrder("PUBLIC", "RESTRICTED", "NON_PUBLIC");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "text/csv",
                "TEXT/CSV",
                "text/csv; charset=utf-8",
                "csv",
                ".CSV",
                "budget-2024.csv",
                "https://www.iana.org/assignments/media-types/text/csv",
                FILE_TYPE + "CSV"
            })
    void findsTheCsvFileTypeByMediaTypeOrExtension(String value) {
        assertThat(tables.fileTypeFor(value)).map(Concept::iri).contains(FILE_TYPE + "CSV");
    }

    @ParameterizedTest
    @CsvSource({
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, XLSX",
        "application/geo+json, GEOJSON",
        "geojson, GEOJSON",
        "text/xml, XML",
        "image/tiff, TIFF",
        "image/tiff; application=geotiff, GEOTIFF",
        "jpg, JPEG",
        "shapefile, SHP",
        "WMS, WMS_SRVC",
        "ttl, RDF_TURTLE",
        "application/ld+json, JSON_LD"
    })
    void findsFileTypesHarvestersMeet(String value, String notation) {
        assertThat(tables.fileTypeFor(value)).map(Concept::notation).contains(notation);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-unknown", "foo", "", " "})
    void findsNoFileTypeForUnknownValues(String value) {
        assertThat(tables.fileTypeFor(value)).isEmpty();
    }

    @Test
    void exposesTheMediaTypeOfFileTypes() {
        assertThat(tables.byNotation(Scheme.FILE_TYPE, "csv").orElseThrow().mediaType())
                .contains("text/csv");
        assertThat(tables.byNotation(Scheme.FILE_TYPE, "WMS_SRVC").orElseThrow().mediaType())
                .isEmpty();
        assertThat(tables.concept(THEME + "ECON").orElseThrow().mediaType()).isEmpty();
    }

    @Test
    void findsConceptsByNotationIgnoringCase() {
        assertThat(tables.byNotation(Scheme.FILE_TYPE, "csv")).map(Concept::iri).contains(FILE_TYPE + "CSV");
        assertThat(tables.byNotation(Scheme.THEME, "envi")).map(Concept::iri).contains(THEME + "ENVI");
        assertThat(tables.byNotation(Scheme.LANGUAGE, "fr"))
                .map(Concept::iri)
                .contains("http://publications.europa.eu/resource/authority/language/FRA");
        assertThat(tables.byNotation(Scheme.THEME, "csv")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "etalab-2.0, " + ETALAB_2,
        "Etalab-2.0, " + ETALAB_2,
        "lov2, " + ETALAB_2,
        "http://www.etalab.gouv.fr/licence-ouverte-open-licence, " + ETALAB_2,
        "fr-lo, https://www.etalab.gouv.fr/wp-content/uploads/2014/05/Licence_Ouverte.pdf",
        "odc-odbl, https://opendatacommons.org/licenses/odbl/1-0/",
        "ODbL-1.0, https://opendatacommons.org/licenses/odbl/1-0/",
        "cc-by, https://creativecommons.org/licenses/by/4.0/",
        "CC-BY-4.0, https://creativecommons.org/licenses/by/4.0/",
        "CC BY 4.0, https://creativecommons.org/licenses/by/4.0/",
        "http://creativecommons.org/licenses/by/4.0, https://creativecommons.org/licenses/by/4.0/",
        "cc-by-sa, https://creativecommons.org/licenses/by-sa/4.0/",
        "cc-zero, https://creativecommons.org/publicdomain/zero/1.0/",
        "http://creativecommons.org/publicdomain/zero/1.0/, https://creativecommons.org/publicdomain/zero/1.0/"
    })
    void mapsHarvestedLicenceIdentifiersToBundledLicences(String alias, String licence) {
        assertThat(tables.licenceByAlias(alias)).map(Concept::iri).contains(licence);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cc-by-nc", "notspecified", "other-at", "CC-BY-3.0", ""})
    void findsNoLicenceForUnknownIdentifiers(String alias) {
        assertThat(tables.licenceByAlias(alias)).isEmpty();
    }

    @Test
    void marksBundledLicencesOpenAndOtherConceptsNot() {
        assertThat(tables.scheme(Scheme.LICENCE)).hasSize(6).allMatch(Concept::open);
        assertThat(tables.concept(THEME + "ECON").orElseThrow().open()).isFalse();
        assertThat(tables.label(ETALAB_2, "fr")).isEqualTo("Licence Ouverte / Open Licence version 2.0");
    }

    @Test
    void exposesItsTriplesAsAReadOnlyModel() {
        Model model = tables.model();
        var etalab = model.getResource(ETALAB_2);

        assertThat(model.contains(etalab, RDF.type, DCTerms.LicenseDocument)).isTrue();
        assertThat(model.contains(etalab, RDF.type, SKOS.Concept)).isTrue();
        assertThat(model.contains(model.getResource(THEME + "AGRI"), RDF.type, SKOS.Concept))
                .isTrue();
        assertThatThrownBy(() -> model.add(etalab, SKOS.altLabel, "pirate")).isInstanceOf(AddDeniedException.class);
        assertThat(tables.model().contains(etalab, SKOS.altLabel, ResourceFactory.createStringLiteral("pirate")))
                .isFalse();
    }

    @Test
    void returnsTheSameBundledTablesEachTime() {
        assertThat(AuthorityTables.bundled()).isSameAs(tables);
        assertThat(Scheme.LICENCE.iri()).isEqualTo("https://w3id.org/comptoir/licences");
    }
}
