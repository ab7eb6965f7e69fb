package org.comptoir.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.catalog.Fixtures.aCsvDistribution;
import static org.comptoir.catalog.Fixtures.aDataset;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchHighlighterTests {
    @Test
    void marksWordsAsWrittenInTheText() {
        var highlighter = new SearchHighlighter(QueryPlan.parse("batiment"));

        assertThat(highlighter.snippets(List.of("Énergie des Bâtiments publics")))
                .containsExactly("Énergie des <mark>Bâtiments</mark> publics");
    }

    @Test
    void marksWordsFoundDespiteATypo() {
        var highlighter = new SearchHighlighter(QueryPlan.parse("eclairrage"));

        assertThat(highlighter.snippets(List.of("Points lumineux de l'éclairage public")))
                .containsExactly("Points lumineux de <mark>l&#39;éclairage</mark> public");
    }

    @Test
    void escapesHtmlOfTheText() {
        var highlighter = new SearchHighlighter(QueryPlan.parse("arbres"));

        assertThat(highlighter.snippets(List.of("<script>alert('x')</script> Arbres & haies")))
                .containsExactly("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; <mark>Arbres</mark> &amp; haies");
    }

    @Test
    void cutsALongTextAroundTheFirstMatch() {
        var text = "Lorem ipsum dolor sit amet. ".repeat(20) + "Les arbres de la métropole. "
                + "Fin du texte. ".repeat(20);
        var snippet = new SearchHighlighter(QueryPlan.parse("arbre"))
                .snippets(List.of(text))
                .getFirst();

        assertThat(snippet).startsWith("…").endsWith("…").contains("<mark>arbres</mark>");
        assertThat(snippet.length()).isLessThan(SearchHighlighter.SNIPPET_LENGTH + 30);
    }

    @Test
    void leavesOutFieldsWithoutMatch() {
        var highlights = new SearchHighlighter(QueryPlan.parse("voirie")).highlight(field -> Map.of(
                        SearchFields.TITLE, List.of("Voirie communautaire"),
                        SearchFields.DESCRIPTION, List.of("Tronçons de rues"),
                        SearchFields.KEYWORDS, List.of("route", "voiries"))
                .getOrDefault(field, List.of()));

        assertThat(highlights)
                .containsOnlyKeys(SearchFields.TITLE, SearchFields.KEYWORDS)
                .containsEntry(SearchFields.KEYWORDS, List.of("<mark>voiries</mark>"));
    }

    @Test
    void marksAShortTextThatComesBackForEachQueryAnew() {
        var keyword = "Éclairage des voiries";

        assertThat(new SearchHighlighter(QueryPlan.parse("voirie")).snippets(List.of(keyword)))
                .containsExactly("Éclairage des <mark>voiries</mark>");
        assertThat(new SearchHighlighter(QueryPlan.parse("eclairage")).snippets(List.of(keyword, keyword)))
                .containsExactly("<mark>Éclairage</mark> des voiries", "<mark>Éclairage</mark> des voiries");
    }

    @Test
    void highlightsTheWordsFoundInEachFieldOfADescription() {
        var description = aDataset().withKeywords("énergie", "bâtiment").build();

        var highlights = new SearchHighlighter(QueryPlan.parse("batiment")).highlight(description);

        assertThat(highlights.get(SearchFields.TITLE))
                .containsExactly("Consommation électrique des <mark>bâtiments</mark>");
        assertThat(highlights.get(SearchFields.KEYWORDS)).containsExactly("<mark>bâtiment</mark>");
        assertThat(highlights.get(SearchFields.DESCRIPTION))
                .containsExactly("Consommations mensuelles d&#39;électricité par <mark>bâtiment</mark> communautaire.");
    }

    @Test
    void highlightsTheTitlesOfDistributionsDespiteATypo() {
        var description = aDataset()
                .withTitle("Points lumineux de l'éclairage public")
                .withoutDistributions()
                .withDistribution(aCsvDistribution("https://data.example.org/lampadaires.csv"))
                .build();

        var highlights = SearchHighlighter.of(SearchQuery.of("eclairrage fichier", Viewer.PUBLIC, 0, 20))
                .highlight(description);

        assertThat(highlights.get(SearchFields.TITLE))
                .containsExactly("Points lumineux de <mark>l&#39;éclairage</mark> public");
        assertThat(highlights.get(SearchFields.DISTRIBUTIONS)).containsExactly("<mark>Fichier</mark> CSV");
    }

    @Test
    void highlightsNothingForAnEmptyQuery() {
        assertThat(new SearchHighlighter(QueryPlan.EMPTY).highlight(field -> List.of("Voirie")))
                .isEmpty();
    }
}
