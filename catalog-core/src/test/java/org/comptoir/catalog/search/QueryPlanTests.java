package org.comptoir.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.comptoir.catalog.search.QueryPlan.Phrase;
import org.comptoir.catalog.search.QueryPlan.Word;
import org.junit.jupiter.api.Test;

class QueryPlanTests {
    @Test
    void toleratesMoreTyposInLongerWords() {
        var plan = QueryPlan.parse("eau arbre éclairages 2024");

        assertThat(plan.words())
                .containsExactly(new Word("eau", 0), new Word("arbr", 1), new Word("eclairag", 2), new Word("2024", 0));
    }

    @Test
    void quotedWordsArePhrasesWithoutTypos() {
        var plan = QueryPlan.parse("données \"consommation électrique\" bâtiments");

        assertThat(plan.phrases()).containsExactly(new Phrase(List.of("consom", "elect")));
        assertThat(plan.words())
                .containsExactly(
                        new Word("done", 1), new Word("consom", 0), new Word("elect", 0), new Word("batiment", 2));
        assertThat(plan.looseTokens()).containsExactly("done", "batiment");
    }

    @Test
    void anUnbalancedQuoteIsPlainText() {
        var plan = QueryPlan.parse("\"qualité de l'air");

        assertThat(plan.phrases()).isEmpty();
        assertThat(plan.words()).extracting(Word::token).containsExactly("qualit", "air");
    }

    @Test
    void stopWordsAndPunctuationAloneMatchEverything() {
        assertThat(QueryPlan.parse("le la \"\" ( ) *").isEmpty()).isTrue();
        assertThat(QueryPlan.parse(null)).isEqualTo(QueryPlan.EMPTY);
    }

    @Test
    void keepsAtMostSixteenWordsOfALongText() {
        var text = "arbre haie parc jardin forêt prairie verger bosquet allée square pelouse massif fontaine bassin"
                + " kiosque banc terrain stade piscine gymnase " + "x".repeat(500);

        var plan = QueryPlan.parse(text);

        assertThat(plan.words()).hasSize(QueryPlan.MAX_WORDS);
        assertThat(plan.words().getFirst().token()).isEqualTo("arbr");
    }
}
