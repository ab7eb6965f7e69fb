package org.comptoir.connectors.source;

import java.time.Instant;

/**
 * A system Comptoir harvests. Its credentials are not here: only their type is ({@link
 * Sources#credentials(String)} opens them for the harvest).
 *
 * @param schedule a Spring cron expression, or null when the source is harvested on demand only
 * @param version incremented at each change; the ETag of conditional updates
 * @param credentialType the kind of credentials set, {@link CredentialType#NONE} when there are none
 */
public record Source(
        String id,
        String name,
        String kind,
        String url,
        String schedule,
        Instant createdAt,
        long version,
        CredentialType credentialType,
        Politeness politeness,
        SourceDefaults defaults,
        RunLimits limits) {

    /** Whether the source has credentials. */
    public boolean credentialsSet() {
        return credentialType != CredentialType.NONE;
    }
}
