package org.comptoir.connectors.source;

import java.time.Instant;

/**
 * A system Comptoir harvests.
 *
 * @param schedule a Spring cron expression, or null when the source is harvested on demand only
 */
public record Source(String id, String name, String kind, String url, String schedule, Instant createdAt) {}
