package org.comptoir.connectors.harvest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.comptoir.catalog.ingest.CatalogIngestion;
import org.comptoir.connectors.ConnectorException;
import org.comptoir.connectors.source.Sources;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens the session through which a route template drives a run that this node holds, from the
 * run's checkpoint when it resumes. Also names this node: a fresh name at each start, so a run held
 * by a node that went away is never mistaken for one of the new node's.
 */
public class RunSessions {
    private final HarvestRuns runs;
    private final Sources sources;
    private final CatalogIngestion ingestion;
    private final CredentialHeaders headers;
    private final TransactionOperations transactions;
    private final HarvestProperties properties;
    private final Clock clock;
    private final String node;
    private volatile boolean stopping;

    public RunSessions(
            JdbcClient jdbc,
            Sources sources,
            CatalogIngestion ingestion,
            CredentialHeaders headers,
            PlatformTransactionManager transactions,
            HarvestProperties properties,
            Clock clock) {
        this.runs = new HarvestRuns(jdbc);
        this.sources = sources;
        this.ingestion = ingestion;
        this.headers = headers;
        this.transactions = new TransactionTemplate(transactions);
        this.properties = properties;
        this.clock = clock;
        this.node = nodeName();
    }

    /**
     * Marks a run this node holds as running.
     *
     * @return empty when the run is not this node's any more (finished, cancelled, taken over) or
     *     cannot start (its source was deleted, its credentials cannot be opened: the run then fails
     *     saying so)
     */
    public Optional<RunSession> open(String runId) {
        var claim = runs.claim(runId).orElse(null);
        if (claim == null || !node.equals(claim.node()) || stopping) {
            return Optional.empty();
        }
        var source = sources.find(claim.sourceId()).orElse(null);
        if (source == null) {
            runs.end(runId, RunStatus.FAILED, "la source a été supprimée pendant la récolte", clock.instant());
            return Optional.empty();
        }
        org.comptoir.connectors.source.Credentials credentials;
        try {
            credentials = sources.credentials(source.id());
        } catch (ConnectorException e) {
            runs.end(runId, RunStatus.FAILED, e.getMessage(), clock.instant());
            return Optional.empty();
        }
        if (!runs.markRunning(claim, clock.instant())) {
            return Optional.empty();
        }
        var run = runs.find(runId).orElseThrow();
        return Optional.of(new RunSession(
                claim,
                source,
                credentials,
                headers,
                run.startedAt(),
                runs.checkpointOf(runId),
                runs,
                ingestion,
                transactions,
                properties,
                clock,
                () -> stopping));
    }

    /** This node's name in the runs it holds. */
    String node() {
        return node;
    }

    /** From now on, sessions of this node stop at their next step and leave their runs to resume. */
    void stop() {
        stopping = true;
    }

    boolean stopping() {
        return stopping;
    }

    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        var suffix = "-" + UUID.randomUUID().toString().substring(0, 8);
        return (host.length() > 64 - suffix.length() ? host.substring(0, 64 - suffix.length()) : host) + suffix;
    }
}
