package org.comptoir.connectors.harvest;

/**
 * Where a harvest run stands: QUEUED -> RUNNING -> SUCCEEDED, FAILED or CANCELLED. A run whose node
 * stopped stays RUNNING until another node (or the same one, restarted) resumes it from its last
 * checkpoint.
 */
public enum RunStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    /** Stopped by a person at a page boundary; what it took in stays, nothing was withdrawn. */
    CANCELLED;

    /** Whether the run is still to finish (queued or running). */
    public boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }
}
