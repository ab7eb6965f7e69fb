package org.comptoir.connectors.harvest;

/**
 * Where a harvest run stands: QUEUED -> RUNNING -> SUCCEEDED, FAILED, or TO_CONFIRM (it
 * completed, but it would have withdrawn too large a share of its source: it withdrew nothing and a
 * person confirms or dismisses the withdrawal).
 */
public enum RunStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    TO_CONFIRM;

    /** Whether the run is still to finish (queued or running). */
    public boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }
}
