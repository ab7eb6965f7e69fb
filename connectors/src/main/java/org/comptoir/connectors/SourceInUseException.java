package org.comptoir.connectors;

/** A source cannot be deleted while one of its runs is queued or running. */
public class SourceInUseException extends ConnectorException {
    public SourceInUseException(String runId) {
        super("Une récolte de cette source est en cours (" + runId + ") : annulez-la ou attendez qu'elle se termine "
                + "avant de supprimer la source.");
    }
}
