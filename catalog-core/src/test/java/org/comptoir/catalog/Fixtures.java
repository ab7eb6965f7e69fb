package org.comptoir.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.comptoir.catalog.dataset.AccessLevel;
import org.comptoir.catalog.dataset.Agent;
import org.comptoir.catalog.dataset.ContactPoint;
import org.comptoir.catalog.dataset.Description;
import org.comptoir.catalog.dataset.Distribution;
import org.comptoir.catalog.dataset.Governance;
import org.comptoir.catalog.dataset.LangText;
import org.comptoir.catalog.dataset.Owner;
import org.comptoir.catalog.dataset.PersonalData;
import org.comptoir.catalog.dataset.PublicationStatus;
import org.comptoir.catalog.dataset.Spatial;
import org.comptoir.catalog.dataset.Temporal;

/** Builders for test datasets: {@code aDataset().withTitle("...").build()}. */
public final class Fixtures {
    public static final String THEME_ENERGY = "http://publications.europa.eu/resource/authority/data-theme/ENER";
    public static final String CSV = "http://publications.europa.eu/resource/authority/file-type/CSV";
    public static final String ETALAB = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";

    private Fixtures() {}

    public static DescriptionBuilder aDataset() {
        return new DescriptionBuilder();
    }

    public static Distribution aCsvDistribution(String url) {
        return new Distribution(
                null,
                LangText.of("fr", "Fichier CSV"),
                LangText.EMPTY,
                url,
                url,
                CSV,
                "https://www.iana.org/assignments/media-types/text/csv",
                ETALAB,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                null);
    }

    public static Governance openGovernance() {
        return new Governance(
                new Owner("Direction de l'Énergie", "Camille Durand", "c.durand@demo-metropole.example"),
                AccessLevel.PUBLIC,
                PersonalData.NONE,
                PublicationStatus.PUBLISHED);
    }

    public static Governance governance(AccessLevel access, PersonalData personal, PublicationStatus status) {
        return new Governance(openGovernance().owner(), access, personal, status);
    }

    public static final class DescriptionBuilder {
        private LangText title = LangText.fr("Consommation électrique des bâtiments", "Electricity use of buildings");
        private LangText description = LangText.fr(
                "Consommations mensuelles d'électricité par bâtiment communautaire.",
                "Monthly electricity consumption per building.");
        private List<String> keywords = List.of("énergie", "bâtiment");
        private final List<Distribution> distributions =
                new ArrayList<>(List.of(aCsvDistribution("https://data.example.org/conso.csv")));
        private String modified = "2026-01-15";
        private List<String> themes = List.of(THEME_ENERGY);
        private Agent publisher = new Agent(
                "https://demo-metropole.example/org/metropole", LangText.of("fr", "Métropole de démonstration"));
        private Spatial spatial =
                new Spatial(List.of(), "POLYGON((4.8 45.7,4.9 45.7,4.9 45.8,4.8 45.8,4.8 45.7))", null);

        public DescriptionBuilder withTitle(String fr) {
            this.title = LangText.of("fr", fr);
            return this;
        }

        public DescriptionBuilder withTitle(LangText title) {
            this.title = title;
            return this;
        }

        public DescriptionBuilder withDescription(String fr) {
            this.description = LangText.of("fr", fr);
            return this;
        }

        public DescriptionBuilder withKeywords(String... keywords) {
            this.keywords = List.of(keywords);
            return this;
        }

        public DescriptionBuilder withModified(String modified) {
            this.modified = modified;
            return this;
        }

        public DescriptionBuilder withoutDistributions() {
            distributions.clear();
            return this;
        }

        public DescriptionBuilder withDistribution(Distribution distribution) {
            distributions.add(distribution);
            return this;
        }

        /** Themes by their code in the EU data-theme table ({@code ENER}, {@code TRAN}...). */
        public DescriptionBuilder withThemes(String... codes) {
            this.themes = Arrays.stream(codes)
                    .map(code -> "http://publications.europa.eu/resource/authority/data-theme/" + code)
                    .toList();
            return this;
        }

        public DescriptionBuilder withPublisher(String iri, String name) {
            this.publisher = new Agent(iri, LangText.of("fr", name));
            return this;
        }

        /** A spatial coverage given as a WKT bounding box, or none for null. */
        public DescriptionBuilder withBbox(String wkt) {
            this.spatial = wkt == null ? null : new Spatial(List.of(), wkt, null);
            return this;
        }

        public Description build() {
            return new Description(
                    title,
                    description,
                    "conso-elec-batiments",
                    keywords,
                    themes,
                    publisher,
                    new ContactPoint("Direction de l'Énergie", "energie@demo-metropole.example", null),
                    "2024-03-01",
                    modified,
                    List.of("http://publications.europa.eu/resource/authority/language/FRA"),
                    "http://publications.europa.eu/resource/authority/frequency/MONTHLY",
                    spatial,
                    new Temporal("2020-01-01", null),
                    "https://demo-metropole.example/energie/conso",
                    List.of(),
                    null,
                    List.of(),
                    List.of(),
                    distributions);
        }
    }
}
