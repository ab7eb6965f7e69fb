package org.comptoir.connectors;

/** No harvest run has this identifier. */
public class HarvestRunNotFoundException extends ConnectorException {
    private final String runId;

    public HarvestRunNotFoundException(String runId) {
        super("Aucune récolte n'a l'identifiant « " + runId + " ».");
        this.runId = runId;
    }

    public String runId() {
        return runId;
    }
}
