package org.comptoir.connectors.harvest;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.comptoir.catalog.CatalogException;
import org.comptoir.catalog.dataset.AccessLevel;
import org.comptoir.catalog.dataset.FieldProblem;
import org.comptoir.catalog.dataset.Governance;
import org.comptoir.catalog.dataset.Owner;
import org.comptoir.catalog.dataset.PersonalData;
import org.comptoir.catalog.dataset.PublicationStatus;
import org.comptoir.catalog.ingest.CatalogIngestion;
import org.comptoir.catalog.ingest.HarvestedRecord;
import org.comptoir.catalog.ingest.IngestOutcome;
import org.comptoir.catalog.ingest.IngestRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * One run as a route template drives it: pages are announced with {@link #startPage(String)}, each
 * record goes through {@link #accept(HarvestedRecord)} into the catalogue, and the run ends with
 * {@link #complete()} or {@link #fail(String)}. Progress is written as it goes. Not thread-safe: one
 * exchange drives one session.
 */
public final class RunSession {
    /** What a harvested dataset gets when its source says nothing about it: open and published. */
    static final Governance HARVEST_DEFAULTS =
            new Governance(Owner.NONE, AccessLevel.PUBLIC, PersonalData.NONE, PublicationStatus.PUBLISHED);

    private static final Logger LOG = LoggerFactory.getLogger(RunSession.class);
    private static final int PROGRESS_EVERY = 25;
    static final int DEFAULT_PAGE_SIZE = 100;

    private final String runId;
    private final String sourceId;
    private final HarvestRuns runs;
    private final CatalogIngestion ingestion;
    private final HarvestProperties properties;
    private final Clock clock;
    private final Set<String> visited = new HashSet<>();
    private final Set<String> seenKeys = new HashSet<>();
    private final IngestRun ingestRun;
    private String currentUrl;
    private long seen;
    private Long total;
    private int added;
    private int updated;
    private int unchanged;
    private int failed;
    private int reconciled;
    private int errorsKept;
    private boolean partial;

    RunSession(
            String runId,
            String sourceId,
            HarvestRuns runs,
            CatalogIngestion ingestion,
            HarvestProperties properties,
            Clock clock) {
        this.runId = runId;
        this.sourceId = sourceId;
        this.runs = runs;
        this.ingestion = ingestion;
        this.properties = properties;
        this.clock = clock;
        this.ingestRun = new IngestRun(sourceId, runId, seenKeys::contains);
    }

    public String runId() {
        return runId;
    }

    public String sourceId() {
        return sourceId;
    }

    /** How many records a page should hold, for kinds whose source lets the client choose. */
    public int pageSize() {
        return DEFAULT_PAGE_SIZE;
    }

    /** The page being read, or null before the first one. */
    public String currentUrl() {
        return currentUrl;
    }

    /**
     * Announces the next page to read.
     *
     * @throws HarvestAbortedException when the source pages in a loop or beyond {@code maxPages}
     */
    public void startPage(String url) {
        if (!visited.add(url)) {
            throw new HarvestAbortedException("la pagination de la source boucle : la page " + currentUrl
                    + " renvoie vers " + url + ", déjà lue ; récolte arrêtée sans retirer de jeu de données");
        }
        if (visited.size() > properties.maxPages()) {
            throw new HarvestAbortedException("la source a plus de " + properties.maxPages()
                    + " pages (limite comptoir.harvest.max-pages) : récolte arrêtée avant " + url
                    + ", sans retirer de jeu de données");
        }
        currentUrl = url;
    }

    /** How many records the source says it holds, when it says so. */
    public void sourceTotal(Long count) {
        if (count != null && count >= 0) {
            total = count;
        }
    }

    /**
     * Takes one record into the catalogue. A record that fails is counted and reported with its
     * key; it never stops the run. A record met twice in one run is taken once.
     */
    public void accept(HarvestedRecord record) {
        if (!seenKeys.add(record.sourceKey())) {
            return;
        }
        seen++;
        try {
            var outcome = ingestion.ingest(ingestRun, record, HARVEST_DEFAULTS);
            switch (outcome.kind()) {
                case ADDED -> added++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case RECONCILED -> reconciled++;
                case FAILED -> recordFailure(record.sourceKey(), describe(outcome));
            }
        } catch (DataAccessException e) {
            LOG.warn("Run {}: record {} could not be stored", runId, record.sourceKey(), e);
            recordFailure(
                    record.sourceKey(),
                    "le jeu de données n'a pas pu être enregistré (erreur de la base de données) ; "
                            + "voir le journal du serveur");
        } catch (CatalogException e) {
            recordFailure(record.sourceKey(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Run {}: record {} could not be read", runId, record.sourceKey(), e);
            recordFailure(
                    record.sourceKey(),
                    "la description n'a pas pu être lue (" + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " : " + e.getMessage()) + ")");
        }
        if (seen % PROGRESS_EVERY == 0) {
            writeProgress();
        }
    }

    /**
     * Reports a record refused before it reached the catalogue (beyond a per-record limit): counted
     * as failed, with its key, and not withdrawn since the source still has it.
     */
    public void refuse(String sourceKey, String reason) {
        if (!seenKeys.add(sourceKey)) {
            return;
        }
        seen++;
        recordFailure(sourceKey, reason);
    }

    /**
     * Reports a page the run stepped over because it could not be read: its URL and the reason are
     * shown as a failure, and the run is no longer complete, so {@link #complete()} withdraws nothing.
     */
    public void pageSkipped(String pageUrl, String reason) {
        partial = true;
        recordFailure(pageUrl, "page sautée : " + reason);
        LOG.warn("Run {} of source {} skipped page {}: {}", runId, sourceId, pageUrl, reason);
    }

    /** Ends a page: its progress becomes visible. */
    public void pageRead() {
        writeProgress();
    }

    /**
     * Ends a run that read its source to the end: the source's datasets it did not see are withdrawn
     * (never deleted) once their grace is over; when they are too many, none is and the run awaits a
     * person's confirmation. A run that skipped a page ({@link #pageSkipped}) is not complete: it
     * withdraws nothing and counts toward no grace.
     *
     * @return how many were withdrawn
     */
    public int complete() {
        if (partial) {
            var counts = counts(0, 0);
            runs.finish(runId, RunStatus.SUCCEEDED, seen, total, counts, null, clock.instant());
            LOG.info("Run {} of source {} succeeded with pages skipped: {} seen, {}", runId, sourceId, seen, counts);
            return 0;
        }
        var withdrawal = ingestion.completeRun(sourceId, runId, Set.copyOf(seenKeys));
        var status = withdrawal.needsConfirmation() ? RunStatus.TO_CONFIRM : RunStatus.SUCCEEDED;
        var counts = counts(withdrawal.withdrawn(), withdrawal.held());
        runs.finish(runId, status, seen, total, counts, withdrawal.reason(), clock.instant());
        LOG.info("Run {} of source {} ended {}: {} seen, {}", runId, sourceId, status, seen, counts);
        return withdrawal.withdrawn();
    }

    /** Ends a run that could not go on; what it took in stays, nothing is withdrawn. */
    public void fail(String reason) {
        runs.finish(runId, RunStatus.FAILED, seen, total, counts(0, 0), reason, clock.instant());
        LOG.warn("Run {} of source {} failed: {}", runId, sourceId, reason);
    }

    private Counts counts(int withdrawn, int held) {
        return new Counts(added, updated, unchanged, withdrawn, failed, reconciled, held);
    }

    private void writeProgress() {
        runs.progress(runId, seen, total, counts(0, 0), clock.instant());
    }

    private void recordFailure(String sourceKey, String reason) {
        failed++;
        if (errorsKept < HarvestRun.MAX_ERRORS) {
            runs.addError(runId, ++errorsKept, new RecordError(sourceKey, reason));
        }
    }

    static String describe(IngestOutcome outcome) {
        List<FieldProblem> problems = outcome.problems();
        if (problems == null || problems.isEmpty()) {
            return "le catalogue a refusé la description, sans dire pourquoi";
        }
        return problems.stream().map(p -> p.field() + " : " + p.message()).collect(Collectors.joining(" ; "));
    }
}
