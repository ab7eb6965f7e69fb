package org.comptoir.catalog.search.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.comptoir.catalog.search.Facet;
import org.comptoir.catalog.search.SearchDocument;
import org.comptoir.catalog.search.SearchDocument.FacetTerm;
import org.comptoir.catalog.search.SearchFields;
import org.comptoir.catalog.search.SearchHit;
import org.comptoir.catalog.search.SearchQuery;
import org.comptoir.catalog.search.SearchUnavailableException;
import org.comptoir.catalog.search.SuggestQuery;
import org.comptoir.catalog.search.Viewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What only a shared, remote index has to get right: two Comptoir nodes on one index, stale writes
 * from a slow node, and a server that is down.
 */
class ElasticsearchClusterIntegrationTests {
    private final String prefix = "comptoir-" + UUID.randomUUID().toString().substring(0, 8);
    private final ElasticsearchSearchEngine node1 = new ElasticsearchSearchEngine(ElasticsearchServer.url(), prefix);
    private final ElasticsearchSearchEngine node2 = new ElasticsearchSearchEngine(ElasticsearchServer.url(), prefix);

    @AfterEach
    void dropIndices() {
        node1.dropIndices();
        node1.close();
        node2.close();
    }

    @Test
    void aWriteCommittedOnOneNodeIsFoundFromAnotherAtOnce() {
        assertThat(node2.search(SearchQuery.of("éclairage", Viewer.PUBLIC, 0, 10))
                        .total())
                .isZero();

        node1.upsert(List.of(dataset("eclairage", 1, "Éclairage public de la métropole")));
        node1.commit(7);

        assertThat(node2.search(SearchQuery.of("éclairage", Viewer.PUBLIC, 0, 10))
                        .hits())
                .extracting(SearchHit::datasetId)
                .containsExactly("eclairage");
        assertThat(node2.appliedChange()).isEqualTo(7);
    }

    @Test
    void aStaleWriteFromASlowNodeNeverReplacesANewerVersion() {
        node1.upsert(List.of(dataset("arbres", 3, "Arbres d'alignement")));
        node2.upsert(List.of(dataset("arbres", 2, "Arbres remarquables")));
        node2.upsert(List.of(dataset("arbres", 3, "Arbres d'alignement")));
        node1.commit(1);

        assertThat(node2.indexedVersions()).containsExactly(Map.entry("arbres", 3L));
        assertThat(node2.search(SearchQuery.of("remarquables", Viewer.PUBLIC, 0, 10))
                        .hits())
                .isEmpty();
        assertThat(node2.search(SearchQuery.of("alignement", Viewer.PUBLIC, 0, 10))
                        .hits())
                .extracting(SearchHit::version)
                .containsExactly(3L);
    }

    @Test
    void aWriteLandingWhileAnotherNodeRebuildsRecreatesTheIndexWithItsMapping() {
        node1.upsert(List.of(dataset("arbres", 1, "Arbres d'alignement")));
        node1.commit(1);

        // the moment of a rebuild between dropping the indices and creating them again
        node2.dropIndices();
        node1.upsert(List.of(dataset("parcs", 1, "Parcs et jardins")));
        node1.commit(2);

        var result = node2.search(SearchQuery.of("jardins", Viewer.PUBLIC, 0, 10));
        assertThat(result.hits()).extracting(SearchHit::datasetId).containsExactly("parcs");
        assertThat(result.facets().get(Facet.THEME))
                .containsExactly(new org.comptoir.catalog.search.FacetValue("ENVI", "Environnement", 1));
        assertThat(node1.indexedVersions()).containsOnlyKeys("parcs");
        assertThat(node1.appliedChange()).isEqualTo(2);
    }

    @Test
    void theAppliedChangeNeverMovesBackWhenASlowNodeCommitsLate() {
        node1.commit(42);
        node2.commit(40);

        assertThat(node1.appliedChange()).isEqualTo(42);
        assertThat(node2.appliedChange()).isEqualTo(42);
    }

    @Test
    void listsTheVersionsOfMoreDatasetsThanOnePage() {
        var documents = new java.util.ArrayList<SearchDocument>();
        for (int i = 0; i < 2 * ElasticsearchSearchEngine.PAGE_OF_VERSIONS + 500; i++) {
            documents.add(dataset("jeu-" + i, i + 1, "Jeu de données numéro " + i));
        }
        node1.upsert(documents);
        node1.commit(1);

        var versions = node2.indexedVersions();

        assertThat(versions).hasSize(2_500).containsEntry("jeu-0", 1L).containsEntry("jeu-2499", 2_500L);
    }

    @Test
    void aServerThatIsDownGivesAClearErrorForEveryCall() {
        try (var down = new ElasticsearchSearchEngine(ElasticsearchServer.unreachableUrl(), prefix)) {
            assertThatThrownBy(() -> down.search(SearchQuery.of("eau", Viewer.PUBLIC, 0, 10)))
                    .isInstanceOf(SearchUnavailableException.class)
                    .hasMessageContaining("Le moteur de recherche Elasticsearch")
                    .hasMessageContaining("ne répond pas");
            assertThatThrownBy(() -> down.suggest(new SuggestQuery("ea", Viewer.PUBLIC, 5)))
                    .isInstanceOf(SearchUnavailableException.class);
            assertThatThrownBy(() -> down.upsert(List.of(dataset("eau", 1, "Qualité de l'eau"))))
                    .isInstanceOf(SearchUnavailableException.class);
            assertThatThrownBy(() -> down.commit(3)).isInstanceOf(SearchUnavailableException.class);
        }
    }

    @Test
    void refusesAnIndexPrefixElasticsearchWouldRejectWithAClearMessage() {
        assertThatThrownBy(() -> new ElasticsearchSearchEngine(ElasticsearchServer.url(), "Comptoir Prod"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Préfixe d'index Elasticsearch invalide « Comptoir Prod »");
    }

    @Test
    void indexesADatasetWithMonstrousValuesRatherThanLosingIt() {
        var huge = "x".repeat(40_000);
        var monstrous = new SearchDocument(
                "monstre",
                1,
                Map.of(SearchFields.TITLE, List.of("Ordures ménagères " + huge)),
                Map.of(Facet.PUBLISHER, List.of(new FacetTerm(huge, huge, huge))),
                LocalDate.of(2024, 1, 1),
                null,
                true,
                false,
                Set.of(huge),
                "ordures menageres " + huge);

        node1.upsert(List.of(monstrous));
        node1.commit(1);

        assertThat(node2.search(SearchQuery.of("ordures", Viewer.PUBLIC, 0, 10)).hits())
                .extracting(SearchHit::datasetId)
                .containsExactly("monstre");
    }

    static SearchDocument dataset(String id, long version, String title) {
        return new SearchDocument(
                id,
                version,
                Map.of(SearchFields.TITLE, List.of(title)),
                Map.of(Facet.THEME, List.of(new FacetTerm("ENVI", "Environnement", "Environment"))),
                LocalDate.of(2024, 5, 1),
                null,
                true,
                false,
                Set.of(),
                title.toLowerCase());
    }
}
