package org.comptoir.connectors.harvest;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.comptoir.connectors.ConnectorException;
import org.comptoir.connectors.RunAlreadyActiveException;
import org.comptoir.connectors.SourceNotFoundException;
import org.comptoir.connectors.source.Source;
import org.comptoir.connectors.source.Sources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts harvest runs and tells how they went. A run is queued, then driven asynchronously through
 * the Camel route of its source (created from its kind's route template the first time); at most
 * {@code comptoir.harvest.concurrent-runs} runs go on at once on a node, and one at a time per
 * source.
 */
public class HarvestEngine {
    /** How many runs of a source {@link #runsOf(String)} returns. */
    public static final int HISTORY = 20;

    private static final Logger LOG = LoggerFactory.getLogger(HarvestEngine.class);

    private final Sources sources;
    private final HarvestRuns runs;
    private final TransactionOperations transactions;
    private final CamelContext camel;
    private final HarvestProperties properties;
    private final Clock clock;
    private final Map<String, String> routeUrls = new ConcurrentHashMap<>();
    private ExecutorService executor;
    private ProducerTemplate producer;

    public HarvestEngine(
            Sources sources,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            CamelContext camel,
            HarvestProperties properties,
            Clock clock) {
        this.sources = sources;
        this.runs = new HarvestRuns(jdbc);
        this.transactions = new TransactionTemplate(transactions);
        this.camel = camel;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Queues a run of a source and starts it in the background.
     *
     * @return the queued run, to follow with {@link #run(String)}
     * @throws SourceNotFoundException when there is no such source
     * @throws RunAlreadyActiveException when a run of that source is queued or running
     */
    public HarvestRun start(String sourceId) {
        var source = sources.find(sourceId).orElseThrow(() -> new SourceNotFoundException(sourceId));
        var runId = UUID.randomUUID().toString();
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        transactions.executeWithoutResult(status -> {
            runs.lockSource(sourceId);
            runs.active(sourceId).ifPresent(active -> {
                if (active.progressedAt().isAfter(now.minus(properties.staleRunTimeout()))) {
                    throw new RunAlreadyActiveException(sourceId, active.id());
                }
                runs.fail(
                        active.id(),
                        "récolte interrompue : aucun progrès depuis " + minutes(properties.staleRunTimeout())
                                + " (le serveur s'est sans doute arrêté pendant la récolte)",
                        now);
            });
            runs.queue(runId, sourceId, now);
        });
        var queued = runs.find(runId).orElseThrow();
        try {
            ensureRoute(source);
            executor().execute(() -> drive(sourceId, runId));
        } catch (RuntimeException e) {
            LOG.error("Run {} of source {} could not be launched", runId, sourceId, e);
            runs.fail(
                    runId,
                    "la récolte n'a pas pu être lancée (" + e.getClass().getSimpleName()
                            + ") ; voir le journal du serveur",
                    clock.instant());
            return runs.find(runId).orElseThrow();
        }
        return queued;
    }

    public Optional<HarvestRun> run(String runId) {
        return runs.find(runId);
    }

    /**
     * The latest {@value #HISTORY} runs of a source, newest first.
     *
     * @throws SourceNotFoundException when there is no such source
     */
    public List<HarvestRun> runsOf(String sourceId) {
        if (sources.find(sourceId).isEmpty()) {
            throw new SourceNotFoundException(sourceId);
        }
        return runs.ofSource(sourceId, HISTORY);
    }

    private void drive(String sourceId, String runId) {
        try {
            producer().sendBody(HarvestRoutes.entryOf(sourceId), runId);
        } catch (RuntimeException e) {
            LOG.error("Run {} of source {} stopped unexpectedly", runId, sourceId, e);
        } finally {
            var run = runs.find(runId);
            if (run.isPresent() && run.get().status().isActive()) {
                runs.fail(
                        runId,
                        "la récolte s'est arrêtée sans conclure (arrêt du serveur ou erreur interne) ; "
                                + "voir le journal du serveur",
                        clock.instant());
            }
        }
    }

    /** Creates the source's route from its kind's template, or recreates it when the source moved. */
    private synchronized void ensureRoute(Source source) {
        var routeId = HarvestRoutes.routeId(source.id());
        if (camel.getRoute(routeId) != null) {
            if (source.url().equals(routeUrls.get(source.id()))) {
                return;
            }
            try {
                camel.getRouteController().stopRoute(routeId);
                camel.removeRoute(routeId);
            } catch (Exception e) {
                throw new ConnectorException("la route " + routeId + " n'a pas pu être remplacée", e);
            }
        }
        TemplatedRouteBuilder.builder(camel, source.kind())
                .routeId(routeId)
                .parameter(HarvestRoutes.SOURCE_ID, source.id())
                .parameter(HarvestRoutes.URL, source.url())
                .add();
        routeUrls.put(source.id(), source.url());
    }

    private synchronized ExecutorService executor() {
        if (executor == null) {
            executor = camel.getExecutorServiceManager()
                    .newFixedThreadPool(this, "ComptoirHarvest", properties.concurrentRuns());
        }
        return executor;
    }

    private synchronized ProducerTemplate producer() {
        if (producer == null) {
            producer = camel.createProducerTemplate();
        }
        return producer;
    }

    private static String minutes(Duration duration) {
        return duration.toMinutes() >= 1 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }
}
