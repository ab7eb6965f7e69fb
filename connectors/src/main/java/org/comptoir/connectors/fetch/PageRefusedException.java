package org.comptoir.connectors.fetch;

import org.comptoir.connectors.ConnectorException;

/**
 * A page that will not be read: too large, of the wrong type, badly encoded, or built to harm its
 * parser. The message, in French, names the page and what is wrong; a kind that can ask for smaller
 * pages, or step over this one, lets the run go on without it.
 */
public class PageRefusedException extends ConnectorException {
    public PageRefusedException(String message) {
        super(message);
    }

    public PageRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
