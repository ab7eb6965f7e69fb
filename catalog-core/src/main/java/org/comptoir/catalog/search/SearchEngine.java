package org.comptoir.catalog.search;

/** A search engine adapter: both sides of the port, and a name for logs and the API. */
public interface SearchEngine extends CatalogSearch, SearchIndex, AutoCloseable {
    /** {@code lucene} or {@code elasticsearch}. */
    String name();

    @Override
    void close();
}
