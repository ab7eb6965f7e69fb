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

    /** One line of the search results. */
    record DatasetSummary(
            String id,
            Text title,
            Text excerpt,
            String publisher,
            List<String> themes,
            List<String> formats,
            Day modified) {}

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
