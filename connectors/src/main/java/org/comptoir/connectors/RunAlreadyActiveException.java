package org.comptoir.connectors;

/** A run of this source is already queued or running; a source is harvested once at a time. */
public class RunAlreadyActiveException extends ConnectorException {
    private final String sourceId;
    private final String activeRunId;

    public RunAlreadyActiveException(String sourceId, String activeRunId) {
        super("Une récolte de cette source est déjà en cours (" + activeRunId
                + ") : attendez qu'elle se termine avant d'en lancer une autre.");
        this.sourceId = sourceId;
        this.activeRunId = activeRunId;
    }

    public String sourceId() {
        return sourceId;
    }

    /** The run in progress, which the caller can follow instead. */
    public String activeRunId() {
        return activeRunId;
    }
}
