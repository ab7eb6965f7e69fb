package org.comptoir.connectors.harvest;

/**
 * Where a harvest run stands: QUEUED -> RUNNING -> SUCCEEDED, FAILED, CANCELLED, or TO_CONFIRM (it
 * completed, but it would have withdrawn too large a share of its source: it withdrew nothing and a
 * person confirms or dismisses the withdrawal). A run whose node stopped stays RUNNING until another
 * node (or the same one, restarted) resumes it from its last checkpoint.
 */
public enum RunStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    TO_CONFIRM,
    /** Stopped by a person at a page boundary; what it took in stays, nothing was withdrawn. */
    CANCELLED;

    /** Whether the run is still to finish (queued or running). */
    public boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }
}
