package org.comptoir.web.pages;

import java.util.List;

/** What the templates show: plain values, already translated into the page's language. */
final class Views {
    private Views() {}

    /** A date as written by the source ({@code iso}) and as a reader reads it ({@code text}). */
    record Day(String iso, String text) {}

    record Link(String href, String text) {}

    /**
     * A text from a description with the language it is written in ({@code fr}, {@code en}), which
     * may differ from the page's when the source gave no translation; null when the source did not
     * say.
     */
    record Text(String text, String lang) {
        public boolean isEmpty() {
            return text.isEmpty();
        }
    }

    /** A bounding box in WGS 84 degrees. */
    record Box(double west, double south, double east, double north) {}

    record Contact(String name, String email, String url) {}

    /**
     * One line of the search results.
     *
     * @param marks the title with the words searched for marked, empty when none matched there
     * @param snippet where the words searched for appear in the description (or else in the
     *     keywords or distributions), empty when nowhere: then the excerpt is shown
     */
    record DatasetSummary(
            String id,
            Text title,
            Text excerpt,
            String publisher,
            List<String> themes,
            List<String> formats,
            Day modified,
            List<Segment> marks,
            List<Segment> snippet) {
        DatasetSummary withHighlights(List<Segment> marks, List<Segment> snippet) {
            return new DatasetSummary(id, title, excerpt, publisher, themes, formats, modified, marks, snippet);
        }
    }

    /** A piece of a highlighted text; {@code marked} when it is a word searched for. */
    record Segment(String text, boolean marked) {}

    /**
     * A dimension of the results a visitor can filter on.
     *
     * @param name the parameter and message key suffix ({@code theme}, {@code format}...)
     * @param more how many other values exist beyond those listed
     */
    record FacetView(String name, List<FacetChoice> values, int more) {}

    /**
     * A value of a dimension: following {@code href} adds it to the filters, or removes it when
     * {@code selected}.
     */
    record FacetChoice(String label, long count, boolean selected, String href) {}

    /** A filter in force, with the address of the same search without it. */
    record ActiveFilter(String name, String label, String removeHref) {}

    record SortChoice(String value, boolean selected) {}

    record DistributionView(
            Text title,
            Text description,
            String format,
            String licence,
            String licenceUrl,
            String downloadUrl,
            String accessUrl) {}

    /** Everything the dataset page shows. */
    record DatasetView(
            String id,
            String iri,
            Text title,
            List<String> paragraphs,
            String descriptionLang,
            String identifier,
            List<String> keywords,
            List<String> themes,
            String publisher,
            String orgUnit,
            String ownerName,
            Contact contact,
            Day temporalStart,
            Day temporalEnd,
            List<Link> places,
            Box box,
            String frequency,
            Day issued,
            Day modified,
            List<String> languages,
            String landingPage,
            List<DistributionView> distributions,
            boolean open,
            String accessLevel,
            String personalData,
            String status) {}
}
