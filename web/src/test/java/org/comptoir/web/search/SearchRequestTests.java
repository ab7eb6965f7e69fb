package org.comptoir.web.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.comptoir.catalog.dataset.FieldProblem;
import org.comptoir.catalog.search.BoundingBox;
import org.comptoir.catalog.search.Facet;
import org.comptoir.catalog.search.SearchQuery;
import org.comptoir.catalog.search.Viewer;
import org.junit.jupiter.api.Test;

class SearchRequestTests {
    @Test
    void turnsParametersIntoAQuery() {
        var query = new SearchRequest(
                        " arbres ",
                        Map.of(Facet.THEME, List.of("ENVI", " ", "ENVI"), Facet.ACCESS_LEVEL, List.of("PUBLIC")),
                        LocalDate.parse("2026-01-01"),
                        null,
                        "4.7, 45.6, 5.0, 45.9",
                        "MODIFIED",
                        2,
                        20)
                .toQuery(Viewer.PUBLIC, "en");

        assertThat(query.text()).isEqualTo("arbres");
        assertThat(query.filters())
                .isEqualTo(Map.of(Facet.THEME, Set.of("ENVI"), Facet.ACCESS_LEVEL, Set.of("PUBLIC")));
        assertThat(query.bbox()).isEqualTo(new BoundingBox(4.7, 45.6, 5.0, 45.9));
        assertThat(query.sort()).isEqualTo(SearchQuery.Sort.MODIFIED);
        assertThat(query.language()).isEqualTo("en");
    }

    @Test
    void namesEveryParameterItCannotUseInFrench() {
        var request = new SearchRequest(
                "",
                Map.of(Facet.STATUS, List.of("PUBLIÉ")),
                LocalDate.parse("2026-02-01"),
                LocalDate.parse("2026-01-01"),
                "ouest,sud,est,nord",
                "popularité",
                499,
                100);

        assertThatThrownBy(() -> request.toQuery(Viewer.PUBLIC, "fr"))
                .isInstanceOfSatisfying(InvalidSearchException.class, e -> {
                    assertThat(e.problems())
                            .extracting(FieldProblem::field)
                            .containsExactlyInAnyOrder("bbox", "sort", "status", "modifiedFrom", "page");
                    assertThat(e.problems()).extracting(FieldProblem::message).anySatisfy(m -> assertThat(m)
                            .contains("ouest,sud,est,nord en degrés WGS 84"));
                });
    }

    @Test
    void refusesABoxTurnedInsideOut() {
        assertThatThrownBy(() -> new SearchRequest("", Map.of(), null, null, "5,45,4,46", null, 0, 20)
                        .toQuery(Viewer.PUBLIC, "fr"))
                .isInstanceOfSatisfying(
                        InvalidSearchException.class,
                        e -> assertThat(e.problems().getFirst().message()).contains("-180 ≤ ouest ≤ est ≤ 180"));
    }

    @Test
    void choosesTheLanguageOfLabelsFromLangThenAcceptLanguage() {
        assertThat(SearchRequest.language(null, null)).isEqualTo("fr");
        assertThat(SearchRequest.language(null, "en-GB,en;q=0.9,fr;q=0.8")).isEqualTo("en");
        assertThat(SearchRequest.language(null, "de-DE,fr;q=0.5,en;q=0.4")).isEqualTo("fr");
        assertThat(SearchRequest.language("fr", "en")).isEqualTo("fr");
        assertThat(SearchRequest.language(null, "n'importe quoi;;")).isEqualTo("fr");
    }
}
