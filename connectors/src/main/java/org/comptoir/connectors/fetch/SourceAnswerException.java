package org.comptoir.connectors.fetch;

import java.time.Duration;
import org.comptoir.connectors.ConnectorException;

/**
 * A source answered something other than a page (a 4xx or 5xx status, or a redirect that was not
 * followed).
 */
public class SourceAnswerException extends ConnectorException {
    private final String url;
    private final int status;
    private final String statusText;
    private final String location;
    private final Duration retryAfter;

    /**
     * @param retryAfter how long the source asked to wait ({@code Retry-After}), or null
     * @param location where a redirect pointed, or null
     */
    public SourceAnswerException(String url, int status, String statusText, String location, Duration retryAfter) {
        super("la source a répondu " + status + " à GET " + url);
        this.url = url;
        this.status = status;
        this.statusText = statusText;
        this.location = location;
        this.retryAfter = retryAfter;
    }

    public String url() {
        return url;
    }

    public int status() {
        return status;
    }

    /** The answer's reason phrase, or null. */
    public String statusText() {
        return statusText;
    }

    /** Where a redirect that was not followed pointed, or null. */
    public String location() {
        return location;
    }

    /** How long the source asked to wait before asking again, or null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whether asking again later may work: 5xx, 408 (timeout) and 429 (too many requests). */
    public boolean isTransient() {
        return status >= 500 || status == 408 || status == 429;
    }
}
