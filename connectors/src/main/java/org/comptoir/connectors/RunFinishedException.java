package org.comptoir.connectors;

/** A run that already ended cannot be cancelled. */
public class RunFinishedException extends ConnectorException {
    public RunFinishedException(String runId, String status) {
        super("La récolte " + runId + " est déjà terminée (" + status + ") : il n'y a plus rien à annuler.");
    }
}
