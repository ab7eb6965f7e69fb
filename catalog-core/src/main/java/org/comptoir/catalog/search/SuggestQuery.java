package org.comptoir.catalog.search;

/**
 * What a person has typed so far, for completion. Owner suggestions are for internal viewers only.
 *
 * @param prefix the text typed, 1 to 100 characters; its last word may be incomplete
 * @param limit how many suggestions, 1 to 20
 */
public record SuggestQuery(String prefix, Viewer viewer, int limit) {
    public SuggestQuery {
        prefix = prefix == null ? "" : prefix.strip();
        viewer = viewer == null ? Viewer.PUBLIC : viewer;
        if (prefix.isEmpty() || prefix.length() > 100) {
            throw new IllegalArgumentException("prefix must have 1 to 100 characters");
        }
        if (limit < 1 || limit > 20) {
            throw new IllegalArgumentException("limit must be between 1 and 20");
        }
    }
}
