package org.comptoir.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.comptoir.catalog.Fixtures.aDataset;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.comptoir.catalog.Fixtures;
import org.comptoir.catalog.dataset.AccessLevel;
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
import org.comptoir.catalog.search.SearchQuery.Sort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The search contract: every engine (Lucene, Elasticsearch) must pass these unchanged. A subclass
 * says how to open an engine over an empty index and how to reopen it over the same storage.
 *
 * <p>The catalogue searched is a small métropole's: datasets built from real-shaped descriptions
 * with {@link SearchDocuments#of}, some open, some holding personal data, a draft, a restricted one
 * granted to a partner, a withdrawn one.
 */
public abstract class CatalogSearchContract {
    protected static final String THEME = "http://publications.europa.eu/resource/authority/data-theme/";
    protected static final String GEOJSON = "http://publications.europa.eu/resource/authority/file-type/GEOJSON";
    protected static final String ODBL = "https://opendatacommons.org/licenses/odbl/1-0/";
    protected static final String VILLE = "https://demo-metropole.example/org/ville-centre";
    protected static final String GRANT = "convention-42";
    protected static final Viewer PARTNER = Viewer.partner(Set.of(GRANT));

    private static final SourceLabels SOURCES = id -> switch (id) {
        case "src-ckan" -> Optional.of(new SourceLabels.SourceLabel("Portail CKAN régional", "ckan"));
        case "src-dcat" -> Optional.of(new SourceLabels.SourceLabel("Catalogue DCAT de la métropole", "dcat-ap"));
        default -> Optional.empty();
    };
    private static final Owner CAMILLE = new Owner("Direction de l'Énergie", "Camille Durand", "c.durand@example.org");
    private static final Owner LOUIS = new Owner("Direction de la Voirie", "Louis Martin", "l.martin@example.org");
    private static final Owner ZOE = new Owner("Direction de l'Énergie", "Zoé Secret", "z.secret@example.org");

    /** The datasets visible to the public, all of them: open and not withdrawn. */
    private static final Set<String> OPEN =
            Set.of("conso-elec", "eclairage", "chaleur-trace", "chaleur-sols", "arbres", "vegetal", "piscines");

    private SearchEngine engine;
    private long change;

    /** An engine over a new, empty index. The contract closes it after each test. */
    protected abstract SearchEngine engine();

    /** Closes the engine and opens a new one over the same index, as after a restart. */
    protected abstract SearchEngine reopen(SearchEngine engine);

    @BeforeEach
    void openEngine() {
        engine = engine();
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    // --- French ---------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"batiment", "Bâtiments", "bâtiment", "BATIMENTS"})
    void findsWordsWhateverTheirAccentsCaseAndNumber(String text) {
        indexCatalogue();

        assertThat(ids(search(text, Viewer.INTERNAL))).containsExactlyInAnyOrder("conso-elec", "compteurs-eau");
    }

    @Test
    void findsSingularAccentedTitleFromPluralsTypedWithoutAccents() {
        indexCatalogue();

        assertThat(ids(search("consommations electriques", Viewer.PUBLIC))).containsExactly("conso-elec");
    }

    @Test
    void handlesElisionsAndStopWords() {
        indexCatalogue();

        assertThat(ids(search("l'éclairage", Viewer.PUBLIC))).containsExactly("eclairage");
        assertThat(ids(search("le réseau de la chaleur", Viewer.PUBLIC)))
                .containsExactlyInAnyOrderElementsOf(ids(search("réseau chaleur", Viewer.PUBLIC)))
                .containsExactlyInAnyOrder("chaleur-trace", "chaleur-sols");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eclairrage", "eclairaje", "éclaraige"})
    void toleratesATypo(String text) {
        indexCatalogue();

        assertThat(ids(search(text, Viewer.PUBLIC))).containsExactly("eclairage");
    }

    @Test
    void toleratesASwapOfTwoLetters() {
        indexCatalogue();

        assertThat(ids(search("batimnet", Viewer.PUBLIC))).containsExactly("conso-elec");
    }

    @Test
    void ranksAnExactMatchAboveATypoMatch() {
        indexCatalogue();
        index(open("parc-eau", "Parcs et jardins", "Liste des parcs.", "parc"));
        index(open("parc-typo", "Parts modales des déplacements", "Enquête ménages.", "déplacement"));

        var hits = ids(search("parcs", Viewer.PUBLIC));

        assertThat(hits).contains("parc-eau", "vegetal").endsWith("parc-typo");
    }

    @Test
    void ranksAnExactPhraseInQuotesFirst() {
        indexCatalogue();

        var hits = ids(search("\"réseau de chaleur\"", Viewer.PUBLIC));

        assertThat(hits).containsExactly("chaleur-trace", "chaleur-sols");
    }

    @Test
    void ranksATitleMatchAboveADescriptionMatch() {
        indexCatalogue();
        index(open("mobilier", "Mobilier urbain", "Bancs, fontaines et corbeilles des places.", "mobilier"));
        index(open("fontaines", "Fontaines publiques", "Points d'eau potable des places.", "eau potable"));

        assertThat(ids(search("fontaines", Viewer.PUBLIC))).containsExactly("fontaines", "mobilier");
        assertThat(ids(search("arbres", Viewer.PUBLIC))).containsExactly("arbres", "vegetal");
    }

    @Test
    void searchesKeywordsThemesPublishersAndDistributions() {
        indexCatalogue();

        assertThat(ids(search("sport", Viewer.PUBLIC))).containsExactly("piscines");
        assertThat(ids(search("transports", Viewer.PUBLIC))).containsExactly("eclairage");
        assertThat(ids(search("ville-centre", Viewer.PUBLIC))).containsExactly("eclairage");
        assertThat(ids(search("lampadaires geojson", Viewer.PUBLIC))).containsExactly("eclairage");
        assertThat(ids(search("electricity buildings", Viewer.PUBLIC))).containsExactly("conso-elec");
    }

    @Test
    void requiresEveryWord() {
        indexCatalogue();

        assertThat(ids(search("arbres piscines", Viewer.PUBLIC))).isEmpty();
    }

    // --- visibility -----------------------------------------------------------------------------

    @Test
    void showsThePublicOnlyOpenDatasets() {
        indexCatalogue();

        var result = search("", Viewer.PUBLIC);

        assertThat(ids(result)).containsExactlyInAnyOrderElementsOf(OPEN);
        assertThat(result.total()).isEqualTo(OPEN.size());
    }

    @Test
    void showsAPartnerOpenAndGrantedDatasets() {
        indexCatalogue();

        assertThat(ids(search("eau", PARTNER))).containsExactlyInAnyOrder("chaleur-sols", "compteurs-eau");
        assertThat(ids(search("eau", Viewer.PUBLIC))).containsExactly("chaleur-sols");
        assertThat(ids(search("eau", Viewer.partner(Set.of("convention-7"))))).containsExactly("chaleur-sols");
    }

    @Test
    void showsInternalViewersEveryDatasetButWithdrawnOnes() {
        indexCatalogue();

        var result = search("", Viewer.INTERNAL);

        assertThat(result.total()).isEqualTo(10);
        assertThat(ids(result)).doesNotContain("retire").contains("abonnes", "velo", "compteurs-eau");
    }

    @Test
    void showsWithdrawnDatasetsOnlyToAFilterAskingForThem() {
        indexCatalogue();

        assertThat(ids(search("ancien inventaire", Viewer.INTERNAL))).isEmpty();
        assertThat(ids(search(query("arbres", Viewer.INTERNAL).filter(Facet.STATUS, "WITHDRAWN"))))
                .containsExactly("retire");
        assertThat(ids(search(query("", Viewer.PUBLIC).filter(Facet.STATUS, "WITHDRAWN"))))
                .isEmpty();
    }

    @Test
    void neverRevealsAHiddenDatasetThroughCountsOrFacets() {
        indexCatalogue();

        var result = search(query("chaleur", Viewer.PUBLIC).build());

        assertThat(result.total()).isEqualTo(2);
        assertThat(values(result, Facet.THEME)).containsOnlyKeys(THEME + "ENER", THEME + "ENVI");
        assertThat(values(result, Facet.THEME)).containsEntry(THEME + "ENER", 1L);
        assertThat(values(result, Facet.PERSONAL_DATA)).containsOnlyKeys("NONE");
        assertThat(values(result, Facet.STATUS)).containsOnlyKeys("PUBLISHED");
        assertThat(result.facets()).doesNotContainKey(Facet.OWNER);

        var hidden = search(query("", Viewer.PUBLIC).filter(Facet.PERSONAL_DATA, "PERSONAL"));
        assertThat(hidden.total()).isZero();
        assertThat(hidden.facets().values())
                .allSatisfy(values -> assertThat(values).isEmpty());
    }

    @Test
    void countsHiddenDatasetsForInternalViewers() {
        indexCatalogue();

        var result = search(query("chaleur", Viewer.INTERNAL).build());

        assertThat(result.total()).isEqualTo(3);
        assertThat(values(result, Facet.THEME))
                .containsEntry(THEME + "ENER", 2L)
                .containsEntry(THEME + "ENVI", 1L)
                .containsEntry(THEME + "SOCI", 1L);
        assertThat(values(result, Facet.OWNER)).containsEntry("Zoé Secret", 1L).containsEntry("Camille Durand", 2L);
        assertThat(values(result, Facet.PERSONAL_DATA)).containsEntry("PERSONAL", 1L);
    }

    // --- filters --------------------------------------------------------------------------------

    @Test
    void filtersOnEveryDimension() {
        indexCatalogue();
        var expected = new EnumMap<Facet, Map.Entry<String, Set<String>>>(Facet.class);
        expected.put(Facet.THEME, Map.entry(THEME + "TRAN", Set.of("eclairage", "velo")));
        expected.put(Facet.PUBLISHER, Map.entry(VILLE, Set.of("eclairage")));
        expected.put(Facet.OWNER, Map.entry("Louis Martin", Set.of("eclairage")));
        expected.put(Facet.ORG_UNIT, Map.entry("Direction de la Voirie", Set.of("eclairage")));
        expected.put(Facet.FORMAT, Map.entry(GEOJSON, Set.of("eclairage")));
        expected.put(Facet.LICENSE, Map.entry(ODBL, Set.of("eclairage")));
        expected.put(Facet.ACCESS_LEVEL, Map.entry("RESTRICTED", Set.of("compteurs-eau")));
        expected.put(Facet.PERSONAL_DATA, Map.entry("PERSONAL", Set.of("abonnes")));
        expected.put(Facet.STATUS, Map.entry("DRAFT", Set.of("velo")));
        expected.put(Facet.SOURCE_KIND, Map.entry("ckan", Set.of("conso-elec")));
        expected.put(Facet.SOURCE, Map.entry("src-dcat", Set.of("chaleur-trace")));
        assertThat(expected).hasSize(Facet.values().length);

        expected.forEach((facet, filter) -> assertThat(
                        ids(search(query("", Viewer.INTERNAL).filter(facet, filter.getKey()))))
                .as(facet.apiName())
                .containsExactlyInAnyOrderElementsOf(filter.getValue()));
    }

    @Test
    void combinesValuesOfADimensionWithOrAndDimensionsWithAnd() {
        indexCatalogue();

        assertThat(ids(search(query("", Viewer.PUBLIC).filter(Facet.THEME, THEME + "TRAN", THEME + "HEAL"))))
                .containsExactlyInAnyOrder("eclairage", "piscines");
        assertThat(ids(search(query("", Viewer.PUBLIC)
                        .filter(Facet.THEME, THEME + "ENER", THEME + "ENVI")
                        .filter(Facet.FORMAT, GEOJSON))))
                .containsExactly("eclairage");
        assertThat(ids(search(query("arbres", Viewer.PUBLIC).filter(Facet.THEME, THEME + "ENER"))))
                .isEmpty();
    }

    @Test
    void ignoresAFilterOnOwnersFromOutsideTheAuthority() {
        indexCatalogue();

        var result = search(query("", Viewer.PUBLIC).filter(Facet.OWNER, "Zoé Secret"));

        assertThat(ids(result)).containsExactlyInAnyOrderElementsOf(OPEN);
    }

    @Test
    void keepsDatasetsModifiedWithinTheRange() {
        indexCatalogue();

        var from2025 = query("", Viewer.PUBLIC).modified(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        var until = query("", Viewer.PUBLIC).modified(null, LocalDate.of(2023, 5, 10));
        var since = query("", Viewer.PUBLIC).modified(LocalDate.of(2025, 6, 30), null);

        assertThat(ids(search(from2025))).containsExactlyInAnyOrder("eclairage", "arbres", "vegetal");
        assertThat(ids(search(until))).containsExactlyInAnyOrder("chaleur-sols", "piscines");
        assertThat(ids(search(since))).containsExactlyInAnyOrder("conso-elec", "eclairage");
    }

    @Test
    void keepsDatasetsWhoseCoverageIntersectsTheBox() {
        indexCatalogue();

        var aroundLyon = query("", Viewer.PUBLIC).bbox(new BoundingBox(4.85, 45.75, 5.5, 46.0));
        var aroundBoth = query("", Viewer.PUBLIC).bbox(new BoundingBox(2.0, 45.0, 5.0, 46.0));
        var brittany = query("", Viewer.PUBLIC).bbox(new BoundingBox(-4.8, 47.0, -1.0, 48.9));

        assertThat(ids(search(aroundLyon))).containsExactly("conso-elec");
        assertThat(ids(search(aroundBoth))).containsExactlyInAnyOrder("conso-elec", "eclairage");
        assertThat(ids(search(brittany))).isEmpty();
    }

    // --- sorts and pages ------------------------------------------------------------------------

    @Test
    void sortsByTitleOrByModification() {
        indexCatalogue();

        assertThat(ids(search(query("", Viewer.PUBLIC).sort(Sort.TITLE))))
                .containsExactly(
                        "arbres", "chaleur-sols", "chaleur-trace", "conso-elec", "piscines", "vegetal", "eclairage");
        var byDate =
                List.of("conso-elec", "eclairage", "arbres", "vegetal", "chaleur-trace", "chaleur-sols", "piscines");
        assertThat(ids(search(query("", Viewer.PUBLIC).sort(Sort.MODIFIED)))).containsExactlyElementsOf(byDate);
        assertThat(ids(search(query("", Viewer.PUBLIC).sort(Sort.RELEVANCE)))).containsExactlyElementsOf(byDate);
        assertThat(ids(search(query("chaleur", Viewer.PUBLIC).sort(Sort.MODIFIED))))
                .containsExactly("chaleur-trace", "chaleur-sols");
    }

    @Test
    void pagesThroughTheResults() {
        indexCatalogue();
        var all = new ArrayList<String>();

        for (int page = 0; page < 3; page++) {
            var result = search(query("", Viewer.PUBLIC).sort(Sort.TITLE).page(page, 3));
            assertThat(result.total()).isEqualTo(7);
            assertThat(result.page()).isEqualTo(page);
            assertThat(result.size()).isEqualTo(3);
            all.addAll(ids(result));
        }

        assertThat(all)
                .containsExactly(
                        "arbres", "chaleur-sols", "chaleur-trace", "conso-elec", "piscines", "vegetal", "eclairage");
        assertThat(search(query("", Viewer.PUBLIC).page(5, 3)).hits()).isEmpty();
    }

    // --- facets ---------------------------------------------------------------------------------

    @Test
    void countsFacetValuesOnTheResultSetWithTheirLabels() {
        indexCatalogue();

        var result = search(query("", Viewer.PUBLIC).filter(Facet.THEME, THEME + "ENER"));

        assertThat(result.total()).isEqualTo(3);
        var themes = result.facets().get(Facet.THEME);
        assertThat(themes.getFirst()).isEqualTo(new FacetValue(THEME + "ENER", "Énergie", 3));
        assertThat(themes).contains(new FacetValue(THEME + "TRAN", "Transports", 1));
        assertThat(result.facets().get(Facet.FORMAT))
                .containsExactly(new FacetValue(Fixtures.CSV, "CSV", 2), new FacetValue(GEOJSON, "GeoJSON", 1));
        assertThat(result.facets().get(Facet.PUBLISHER))
                .containsExactly(
                        new FacetValue("https://demo-metropole.example/org/metropole", "Métropole de démonstration", 2),
                        new FacetValue(VILLE, "Ville-centre", 1));
        assertThat(result.facets().get(Facet.ACCESS_LEVEL)).containsExactly(new FacetValue("PUBLIC", "Public", 3));
        assertThat(result.facets().get(Facet.SOURCE_KIND))
                .containsExactlyInAnyOrder(new FacetValue("ckan", "ckan", 1), new FacetValue("dcat-ap", "dcat-ap", 1));
        assertThat(result.facets().get(Facet.SOURCE))
                .containsExactlyInAnyOrder(
                        new FacetValue("src-ckan", "Portail CKAN régional", 1),
                        new FacetValue("src-dcat", "Catalogue DCAT de la métropole", 1));
    }

    @Test
    void labelsFacetValuesInTheAskedLanguage() {
        indexCatalogue();

        var result = search(
                new SearchQuery("chaleur", Map.of(), null, null, null, Sort.RELEVANCE, Viewer.PUBLIC, 0, 10, "en"));

        assertThat(result.facets().get(Facet.THEME))
                .containsExactlyInAnyOrder(
                        new FacetValue(THEME + "ENER", "Energy", 1), new FacetValue(THEME + "ENVI", "Environment", 1));
        assertThat(result.facets().get(Facet.STATUS)).containsExactly(new FacetValue("PUBLISHED", "Published", 2));
    }

    @Test
    void answersAnEmptyIndexWithNothing() {
        var result = search("arbres", Viewer.INTERNAL);

        assertThat(result.total()).isZero();
        assertThat(result.hits()).isEmpty();
    }

    // --- hits -----------------------------------------------------------------------------------

    @Test
    void namesEachHitAndTheVersionIndexed() {
        indexCatalogue();
        index(withVersion(
                document(
                        "conso-elec",
                        aDataset().withKeywords("énergie", "bâtiment").build(),
                        Fixtures.openGovernance(),
                        "src-ckan"),
                3));

        var hit = search("batiment", Viewer.PUBLIC).hits().getFirst();

        assertThat(hit.datasetId()).isEqualTo("conso-elec");
        assertThat(hit.version()).isEqualTo(3);
        assertThat(hit.score()).isPositive();
    }

    // --- suggestions ----------------------------------------------------------------------------

    @Test
    void suggestsTitlesAndKeywordsAsAPersonTypes() {
        indexCatalogue();

        assertThat(suggest("chauf", Viewer.PUBLIC))
                .containsExactly(
                        new Suggestion("Chaufferies urbaines", Suggestion.Kind.TITLE, "chaleur-trace"),
                        new Suggestion("chauffage urbain", Suggestion.Kind.KEYWORD, null));
        assertThat(suggest("consommation él", Viewer.PUBLIC))
                .containsExactly(
                        new Suggestion("Consommation électrique des bâtiments", Suggestion.Kind.TITLE, "conso-elec"));
    }

    @Test
    void suggestsOwnersOnlyToInternalViewers() {
        indexCatalogue();

        assertThat(suggest("camil", Viewer.INTERNAL))
                .containsExactly(new Suggestion("Camille Durand", Suggestion.Kind.OWNER, null));
        assertThat(suggest("camil", Viewer.PUBLIC)).isEmpty();
        assertThat(suggest("camil", PARTNER)).isEmpty();
    }

    @Test
    void neverSuggestsFromHiddenDatasets() {
        indexCatalogue();

        assertThat(suggest("abon", Viewer.PUBLIC)).isEmpty();
        assertThat(suggest("abon", Viewer.INTERNAL))
                .containsExactlyInAnyOrder(
                        new Suggestion("Abonnés du réseau de chaleur", Suggestion.Kind.TITLE, "abonnes"),
                        new Suggestion("abonné", Suggestion.Kind.KEYWORD, null));
        assertThat(suggest("compteurs", PARTNER))
                .containsExactly(
                        new Suggestion("Compteurs d'eau des bâtiments", Suggestion.Kind.TITLE, "compteurs-eau"));
        assertThat(suggest("compteurs", Viewer.PUBLIC)).isEmpty();
        assertThat(suggest("ancien", Viewer.INTERNAL)).isEmpty();
    }

    @Test
    void suggestsEachTextOnceAndNoMoreThanAsked() {
        indexCatalogue();
        index(open("voirie-1", "Voirie communautaire", "Tronçons.", "voirie"));
        index(open("voirie-2", "Voirie communale", "Rues.", "voirie"));

        var suggestions = suggest("voi", Viewer.PUBLIC);

        assertThat(suggestions)
                .extracting(Suggestion::text)
                .doesNotHaveDuplicates()
                .contains("voirie");
        assertThat(suggestions.stream().filter(s -> s.text().equals("voirie"))).hasSize(1);
        assertThat(engine.suggest(new SuggestQuery("voi", Viewer.PUBLIC, 2))).hasSize(2);
    }

    // --- the index follows the store ------------------------------------------------------------

    @Test
    void upsertsIdempotently() {
        var document = open("arbres", "Arbres d'alignement", "Essences.", "arbre");
        index(document);
        index(document);

        assertThat(search("arbres", Viewer.PUBLIC).total()).isEqualTo(1);
        assertThat(engine.indexedVersions()).containsExactly(Map.entry("arbres", 1L));
    }

    @Test
    void replacesADatasetByItsNewerVersionButNeverByAStaleOne() {
        var first = open("arbres", "Arbres d'alignement", "Essences.", "arbre");
        var second = withVersion(open("arbres", "Patrimoine arboré", "Essences.", "arbre"), 2);
        index(second);
        index(first);

        assertThat(ids(search("patrimoine", Viewer.PUBLIC))).containsExactly("arbres");
        assertThat(ids(search("alignement", Viewer.PUBLIC))).isEmpty();
        assertThat(engine.indexedVersions()).containsExactly(Map.entry("arbres", 2L));

        engine.upsert(List.of(second, first));
        engine.commit(++change);
        assertThat(engine.indexedVersions()).containsExactly(Map.entry("arbres", 2L));
    }

    @Test
    void deletesDatasets() {
        indexCatalogue();

        engine.delete(List.of("arbres", "inconnu"));
        engine.commit(++change);

        assertThat(ids(search("arbres", Viewer.PUBLIC))).containsExactly("vegetal");
        assertThat(engine.indexedVersions()).doesNotContainKey("arbres").hasSize(10);
    }

    @Test
    void remembersTheAppliedChangeOfTheLastCommit() {
        assertThat(engine.appliedChange()).isZero();

        engine.upsert(List.of(open("arbres", "Arbres", "Essences.", "arbre")));
        engine.commit(41);
        engine.commit(42);

        assertThat(engine.appliedChange()).isEqualTo(42);
    }

    @Test
    void listsIndexedVersions() {
        indexCatalogue();

        var versions = engine.indexedVersions();

        assertThat(versions).hasSize(11).containsEntry("conso-elec", 1L).containsEntry("retire", 1L);
    }

    @Test
    void clearsTheIndexForARebuild() {
        indexCatalogue();

        engine.clear();
        engine.commit(++change);

        assertThat(engine.indexedVersions()).isEmpty();
        assertThat(search("", Viewer.INTERNAL).total()).isZero();
        indexCatalogue();
        assertThat(engine.indexedVersions()).hasSize(11);
    }

    @Test
    void makesAWriteSearchableWithinASecondEvenBeforeItsCommit() {
        indexCatalogue();
        // asked before the write too: a result kept by the engine must not hide it
        assertThat(ids(search("stations", Viewer.PUBLIC))).isEmpty();

        engine.upsert(List.of(open("velos", "Stations de vélos en libre-service", "Stations.", "vélo")));

        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(
                        () -> assertThat(ids(search("stations", Viewer.PUBLIC))).containsExactly("velos"));
    }

    @Test
    void answersTheSameSearchByEachViewerWithWhatThatViewerMaySee() {
        indexCatalogue();

        var internal = search(query("chaleur", Viewer.INTERNAL).build());
        var anonymous = search(query("chaleur", Viewer.PUBLIC).build());
        var internalAgain = search(query("chaleur", Viewer.INTERNAL).build());

        assertThat(anonymous.total()).isEqualTo(2);
        assertThat(anonymous.facets()).doesNotContainKey(Facet.OWNER);
        assertThat(values(anonymous, Facet.PERSONAL_DATA)).containsOnlyKeys("NONE");
        assertThat(internal.total()).isEqualTo(3);
        assertThat(internalAgain).isEqualTo(internal);
    }

    @Test
    void answersTheSameSearchInEachLanguageWithItsLabels() {
        indexCatalogue();

        var french = search(
                new SearchQuery("chaleur", Map.of(), null, null, null, Sort.RELEVANCE, Viewer.PUBLIC, 0, 10, "fr"));
        var english = search(
                new SearchQuery("chaleur", Map.of(), null, null, null, Sort.RELEVANCE, Viewer.PUBLIC, 0, 10, "en"));

        assertThat(french.facets().get(Facet.STATUS)).containsExactly(new FacetValue("PUBLISHED", "Publié", 2));
        assertThat(english.facets().get(Facet.STATUS)).containsExactly(new FacetValue("PUBLISHED", "Published", 2));
        assertThat(english.hits()).isEqualTo(french.hits());
    }

    @Test
    void keepsCommittedDatasetsAndTheAppliedChangeAcrossARestart() {
        indexCatalogue();
        engine.commit(77);

        engine = reopen(engine);

        assertThat(engine.appliedChange()).isEqualTo(77);
        assertThat(engine.indexedVersions()).hasSize(11);
        assertThat(ids(search("eclairage", Viewer.PUBLIC))).containsExactly("eclairage");
    }

    // --- hostile input --------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(
            strings = {
                "title:(arbres AND",
                "\"réseau de",
                "arbres~2 +chaleur -eau",
                "*",
                "?",
                "\\",
                "[a TO z]",
                "{!lucene}",
                "🌳🌳🌳",
                "'; DROP TABLE dataset; --",
                "/arbres.*/",
                "\u0000\u0001",
                "&&||!()^",
            })
    void answersHostileTextWithoutError(String text) {
        indexCatalogue();

        var result = search(text, Viewer.PUBLIC);

        assertThat(result.total()).isBetween(0L, (long) OPEN.size());
        assertThat(ids(result)).isSubsetOf(OPEN);
    }

    @Test
    void answersVeryLongTextAndEmoji() {
        indexCatalogue();

        assertThat(ids(search("🌳 arbres 🌳", Viewer.PUBLIC))).containsExactly("arbres", "vegetal");
        assertThat(search("arbres ".repeat(70) + "x".repeat(10), Viewer.PUBLIC).total())
                .isBetween(0L, 7L);
        assertThat(search("a".repeat(500), Viewer.PUBLIC).total()).isZero();
        assertThat(suggest("🌳", Viewer.PUBLIC)).isEmpty();
        assertThat(suggest("x".repeat(100), Viewer.PUBLIC)).isEmpty();
        assertThat(suggest("\"(*", Viewer.PUBLIC)).isEmpty();
    }

    // --- helpers --------------------------------------------------------------------------------

    protected final SearchResult search(String text, Viewer viewer) {
        return engine.search(SearchQuery.of(text, viewer, 0, 20));
    }

    protected final SearchResult search(SearchQuery query) {
        return engine.search(query);
    }

    protected final SearchResult search(QueryBuilder query) {
        return engine.search(query.build());
    }

    protected final List<Suggestion> suggest(String prefix, Viewer viewer) {
        return engine.suggest(new SuggestQuery(prefix, viewer, 10));
    }

    protected static QueryBuilder query(String text, Viewer viewer) {
        return new QueryBuilder(text, viewer);
    }

    protected static List<String> ids(SearchResult result) {
        return result.hits().stream().map(SearchHit::datasetId).toList();
    }

    private static Map<String, Long> values(SearchResult result, Facet facet) {
        var values = new LinkedHashMap<String, Long>();
        result.facets().getOrDefault(facet, List.of()).forEach(v -> values.put(v.value(), v.count()));
        return values;
    }

    protected final void index(SearchDocument... documents) {
        engine.upsert(List.of(documents));
        engine.commit(++change);
    }

    /** The catalogue every test searches: 11 datasets, 7 of them open. */
    protected final void indexCatalogue() {
        var publicEnergy = Fixtures.openGovernance();
        var documents = new ArrayList<SearchDocument>();
        documents.add(document(
                "conso-elec", aDataset().withKeywords("énergie", "bâtiment").build(), publicEnergy, "src-ckan"));
        documents.add(document(
                "eclairage",
                aDataset()
                        .withTitle("Points lumineux de l'éclairage public")
                        .withDescription("Inventaire des lampadaires et armoires de commande de la voirie.")
                        .withKeywords("éclairage", "voirie")
                        .withThemes("ENER", "TRAN")
                        .withPublisher(VILLE, "Ville-centre")
                        .withModified("2025-06-30")
                        .withBbox("POLYGON((3.0 45.7,3.2 45.7,3.2 45.8,3.0 45.8,3.0 45.7))")
                        .withoutDistributions()
                        .withDistribution(distribution("Lampadaires au format GeoJSON", GEOJSON, ODBL))
                        .build(),
                new Governance(LOUIS, AccessLevel.PUBLIC, PersonalData.NONE, PublicationStatus.PUBLISHED),
                null));
        documents.add(document(
                "chaleur-trace",
                aDataset()
                        .withTitle("Chaufferies urbaines")
                        .withDescription("Tracé du réseau de chaleur de la métropole et de ses chaufferies.")
                        .withKeywords("chauffage urbain")
                        .withModified("2024-11-02")
                        .withBbox(null)
                        .build(),
                publicEnergy,
                "src-dcat"));
        documents.add(document(
                "chaleur-sols",
                aDataset()
                        .withTitle("Chaleur des sols et réseau hydrographique")
                        .withDescription("Température des sols mesurée près des cours d'eau.")
                        .withKeywords("hydrographie")
                        .withThemes("ENVI")
                        .withModified("2023-05-10")
                        .withBbox(null)
                        .build(),
                publicEnergy,
                null));
        documents.add(document(
                "arbres",
                aDataset()
                        .withTitle("Arbres d'alignement")
                        .withDescription("Essences et hauteurs des sujets plantés le long des rues.")
                        .withKeywords("arbre", "végétation")
                        .withThemes("ENVI")
                        .withModified("2025-03-01")
                        .withBbox(null)
                        .build(),
                publicEnergy,
                null));
        documents.add(document(
                "vegetal",
                aDataset()
                        .withTitle("Patrimoine végétal des parcs")
                        .withDescription("Pelouses, massifs et arbres des parcs et jardins municipaux.")
                        .withKeywords("parc")
                        .withThemes("ENVI")
                        .withModified("2025-02-01")
                        .withBbox(null)
                        .build(),
                publicEnergy,
                null));
        documents.add(document(
                "piscines",
                aDataset()
                        .withTitle("Fréquentation anonymisée des piscines")
                        .withDescription("Entrées journalières par équipement nautique.")
                        .withKeywords("piscine", "sport")
                        .withThemes("HEAL")
                        .withModified("2022-06-01")
                        .withBbox(null)
                        .build(),
                new Governance(CAMILLE, AccessLevel.PUBLIC, PersonalData.ANONYMISED, PublicationStatus.PUBLISHED),
                null));
        documents.add(document(
                "abonnes",
                aDataset()
                        .withTitle("Abonnés du réseau de chaleur")
                        .withDescription("Liste des abonnés avec leur consommation électrique.")
                        .withKeywords("abonné", "chauffage urbain")
                        .withThemes("ENER", "SOCI")
                        .withModified("2026-03-01")
                        .withBbox(null)
                        .build(),
                new Governance(ZOE, AccessLevel.PUBLIC, PersonalData.PERSONAL, PublicationStatus.PUBLISHED),
                null));
        documents.add(document(
                "velo",
                aDataset()
                        .withTitle("Projet de plan vélo")
                        .withDescription("Itinéraires cyclables à l'étude.")
                        .withKeywords("vélo")
                        .withThemes("TRAN")
                        .withModified("2026-02-10")
                        .withBbox(null)
                        .build(),
                new Governance(CAMILLE, AccessLevel.PUBLIC, PersonalData.NONE, PublicationStatus.DRAFT),
                null));
        var compteurs = document(
                "compteurs-eau",
                aDataset()
                        .withTitle("Compteurs d'eau des bâtiments")
                        .withDescription("Index des compteurs d'eau relevés chaque mois.")
                        .withKeywords("eau")
                        .withThemes("ENVI")
                        .withModified("2025-12-01")
                        .withBbox(null)
                        .build(),
                new Governance(CAMILLE, AccessLevel.RESTRICTED, PersonalData.NONE, PublicationStatus.PUBLISHED),
                null);
        documents.add(withGrants(compteurs, Set.of(GRANT)));
        documents.add(document(
                "retire",
                aDataset()
                        .withTitle("Ancien inventaire des arbres")
                        .withDescription("Remplacé par les arbres d'alignement.")
                        .withKeywords("arbre")
                        .withThemes("ENVI")
                        .withModified("2022-01-01")
                        .withBbox(null)
                        .build(),
                new Governance(CAMILLE, AccessLevel.PUBLIC, PersonalData.NONE, PublicationStatus.WITHDRAWN),
                null));
        engine.upsert(documents);
        engine.commit(++change);
    }

    /** An open dataset with these texts, harvested by no source. */
    protected static SearchDocument open(String id, String title, String description, String keyword) {
        return document(
                id,
                aDataset()
                        .withTitle(title)
                        .withDescription(description)
                        .withKeywords(keyword)
                        .withBbox(null)
                        .build(),
                Fixtures.openGovernance(),
                null);
    }

    protected static SearchDocument document(
            String id, Description description, Governance governance, String sourceId) {
        var provenance = sourceId == null
                ? Provenance.MANUAL
                : new Provenance(sourceId, "https://source.example/" + id, Instant.parse("2025-01-01T00:00:00Z"), null);
        return SearchDocuments.of(
                new Dataset(id, 1, DatasetKind.DATASET, description, governance, provenance), SOURCES);
    }

    protected static SearchDocument withVersion(SearchDocument d, long version) {
        return new SearchDocument(
                d.id(),
                version,
                d.texts(),
                d.facets(),
                d.modified(),
                d.bbox(),
                d.open(),
                d.withdrawn(),
                d.grants(),
                d.titleSort());
    }

    /** Sharing agreements do not exist yet (issue #5): a partner's grants are set here. */
    protected static SearchDocument withGrants(SearchDocument d, Set<String> grants) {
        return new SearchDocument(
                d.id(),
                d.version(),
                d.texts(),
                d.facets(),
                d.modified(),
                d.bbox(),
                d.open(),
                d.withdrawn(),
                grants,
                d.titleSort());
    }

    private static Distribution distribution(String title, String format, String licence) {
        return new Distribution(
                null,
                LangText.of("fr", title),
                LangText.EMPTY,
                "https://data.example.org/file",
                "https://data.example.org/file",
                format,
                null,
                licence,
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

    /** A {@link SearchQuery} built step by step. */
    protected static final class QueryBuilder {
        private final String text;
        private final Viewer viewer;
        private final Map<Facet, Set<String>> filters = new EnumMap<>(Facet.class);
        private LocalDate from;
        private LocalDate to;
        private BoundingBox bbox;
        private Sort sort = Sort.RELEVANCE;
        private int page;
        private int size = 20;

        QueryBuilder(String text, Viewer viewer) {
            this.text = text;
            this.viewer = viewer;
        }

        public QueryBuilder filter(Facet facet, String... values) {
            filters.computeIfAbsent(facet, f -> new HashSet<>()).addAll(List.of(values));
            return this;
        }

        public QueryBuilder modified(LocalDate from, LocalDate to) {
            this.from = from;
            this.to = to;
            return this;
        }

        public QueryBuilder bbox(BoundingBox bbox) {
            this.bbox = bbox;
            return this;
        }

        public QueryBuilder sort(Sort sort) {
            this.sort = sort;
            return this;
        }

        public QueryBuilder page(int page, int size) {
            this.page = page;
            this.size = size;
            return this;
        }

        public SearchQuery build() {
            return new SearchQuery(text, filters, from, to, bbox, sort, viewer, page, size, "fr");
        }
    }
}
