package org.comptoir.web.feed;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.StringJoiner;

/**
 * One request for a page of the feed: which page (1-based), how many datasets per page, and since
 * when they must have changed.
 *
 * @param since null for every dataset
 * @param sinceText {@code modified_since} as the caller wrote it, carried into the paging links
 */
record FeedQuery(int page, int size, Instant since, String sinceText) {
    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 1000;

    /**
     * Reads the query parameters of {@code /catalog}.
     *
     * @throws InvalidFeedRequestException when one of them is malformed or out of range
     */
    static FeedQuery parse(String page, String size, String modifiedSince) {
        int pageNumber = number("page", page, 1, 1, Integer.MAX_VALUE);
        int pageSize = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        if (modifiedSince == null || modifiedSince.isBlank()) {
            return new FeedQuery(pageNumber, pageSize, null, null);
        }
        var text = modifiedSince.strip().replace(' ', '+');
        return new FeedQuery(pageNumber, pageSize, instant(text), text);
    }

    long offset() {
        return (long) (page - 1) * size;
    }

    /** The number of the last page for {@code total} datasets: 1 when there are none. */
    int lastPage(long total) {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /** The query string of page {@code number} of the same listing. */
    String queryFor(int number) {
        var query = new StringJoiner("&");
        query.add("page=" + number);
        if (size != DEFAULT_SIZE) {
            query.add("size=" + size);
        }
        if (sinceText != null) {
            query.add("modified_since=" + URLEncoder.encode(sinceText, StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    private static int number(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidFeedRequestException(
                name,
                max == Integer.MAX_VALUE
                        ? "« " + name + " » doit être un entier supérieur ou égal à " + min + "."
                        : "« " + name + " » doit être un entier entre " + min + " et " + max + ".");
    }

    /** An ISO 8601 date (midnight UTC) or date-time; without an offset, a date-time is taken as UTC. */
    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notADate) {
                    throw new InvalidFeedRequestException(
                            "modified_since",
                            "« modified_since » doit être une date ou une date et heure ISO 8601, "
                                    + "par exemple 2025-01-31 ou 2025-01-31T08:00:00Z.");
                }
            }
        }
    }
}
