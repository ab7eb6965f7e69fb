package org.comptoir.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.comptoir.web.pages.Views.Segment;
import org.junit.jupiter.api.Test;

class HighlightsTests {
    @Test
    void readsMarkedWordsAsSegmentsOfPlainText() {
        assertThat(Highlights.segments("Consommation de l&#39;<mark>éclairage</mark> &lt;b&gt;public"))
                .containsExactly(
                        new Segment("Consommation de l'", false),
                        new Segment("éclairage", true),
                        new Segment(" <b>public", false));
    }

    @Test
    void neverTurnsASnippetIntoMarkupEvenWhenAnEngineForgotToEscapeIt() {
        var segments = Highlights.segments("<script>alert(1)</script><mark>x</mark>");

        assertThat(segments).containsExactly(new Segment("<script>alert(1)</script>", false), new Segment("x", true));
    }

    @Test
    void marksTheTitleInTheLanguageShown() {
        var highlights = Map.of(
                "title",
                List.of(
                        "<mark>Public</mark> lighting consumption",
                        "Consommation de l&#39;éclairage <mark>public</mark>"));

        assertThat(Highlights.title(highlights, "Consommation de l'éclairage public"))
                .contains(new Segment("public", true));
        assertThat(Highlights.title(highlights, "Autre titre")).isEmpty();
    }

    @Test
    void aDescriptionSnippetStandsInForTheExcerpt() {
        assertThat(Highlights.snippet(Map.of("keywords", List.of("<mark>arbre</mark>"))))
                .containsExactly(new Segment("arbre", true));
        assertThat(Highlights.snippet(Map.of())).isEmpty();
    }
}
