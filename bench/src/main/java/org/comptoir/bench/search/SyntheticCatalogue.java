package org.comptoir.bench.search;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import org.comptoir.catalog.dataset.AccessLevel;
import org.comptoir.catalog.dataset.Agent;
import org.comptoir.catalog.dataset.Dataset;
import org.comptoir.catalog.dataset.DatasetKind;
import org.comptoir.catalog.dataset.Description;
import org.comptoir.catalog.dataset.Distribution;
import org.comptoir.catalog.dataset.Governance;
import org.comptoir.catalog.dataset.LangText;
import org.comptoir.catalog.dataset.Owner;
import org.comptoir.catalog.dataset.PersonalData;
import org.comptoir.catalog.dataset.Provenance;
import org.comptoir.catalog.dataset.PublicationStatus;
import org.comptoir.catalog.dataset.Spatial;
import org.comptoir.catalog.rdf.LocalIris;
import org.comptoir.ontologies.AuthorityTables;

/**
 * A local authority's catalogue made up deterministically: dataset {@code n} is always the same.
 * French titles and descriptions from the words of the trade (buildings, street lighting, electricity
 * use, roads, trees, sensors, waste...), 10-30 keywords, 1-5 distributions with EU file types and the
 * bundled licences, the 13 EU data themes, 40 publishers, owners and departments, a bounding box for
 * about four datasets in ten, and a mix of statuses, access levels and personal data close to an
 * authority's estate: about two thirds are open to the public.
 */
public final class SyntheticCatalogue {
    static final String PUBLISHER_BASE = "https://bench.comptoir.example/org/";
    static final int PUBLISHERS = 40;

    /** What a dataset is about: a subject as a title starts, with the words a person would search. */
    record Subject(String title, String en, String noun, List<String> keywords) {}

    static final List<Subject> SUBJECTS = List.of(
            subject(
                    "Consommation électrique des bâtiments",
                    "Electricity use of buildings",
                    "consommations",
                    "énergie",
                    "électricité",
                    "bâtiments",
                    "compteurs",
                    "kWh",
                    "patrimoine bâti"),
            subject(
                    "Éclairage public",
                    "Street lighting",
                    "points lumineux",
                    "éclairage",
                    "lampadaires",
                    "luminaires",
                    "LED",
                    "nuit",
                    "énergie"),
            subject(
                    "Inventaire des arbres d'alignement",
                    "Street tree inventory",
                    "arbres",
                    "arbres",
                    "patrimoine arboré",
                    "essences",
                    "espaces verts",
                    "canopée",
                    "biodiversité"),
            subject(
                    "Capteurs de qualité de l'air",
                    "Air quality sensors",
                    "mesures",
                    "air",
                    "pollution",
                    "capteurs",
                    "particules",
                    "NO2",
                    "santé"),
            subject(
                    "Collecte des déchets ménagers",
                    "Household waste collection",
                    "tournées",
                    "déchets",
                    "collecte",
                    "tri",
                    "ordures ménagères",
                    "recyclage",
                    "bacs"),
            subject(
                    "Points d'apport volontaire",
                    "Recycling drop-off points",
                    "conteneurs",
                    "déchets",
                    "verre",
                    "tri",
                    "conteneurs",
                    "recyclage",
                    "propreté"),
            subject(
                    "Chaussées et trottoirs de la voirie",
                    "Roads and pavements",
                    "tronçons",
                    "voirie",
                    "chaussées",
                    "trottoirs",
                    "travaux",
                    "revêtement",
                    "rues"),
            subject(
                    "Stationnement sur voirie",
                    "On-street parking",
                    "places",
                    "stationnement",
                    "parkings",
                    "places",
                    "horodateurs",
                    "mobilité",
                    "voirie"),
            subject(
                    "Aménagements cyclables",
                    "Cycling infrastructure",
                    "itinéraires",
                    "vélo",
                    "pistes cyclables",
                    "mobilité",
                    "aménagements",
                    "arceaux",
                    "voirie"),
            subject(
                    "Bornes de recharge pour véhicules électriques",
                    "Electric vehicle chargers",
                    "bornes",
                    "recharge",
                    "véhicules électriques",
                    "bornes",
                    "mobilité",
                    "énergie",
                    "électricité"),
            subject(
                    "Consommation d'eau potable",
                    "Drinking water use",
                    "relevés",
                    "eau",
                    "eau potable",
                    "compteurs",
                    "réseau",
                    "fuites",
                    "consommations"),
            subject(
                    "Réseau d'assainissement",
                    "Sewer network",
                    "canalisations",
                    "assainissement",
                    "eaux usées",
                    "réseau",
                    "canalisations",
                    "regards",
                    "eau"),
            subject(
                    "Fréquentation des équipements sportifs",
                    "Sports facilities attendance",
                    "entrées",
                    "sport",
                    "gymnases",
                    "piscines",
                    "fréquentation",
                    "équipements",
                    "loisirs"),
            subject(
                    "Effectifs des écoles",
                    "School rolls",
                    "élèves",
                    "écoles",
                    "éducation",
                    "élèves",
                    "classes",
                    "restauration scolaire",
                    "enfance"),
            subject(
                    "Mesures du bruit routier",
                    "Road noise measurements",
                    "mesures",
                    "bruit",
                    "nuisances",
                    "capteurs",
                    "trafic",
                    "santé",
                    "voirie"),
            subject(
                    "Comptages du trafic routier",
                    "Road traffic counts",
                    "comptages",
                    "trafic",
                    "circulation",
                    "capteurs",
                    "voirie",
                    "mobilité",
                    "véhicules"),
            subject(
                    "Températures intérieures des bâtiments",
                    "Indoor temperatures of buildings",
                    "relevés",
                    "bâtiments",
                    "température",
                    "capteurs",
                    "chauffage",
                    "confort",
                    "énergie"),
            subject(
                    "Production photovoltaïque",
                    "Solar power production",
                    "productions",
                    "énergie",
                    "photovoltaïque",
                    "solaire",
                    "électricité",
                    "toitures",
                    "production"),
            subject(
                    "Espaces verts et jardins",
                    "Parks and gardens",
                    "parcs",
                    "espaces verts",
                    "parcs",
                    "jardins",
                    "squares",
                    "nature en ville",
                    "biodiversité"),
            subject(
                    "Marchés publics attribués",
                    "Public contracts awarded",
                    "marchés",
                    "marchés publics",
                    "commande publique",
                    "achats",
                    "fournisseurs",
                    "budget",
                    "finances"),
            subject(
                    "Budget primitif",
                    "Initial budget",
                    "lignes",
                    "budget",
                    "finances",
                    "dépenses",
                    "recettes",
                    "comptabilité",
                    "investissement"),
            subject(
                    "Subventions aux associations",
                    "Grants to associations",
                    "subventions",
                    "subventions",
                    "associations",
                    "finances",
                    "vie associative",
                    "culture",
                    "sport"),
            subject(
                    "Horaires des transports en commun",
                    "Public transport timetables",
                    "horaires",
                    "transports",
                    "bus",
                    "tramway",
                    "arrêts",
                    "mobilité",
                    "GTFS"),
            subject(
                    "Permis de construire délivrés",
                    "Building permits granted",
                    "permis",
                    "urbanisme",
                    "permis de construire",
                    "logement",
                    "autorisations",
                    "bâtiments",
                    "travaux"),
            subject(
                    "Interventions de maintenance du patrimoine",
                    "Building maintenance work orders",
                    "interventions",
                    "maintenance",
                    "GMAO",
                    "bâtiments",
                    "interventions",
                    "patrimoine bâti",
                    "travaux"));

    static final List<String> PLACES = List.of(
            "Lyon",
            "Villeurbanne",
            "Vénissieux",
            "Vaulx-en-Velin",
            "Bron",
            "Caluire-et-Cuire",
            "Saint-Priest",
            "Rillieux-la-Pape",
            "Meyzieu",
            "Oullins",
            "Décines-Charpieu",
            "Écully",
            "Tassin-la-Demi-Lune",
            "Sainte-Foy-lès-Lyon",
            "Givors",
            "Saint-Fons",
            "la Métropole",
            "Grenoble",
            "Échirolles",
            "Nantes",
            "Rezé",
            "Saint-Herblain",
            "Rennes",
            "Cesson-Sévigné",
            "Montpellier",
            "Lattes",
            "Strasbourg",
            "Schiltigheim",
            "Lille",
            "Roubaix",
            "Tourcoing",
            "Bordeaux",
            "Mérignac",
            "Pessac",
            "Toulouse",
            "Blagnac",
            "Colomiers",
            "Nice",
            "Antibes",
            "Marseille");

    private static final List<String> QUALIFIERS = List.of(
            "par quartier",
            "par commune",
            "en temps réel",
            "mensuelle",
            "annuelle",
            "des équipements municipaux",
            "du patrimoine communal",
            "par secteur",
            "historique",
            "consolidée",
            "par arrondissement",
            "brute");

    private static final List<String> SENTENCES = List.of(
            "Ce jeu de données recense les %1$s de %2$s, mis à jour par la direction en charge.",
            "Les données proviennent du système de gestion métier et sont contrôlées chaque mois.",
            "Il permet de suivre l'évolution des %1$s et d'orienter les décisions de la collectivité.",
            "Chaque enregistrement précise la localisation, la date de relevé et l'identifiant de l'objet.",
            "Les valeurs manquantes correspondent à des équipements hors service au moment de la mesure.",
            "La couverture porte sur l'ensemble du territoire de %2$s depuis %3$d.",
            "Les coordonnées sont exprimées en WGS 84 ; les adresses suivent la Base Adresse Nationale.",
            "Ces informations alimentent le schéma directeur et le plan climat-air-énergie territorial.",
            "Un dictionnaire des champs accompagne les fichiers et décrit les unités employées.",
            "Les séries antérieures à la migration du logiciel ont été reprises et peuvent comporter des écarts.");

    private static final List<String> EXTRA_KEYWORDS = List.of(
            "open data",
            "données ouvertes",
            "collectivité",
            "territoire",
            "commune",
            "métropole",
            "service public",
            "transition écologique",
            "plan climat",
            "smart city",
            "IoT",
            "SIG",
            "géolocalisation",
            "cartographie",
            "inventaire",
            "statistiques",
            "indicateurs",
            "tableau de bord",
            "qualité",
            "référentiel",
            "adresse",
            "quartier",
            "population",
            "usagers",
            "maintenance",
            "investissement",
            "sobriété",
            "ville durable",
            "données de référence",
            "temps réel",
            "historique",
            "séries temporelles",
            "climat",
            "risques",
            "patrimoine",
            "eau",
            "énergie",
            "mobilité",
            "santé",
            "environnement",
            "urbanisme",
            "culture",
            "sport",
            "éducation",
            "social",
            "économie",
            "tourisme",
            "sécurité",
            "propreté",
            "numérique");

    private static final List<String> DEPARTMENTS = List.of(
            "Direction de l'énergie",
            "Direction de l'eau",
            "Direction de la voirie",
            "Direction des espaces verts",
            "Direction de la propreté",
            "Direction des mobilités",
            "Direction du patrimoine bâti",
            "Direction des finances",
            "Direction de l'éducation",
            "Direction des sports",
            "Direction de l'urbanisme",
            "Direction du numérique");

    private static final List<String> FIRST_NAMES = List.of(
            "Camille",
            "Julien",
            "Sophie",
            "Karim",
            "Nathalie",
            "Thomas",
            "Amélie",
            "Mehdi",
            "Claire",
            "Nicolas",
            "Léa",
            "Hugo",
            "Inès",
            "Pierre",
            "Manon",
            "Yanis");
    private static final List<String> LAST_NAMES = List.of(
            "Martin",
            "Bernard",
            "Dubois",
            "Moreau",
            "Laurent",
            "Girard",
            "Lefèvre",
            "Mercier",
            "Benali",
            "Fontaine",
            "Rousseau",
            "Garnier");

    private static final List<String> FILE_TYPES =
            List.of("CSV", "JSON", "GEOJSON", "SHP", "XLSX", "PDF", "XML", "ZIP");

    private final List<String> themes;
    private final List<String> fileTypes;
    private final List<String> licences;

    public SyntheticCatalogue() {
        var tables = AuthorityTables.bundled();
        themes = tables.scheme(AuthorityTables.Scheme.THEME).stream()
                .map(AuthorityTables.Concept::iri)
                .sorted()
                .toList();
        fileTypes = FILE_TYPES.stream()
                .map(code -> tables.byNotation(AuthorityTables.Scheme.FILE_TYPE, code)
                        .orElseThrow(() -> new IllegalStateException("No bundled file type " + code)))
                .map(AuthorityTables.Concept::iri)
                .toList();
        licences = tables.scheme(AuthorityTables.Scheme.LICENCE).stream()
                .map(AuthorityTables.Concept::iri)
                .sorted()
                .toList();
    }

    /** The EU data themes datasets are spread over (13). */
    List<String> themes() {
        return themes;
    }

    List<String> fileTypes() {
        return fileTypes;
    }

    List<String> licences() {
        return licences;
    }

    /** The identifier of dataset {@code n}: a name-based UUID, the same at every run. */
    static String id(int n) {
        return UUID.nameUUIDFromBytes(("comptoir-bench-dataset-" + n).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    static String publisherIri(int p) {
        return PUBLISHER_BASE + p;
    }

    static String publisherName(int p) {
        return p < PLACES.size() - 1 ? "Ville de " + PLACES.get(p) : "Métropole de " + PLACES.get(0);
    }

    /** Dataset {@code n}, version 1. */
    public Dataset dataset(int n) {
        var random = new SplittableRandom(0x5EED_C0DEL * 31 + n);
        var id = id(n);
        var subject = pick(random, SUBJECTS);
        var place = pick(random, PLACES);
        int year = 2012 + random.nextInt(14);
        var qualifier = pick(random, QUALIFIERS);
        var title = subject.title() + " " + qualifier + " – " + place + " " + year;
        var titleEn = random.nextInt(4) == 0 ? subject.en() + " – " + place + " " + year : null;

        var sentences = new ArrayList<String>();
        int count = 2 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            var template = i == 0 ? SENTENCES.get(0) : pick(random, SENTENCES);
            sentences.add(String.format(Locale.ROOT, template, subject.noun(), place, year));
        }
        var description = String.join(" ", sentences);

        var keywords = new LinkedHashSet<>(subject.keywords());
        int wanted = 10 + random.nextInt(21);
        while (keywords.size() < wanted) {
            keywords.add(random.nextInt(5) == 0 ? place.toLowerCase(Locale.ROOT) : pick(random, EXTRA_KEYWORDS));
        }

        var datasetThemes = new LinkedHashSet<String>();
        datasetThemes.add(themes.get(Math.floorMod(SUBJECTS.indexOf(subject) * 7, themes.size())));
        if (random.nextInt(3) == 0) {
            datasetThemes.add(pick(random, themes));
        }

        int publisher = random.nextInt(PUBLISHERS);
        var distributions = new ArrayList<Distribution>();
        int distributionCount = 1 + random.nextInt(5);
        var licence = pick(random, licences);
        for (int d = 1; d <= distributionCount; d++) {
            var format = pick(random, fileTypes);
            var code = format.substring(format.lastIndexOf('/') + 1);
            var file = "https://bench.comptoir.example/files/" + id + "/" + d + "." + code.toLowerCase(Locale.ROOT);
            distributions.add(new Distribution(
                    LocalIris.distribution(id, d),
                    LangText.of(
                            "fr",
                            subject.noun().substring(0, 1).toUpperCase(Locale.ROOT)
                                    + subject.noun().substring(1) + " " + (year + d - 1) + " (" + code + ")"),
                    LangText.EMPTY,
                    file,
                    file,
                    format,
                    null,
                    random.nextInt(10) == 0 ? pick(random, licences) : licence,
                    null,
                    null,
                    null,
                    (long) (1_000 + random.nextInt(50_000_000)),
                    null,
                    null,
                    List.of(),
                    List.of(),
                    null));
        }

        Spatial spatial = null;
        if (random.nextInt(10) < 4) {
            double west = -1.8 + random.nextDouble() * 8.5;
            double south = 43.2 + random.nextDouble() * 7.0;
            double east = west + 0.02 + random.nextDouble() * 0.3;
            double north = south + 0.02 + random.nextDouble() * 0.2;
            spatial = new Spatial(
                    List.of(),
                    String.format(
                            Locale.ROOT,
                            "POLYGON((%.5f %.5f, %.5f %.5f, %.5f %.5f, %.5f %.5f, %.5f %.5f))",
                            west,
                            south,
                            east,
                            south,
                            east,
                            north,
                            west,
                            north,
                            west,
                            south),
                    null);
        }

        var modified = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
        var updated = modified.atStartOfDay().toInstant(ZoneOffset.UTC);
        var governance = new Governance(
                new Owner(pick(random, DEPARTMENTS), pick(random, FIRST_NAMES) + " " + pick(random, LAST_NAMES), null),
                accessLevel(random),
                personalData(random),
                status(random));

        var describedAs = new Description(
                LangText.fr(title, titleEn),
                LangText.of("fr", description),
                null,
                List.copyOf(keywords),
                List.copyOf(datasetThemes),
                new Agent(publisherIri(publisher), LangText.of("fr", publisherName(publisher))),
                null,
                Integer.toString(year),
                modified.toString(),
                List.of("http://publications.europa.eu/resource/authority/language/FRA"),
                null,
                spatial,
                null,
                null,
                List.of(),
                null,
                List.of(),
                List.of(),
                distributions);
        return new Dataset(
                id,
                1,
                DatasetKind.DATASET,
                describedAs,
                governance,
                new Provenance(null, null, Instant.parse("2025-01-01T00:00:00Z"), updated));
    }

    private static AccessLevel accessLevel(SplittableRandom random) {
        int r = random.nextInt(100);
        return r < 82 ? AccessLevel.PUBLIC : r < 94 ? AccessLevel.RESTRICTED : AccessLevel.NON_PUBLIC;
    }

    private static PersonalData personalData(SplittableRandom random) {
        int r = random.nextInt(100);
        if (r < 86) {
            return PersonalData.NONE;
        }
        return r < 91
                ? PersonalData.PERSONAL
                : r < 93 ? PersonalData.SENSITIVE : r < 97 ? PersonalData.PSEUDONYMISED : PersonalData.ANONYMISED;
    }

    private static PublicationStatus status(SplittableRandom random) {
        int r = random.nextInt(100);
        return r < 80
                ? PublicationStatus.PUBLISHED
                : r < 90 ? PublicationStatus.DRAFT : r < 96 ? PublicationStatus.SUBMITTED : PublicationStatus.WITHDRAWN;
    }

    private static Subject subject(String title, String en, String noun, String... keywords) {
        return new Subject(title, en, noun, List.of(keywords));
    }

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
