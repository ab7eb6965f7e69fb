package org.comptoir.web.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedQueryTests {
    @Test
    void defaultsToTheFirstPageOfAHundredForEveryChange() {
        var query = FeedQuery.parse(null, null, null);

        assertThat(query.page()).isEqualTo(1);
        assertThat(query.size()).isEqualTo(100);
        assertThat(query.since()).isNull();
        assertThat(query.offset()).isZero();
        assertThat(query.queryFor(1)).isEqualTo("page=1");
    }

    @ParameterizedTest
    @CsvSource({
        "2025-01-31, 2025-01-31T00:00:00Z",
        "2025-01-31T08:15:00Z, 2025-01-31T08:15:00Z",
        "2025-01-31T08:15:00+02:00, 2025-01-31T06:15:00Z",
        "2025-01-31T08:15:00.500-05:00, 2025-01-31T13:15:00.500Z",
        "2025-01-31T08:15, 2025-01-31T08:15:00Z"
    })
    void readsModifiedSinceAsAnIsoDateOrDateTime(String text, String expected) {
        assertThat(FeedQuery.parse(null, null, text).since()).isEqualTo(Instant.parse(expected));
    }

    @Test
    void takesAnUnescapedPlusOfAnOffsetThatAQueryStringTurnedIntoASpace() {
        var query = FeedQuery.parse(null, null, "2025-01-31T08:15:00 02:00");

        assertThat(query.since()).isEqualTo(Instant.parse("2025-01-31T06:15:00Z"));
        assertThat(query.queryFor(2)).isEqualTo("page=2&modified_since=2025-01-31T08%3A15%3A00%2B02%3A00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2025-13-01", "31/01/2025", "2025-01-31T25:00:00Z"})
    void refusesAModifiedSinceThatIsNoIsoDate(String text) {
        assertThatThrownBy(() -> FeedQuery.parse(null, null, text))
                .isInstanceOf(InvalidFeedRequestException.class)
                .hasMessageContaining("ISO 8601");
    }

    @ParameterizedTest
    @CsvSource({"0, 10", "-1, 10", "x, 10", "1, 0", "1, 1001", "1, many"})
    void refusesPagesAndSizesOutOfRange(String page, String size) {
        assertThatThrownBy(() -> FeedQuery.parse(page, size, null)).isInstanceOf(InvalidFeedRequestException.class);
    }

    @Test
    void countsPagesAndKeepsTheSizeAndFilterInTheLinks() {
        var query = FeedQuery.parse("3", "20", "2025-01-31");

        assertThat(query.offset()).isEqualTo(40);
        assertThat(query.lastPage(0)).isEqualTo(1);
        assertThat(query.lastPage(20)).isEqualTo(1);
        assertThat(query.lastPage(41)).isEqualTo(3);
        assertThat(query.queryFor(4)).isEqualTo("page=4&size=20&modified_since=2025-01-31");
    }
}
