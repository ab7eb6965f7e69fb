package org.comptoir.catalog.search;

/**
 * A completion of what a person is typing.
 *
 * @param text the completed text: a title, a keyword, an owner's name
 * @param kind where it comes from
 * @param datasetId the dataset a title suggestion leads to; null for the other kinds
 */
public record Suggestion(String text, Kind kind, String datasetId) {
    public enum Kind {
        TITLE,
        KEYWORD,
        OWNER
    }
}
