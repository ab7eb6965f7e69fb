package org.comptoir.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchAnalysisTests {
    @Test
    void bringsAccentsCaseAndPluralsTogether() {
        assertThat(SearchAnalysis.tokens("Bâtiments bâtiment batiment BATIMENTS"))
                .containsOnly("batiment")
                .hasSize(4);
    }

    @Test
    void findsSingularAccentedWordsFromPluralsTypedWithoutAccents() {
        assertThat(SearchAnalysis.tokens("consommations electriques"))
                .isEqualTo(SearchAnalysis.tokens("Consommation électrique"));
    }

    @Test
    void dropsElisionsAndFrenchAndEnglishStopWords() {
        assertThat(SearchAnalysis.tokens("l'éclairage de la ville et des rues"))
                .isEqualTo(SearchAnalysis.tokens("éclairage ville rues"));
        assertThat(SearchAnalysis.tokens("the quality of the air")).isEqualTo(SearchAnalysis.tokens("quality air"));
        assertThat(SearchAnalysis.tokens("le la les de du des")).isEmpty();
    }

    @Test
    void indexTextIsTheTokensJoinedBySpaces() {
        assertThat(SearchAnalysis.indexText("Qualité de l'air")).isEqualTo("qualit air");
    }

    @Test
    void completionWordsKeepStopWordsAndWholeWords() {
        assertThat(SearchAnalysis.words("Consommation de l'Énergie")).containsExactly("consommation", "de", "energie");
        assertThat(SearchAnalysis.fold("Éclairage  Public")).isEqualTo("eclairage public");
    }

    @Test
    void answersHostileTextWithoutError() {
        assertThat(SearchAnalysis.tokens("title:(foo AND bar~) \\ * ? 🚲 \u0000"))
                .contains("foo", "bar");
        assertThat(SearchAnalysis.tokens("🌳 arbres 🚲")).containsExactly("arbr");
        assertThat(SearchAnalysis.tokens("")).isEmpty();
        assertThat(SearchAnalysis.tokens(null)).isEmpty();
    }
}
