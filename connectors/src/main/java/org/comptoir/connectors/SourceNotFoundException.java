package org.comptoir.connectors;

/** No harvest source has this identifier. */
public class SourceNotFoundException extends ConnectorException {
    private final String sourceId;

    public SourceNotFoundException(String sourceId) {
        super("Aucune source de récolte n'a l'identifiant « " + sourceId + " ».");
        this.sourceId = sourceId;
    }

    public String sourceId() {
        return sourceId;
    }
}
