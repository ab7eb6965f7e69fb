package org.comptoir.connectors.harvest;

import java.time.Clock;
import java.util.Optional;
import org.comptoir.catalog.ingest.CatalogIngestion;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Opens the session through which a route template drives a queued run. */
public class RunSessions {
    private final HarvestRuns runs;
    private final CatalogIngestion ingestion;
    private final HarvestProperties properties;
    private final Clock clock;

    public RunSessions(JdbcClient jdbc, CatalogIngestion ingestion, HarvestProperties properties, Clock clock) {
        this.runs = new HarvestRuns(jdbc);
        this.ingestion = ingestion;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Marks a queued run as running.
     *
     * @return empty when the run is not queued any more (finished, or taken as interrupted)
     */
    public Optional<RunSession> open(String runId) {
        var run = runs.find(runId).orElse(null);
        if (run == null || !runs.markRunning(runId, clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new RunSession(runId, run.sourceId(), runs, ingestion, properties, clock));
    }
}
