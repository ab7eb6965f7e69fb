package org.comptoir.catalog.search;

import org.comptoir.catalog.dataset.Audience;

/**
 * A search over the catalogue.
 *
 * @param text words to find, may be empty
 * @param audience who asks; decides which datasets exist for the answer
 * @param page zero-based page
 * @param size page size, 1 to 100
 */
public record SearchQuery(String text, Audience audience, int page, int size) {
    public static final int MAX_SIZE = 100;

    public SearchQuery {
        text = text == null ? "" : text.strip();
        if (page < 0) {
            throw new IllegalArgumentException("page must be >= 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
    }
}
