package org.comptoir.connectors.harvest;

/**
 * A kind of source Comptoir harvests ({@code dcat-ap}, {@code ckan}...): how to ask for its pages and
 * how to map one page to records. Implementations are plain mapping code, callable without Camel;
 * {@link SourceKindTemplates} turns each into a Camel route template of the kind's name.
 */
public interface SourceKind {
    /** The kind's name, which is also its route template's id. */
    String name();

    /** The {@code Accept} header of every fetch. */
    String accept();

    /**
     * The media types (or ranges, {@code application/*}) a page of this kind may come as; a page of
     * another declared type is refused before {@link #read}, and so is an HTML page unless named here
     * without wildcard. By default the ranges {@link #accept()} names, without their parameters.
     */
    default java.util.List<String> expects() {
        return java.util.Arrays.stream(accept().split(","))
                .map(range -> range.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT))
                .filter(range -> !range.isEmpty())
                .toList();
    }

    /**
     * The first page to fetch for a source registered with {@code url}.
     *
     * @param pageSize how many records a page should hold, for kinds whose source lets the client
     *     choose; others ignore it
     */
    String firstPage(String url, int pageSize);

    /**
     * Pages that together hold the same records as {@code pageUrl}, each smaller, to isolate a bad
     * record when a page fails; empty when the kind cannot ask for smaller pages.
     */
    default java.util.List<String> split(String pageUrl) {
        return java.util.List.of();
    }

    /**
     * The page after {@code pageUrl}, known without reading it (an offset-paged API), so that a page
     * that cannot be read is skipped and reported; null when the kind cannot know it.
     */
    default String after(String pageUrl) {
        return null;
    }

    /**
     * Maps one fetched page.
     *
     * @param body the bytes received
     * @param contentType the response's {@code Content-Type}, or null
     * @param pageUrl the page's URL, to resolve relative links against
     * @throws org.comptoir.connectors.ConnectorException when the page cannot be read at all
     */
    SourcePage read(byte[] body, String contentType, String pageUrl);

    /**
     * Whether a page of this type is read as a stream by {@link #stream} rather than held whole and
     * read by {@link #read}; decided from the answer's headers, before its body is read.
     */
    default boolean streams(String contentType, String pageUrl) {
        return false;
    }

    /**
     * Maps one page read as a stream, handing each record to {@code records} as soon as it is
     * complete, so that a page of any size (a whole catalogue's dump) is never held in memory.
     *
     * @return the paging the page states; its records have gone to {@code records}
     * @throws java.io.IOException when the body cannot be read to its end (it is then refused
     *     whole: no record of it has been handed over)
     */
    default SourcePage stream(
            java.io.InputStream body,
            String contentType,
            String pageUrl,
            java.util.function.Consumer<org.comptoir.catalog.ingest.HarvestedRecord> records)
            throws java.io.IOException {
        var page = read(body.readAllBytes(), contentType, pageUrl);
        page.records().forEach(records);
        return new SourcePage(java.util.List.of(), page.next(), page.totalItems());
    }
}
