package org.comptoir.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchControllerTests {
    @Test
    void pagingKeepsTheSearchWordsWhateverTheyHold() {
        assertThat(SearchController.pageUrl("eau & assainissement", 2))
                .isEqualTo("/?q=eau%20%26%20assainissement&page=2");
        assertThat(SearchController.pageUrl("bâtiment", 3)).isEqualTo("/?q=b%C3%A2timent&page=3");
        assertThat(SearchController.pageUrl("", 2)).isEqualTo("/?page=2");
    }

    @Test
    void aMissingOrMalformedPageMeansTheFirst() {
        assertThat(SearchController.pageNumber(null)).isEqualTo(1);
        assertThat(SearchController.pageNumber("deux")).isEqualTo(1);
        assertThat(SearchController.pageNumber("0")).isEqualTo(1);
        assertThat(SearchController.pageNumber("-3")).isEqualTo(1);
        assertThat(SearchController.pageNumber("3")).isEqualTo(3);
        assertThat(SearchController.pageNumber("999999999")).isEqualTo(500);
    }
}
