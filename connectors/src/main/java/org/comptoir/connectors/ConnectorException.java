package org.comptoir.connectors;

/** Base of every exception the connectors throw. Messages are in French, for the people who act on them. */
public class ConnectorException extends RuntimeException {
    public ConnectorException(String message) {
        super(message);
    }

    public ConnectorException(String message, Throwable cause) {
        super(message, cause);
    }
}
