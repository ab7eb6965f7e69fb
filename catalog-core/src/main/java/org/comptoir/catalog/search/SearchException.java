package org.comptoir.catalog.search;

import org.comptoir.catalog.CatalogException;

/** The search engine failed: its index cannot be read or written, or its server does not answer. */
public class SearchException extends CatalogException {
    public SearchException(String message, Throwable cause) {
        super(message, cause);
    }
}
