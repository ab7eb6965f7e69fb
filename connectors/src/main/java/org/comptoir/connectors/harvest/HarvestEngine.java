package org.comptoir.connectors.harvest;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.comptoir.connectors.ConnectorException;
import org.comptoir.connectors.HarvestRunNotFoundException;
import org.comptoir.connectors.RunAlreadyActiveException;
import org.comptoir.connectors.RunFinishedException;
import org.comptoir.connectors.SourceNotFoundException;
import org.comptoir.connectors.source.Source;
import org.comptoir.connectors.source.Sources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts, cancels and resumes harvest runs and tells how they went. A run is queued, then driven
 * asynchronously through the Camel route of its source (created from its kind's route template);
 * at most {@code comptoir.harvest.concurrent-runs} runs go on at once on a node, and the database
 * allows one active run per source, whatever the node. The node driving a run renews a lease on it;
 * when a node stops cleanly it hands its runs over, and when it crashes its leases lapse: either
 * way, a node (another, or the same one restarted) resumes each run from its last checkpoint.
 */
public class HarvestEngine {
    private static final Logger LOG = LoggerFactory.getLogger(HarvestEngine.class);

    private final Sources sources;
    private final RunSessions sessions;
    private final HarvestRuns runs;
    private final TransactionOperations transactions;
    private final CamelContext camel;
    private final HarvestProperties properties;
    private final Clock clock;
    private final Map<String, String> routeSignatures = new ConcurrentHashMap<>();
    private final AtomicInteger driving = new AtomicInteger();
    private ExecutorService executor;
    private ScheduledExecutorService maintenance;
    private ProducerTemplate producer;
    private volatile boolean resuming;

    public HarvestEngine(
            Sources sources,
            RunSessions sessions,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            CamelContext camel,
            HarvestProperties properties,
            Clock clock) {
        this.sources = sources;
        this.sessions = sessions;
        this.runs = new HarvestRuns(jdbc);
        this.transactions = new TransactionTemplate(transactions);
        this.camel = camel;
        this.properties = properties;
        this.clock = clock;
    }

    /** Queues a run asked for through the API by an unnamed caller; see {@link #start(String, RunTrigger)}. */
    public HarvestRun start(String sourceId) {
        return start(sourceId, RunTrigger.api(null));
    }

    /**
     * Queues a run of a source and starts it in the background.
     *
     * @param trigger what asks for the run, and who; recorded with it
     * @return the queued run, to follow with {@link #run(String)}
     * @throws SourceNotFoundException when there is no such source
     * @throws RunAlreadyActiveException when a run of that source is queued or running, on any node
     */
    public HarvestRun start(String sourceId, RunTrigger trigger) {
        var source = sources.find(sourceId).orElseThrow(() -> new SourceNotFoundException(sourceId));
        var runId = UUID.randomUUID().toString();
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            transactions.executeWithoutResult(status -> {
                if (!runs.lockSource(sourceId)) {
                    throw new SourceNotFoundException(sourceId);
                }
                runs.active(sourceId).ifPresent(active -> {
                    throw new RunAlreadyActiveException(sourceId, active.id());
                });
                runs.queue(runId, sourceId, trigger, sessions.node(), leaseFrom(now), now);
            });
        } catch (DuplicateKeyException e) {
            // the unique active_source constraint: another node queued a run of this source just now
            throw new RunAlreadyActiveException(
                    sourceId, runs.active(sourceId).map(HarvestRuns.Active::id).orElse("?"));
        }
        var claim = runs.claim(runId).orElseThrow();
        launch(source, claim);
        return runs.find(runId).orElseThrow();
    }

    /**
     * Cancels a run. A queued run, or one whose node went away, ends at once; a running one stops at
     * its next page boundary, on whatever node drives it. Either way it ends {@link
     * RunStatus#CANCELLED}, keeping what it took in and withdrawing nothing.
     *
     * @param user who asks, recorded with the run
     * @throws HarvestRunNotFoundException when there is no such run
     * @throws RunFinishedException when the run already ended
     */
    public HarvestRun cancel(String runId, String user) {
        var run = runs.find(runId).orElseThrow(() -> new HarvestRunNotFoundException(runId));
        var who = user == null || user.isBlank() ? "un utilisateur" : user;
        if (!runs.requestCancel(runId, who)) {
            throw new RunFinishedException(runId, run.status().name());
        }
        var now = clock.instant();
        var active = runs.active(run.sourceId());
        if (active.isPresent()
                && active.get().id().equals(runId)
                && (active.get().leaseUntil() == null
                        || active.get().leaseUntil().isBefore(now))) {
            runs.end(runId, RunStatus.CANCELLED, "récolte annulée par " + who + " ; rien n'a été retiré", now);
        }
        return runs.find(runId).orElseThrow();
    }

    public Optional<HarvestRun> run(String runId) {
        return runs.find(runId);
    }

    /**
     * The latest runs of a source ({@code comptoir.harvest.history} at most), newest first.
     *
     * @throws SourceNotFoundException when there is no such source
     */
    public List<HarvestRun> runsOf(String sourceId) {
        if (sources.find(sourceId).isEmpty()) {
            throw new SourceNotFoundException(sourceId);
        }
        return runs.ofSource(sourceId, properties.history());
    }

    /**
     * Takes over the runs whose node let their lease lapse (as many as this node has room for) and
     * resumes each from its checkpoint. Done every half lease once the application is ready.
     *
     * @return how many runs this node took over
     */
    public int resumeInterrupted() {
        if (sessions.stopping()) {
            return 0;
        }
        int room = properties.concurrentRuns() - driving.get();
        int resumed = 0;
        if (room <= 0) {
            return 0;
        }
        var now = clock.instant();
        for (var runId : runs.interrupted(now, room)) {
            var claim = runs.takeOver(runId, sessions.node(), leaseFrom(now), now);
            if (claim.isEmpty()) {
                continue;
            }
            var source = sources.find(claim.get().sourceId());
            if (source.isEmpty()) {
                runs.end(runId, RunStatus.FAILED, "la source a été supprimée pendant la récolte", now);
                continue;
            }
            LOG.info(
                    "Resuming run {} of source {} (attempt {})",
                    runId,
                    source.get().id(),
                    claim.get().attempt());
            launch(source.get(), claim.get());
            resumed++;
        }
        return resumed;
    }

    /** Once the application is ready: resume interrupted runs now, then every half lease. */
    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        resuming = true;
        maintenance();
        resumeSafely();
    }

    /**
     * When the application stops: the runs of this node stop at their next step and their leases
     * end, so that they resume at once on the next node to look (this one, restarted, or another).
     */
    @EventListener(ContextClosedEvent.class)
    public synchronized void stop() {
        if (sessions.stopping()) {
            return;
        }
        sessions.stop();
        if (maintenance != null) {
            maintenance.shutdownNow();
        }
        try {
            runs.release(sessions.node(), clock.instant());
        } catch (RuntimeException e) {
            LOG.warn(
                    "Could not hand over the runs of node {}: they resume when their lease lapses", sessions.node(), e);
        }
    }

    private void launch(Source source, HarvestRuns.Claim claim) {
        try {
            ensureRoute(source);
            driving.incrementAndGet();
            maintenance();
            executor().execute(() -> drive(source.id(), claim));
        } catch (RuntimeException e) {
            LOG.error("Run {} of source {} could not be launched", claim.runId(), source.id(), e);
            runs.end(
                    claim.runId(),
                    RunStatus.FAILED,
                    "la récolte n'a pas pu être lancée (" + e.getClass().getSimpleName()
                            + ") ; voir le journal du serveur",
                    clock.instant());
        }
    }

    private void drive(String sourceId, HarvestRuns.Claim claim) {
        try {
            producer().sendBody(HarvestRoutes.entryOf(sourceId), claim.runId());
        } catch (RuntimeException e) {
            LOG.error("Run {} of source {} stopped unexpectedly", claim.runId(), sourceId, e);
        } finally {
            driving.decrementAndGet();
            var current = runs.claim(claim.runId());
            if (!sessions.stopping()
                    && current.isPresent()
                    && current.get().attempt() == claim.attempt()
                    && sessions.node().equals(current.get().node())) {
                runs.end(
                        claim.runId(),
                        RunStatus.FAILED,
                        "la récolte s'est arrêtée sans conclure (erreur interne) ; voir le journal du serveur",
                        clock.instant());
            }
        }
    }

    /** Creates the source's route from its kind's template, or recreates it when the source moved. */
    private synchronized void ensureRoute(Source source) {
        var routeId = HarvestRoutes.routeId(source.id());
        var signature = source.kind() + " " + source.url();
        if (camel.getRoute(routeId) != null) {
            if (signature.equals(routeSignatures.get(source.id()))) {
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
        routeSignatures.put(source.id(), signature);
    }

    private Instant leaseFrom(Instant now) {
        return now.plus(properties.staleRunTimeout());
    }

    private void resumeSafely() {
        try {
            resumeInterrupted();
        } catch (RuntimeException e) {
            LOG.warn("Could not look for interrupted runs", e);
        }
    }

    private void renewSafely() {
        try {
            runs.renew(sessions.node(), leaseFrom(clock.instant()));
        } catch (RuntimeException e) {
            LOG.warn("Could not renew the leases of node {}", sessions.node(), e);
        }
    }

    /** Renews this node's leases every third of a lease, and looks for interrupted runs every half. */
    private synchronized void maintenance() {
        if (maintenance != null || sessions.stopping()) {
            return;
        }
        maintenance = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("ComptoirHarvestLeases").factory());
        long lease = properties.staleRunTimeout().toMillis();
        maintenance.scheduleWithFixedDelay(this::renewSafely, lease / 3, lease / 3, TimeUnit.MILLISECONDS);
        maintenance.scheduleWithFixedDelay(
                () -> {
                    if (resuming) {
                        resumeSafely();
                    }
                },
                lease / 2,
                lease / 2,
                TimeUnit.MILLISECONDS);
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
}
