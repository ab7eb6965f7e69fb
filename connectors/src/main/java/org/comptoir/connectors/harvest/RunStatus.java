package org.comptoir.connectors.harvest;

/** Where a harvest run stands: QUEUED -> RUNNING -> SUCCEEDED or FAILED. */
public enum RunStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED;

    /** Whether the run is still to finish (queued or running). */
    public boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }
}
