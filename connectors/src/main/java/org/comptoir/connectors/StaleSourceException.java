package org.comptoir.connectors;

/** A change names a version of the source that is no longer the current one (If-Match). */
public class StaleSourceException extends ConnectorException {
    public StaleSourceException(String sourceId, long expected, long current) {
        super("La source " + sourceId + " a changé depuis votre lecture (version " + expected + ", elle est en version "
                + current + ")");
    }
}
