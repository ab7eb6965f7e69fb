package org.comptoir.catalog.search;

/**
 * The search engine could not answer: its server is down, unreachable or overloaded. Nothing was
 * lost (the store is the truth and the indexer retries); the caller tells the person to try again
 * later, an HTTP API with 503.
 */
public class SearchUnavailableException extends SearchException {
    public SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
