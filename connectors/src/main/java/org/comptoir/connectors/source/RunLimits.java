package org.comptoir.connectors.source;

import java.time.Duration;

/**
 * The hard limits of one run of a source: a run that reaches one stops at the next page boundary,
 * keeps what it took in and withdraws nothing.
 *
 * @param maxRecords the most records one run reads, or null for no limit
 * @param maxDuration the longest a run may go on, or null for no limit
 */
public record RunLimits(Integer maxRecords, Duration maxDuration) {
    public static final RunLimits NONE = new RunLimits(null, null);
}
