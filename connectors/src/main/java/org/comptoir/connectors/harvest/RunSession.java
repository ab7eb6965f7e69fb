package org.comptoir.connectors.harvest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.comptoir.catalog.CatalogException;
import org.comptoir.catalog.dataset.FieldProblem;
import org.comptoir.catalog.ingest.CatalogIngestion;
import org.comptoir.catalog.ingest.HarvestedRecord;
import org.comptoir.catalog.ingest.IngestOutcome;
import org.comptoir.catalog.ingest.IngestResult;
import org.comptoir.catalog.ingest.IngestRun;
import org.comptoir.connectors.fetch.RecordRefusedException;
import org.comptoir.connectors.source.Credentials;
import org.comptoir.connectors.source.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionOperations;

/**
 * One run as a route template drives it: before each fetch, {@link #nextFetch(String)} saves the
 * checkpoint of the pages read so far and says whether to go on (a cancellation, a limit or a node
 * stopping end the run there); pages are announced with {@link #startPage(String)}, each record
 * goes through {@link #accept(HarvestedRecord)} into the catalogue, and the run ends with {@link
 * #complete()} or {@link #fail(String)}. A session opened on an interrupted run starts from its
 * checkpoint: the page it was about to read, the records it had taken in and their counts. Not
 * thread-safe: one exchange drives one session.
 */
public final class RunSession {
    private static final Logger LOG = LoggerFactory.getLogger(RunSession.class);
    private static final int PROGRESS_EVERY = 25;
    /**
     * Records handed to the catalogue at once ({@link CatalogIngestion#ingestAll}), each batch in one
     * transaction. 50 rather than 200, measured on the harvest bench (20,000-dataset N-Triples dump:
     * first harvest 386 → 421 datasets/s, unchanged re-harvest 2,362 → 3,140/s): smaller transactions
     * keep H2's chunks nearer the 4 MiB up to which it reuses its write buffers (docs/benchmarks.md).
     */
    static final int BATCH = 50;

    private final HarvestRuns.Claim claim;
    private final Source source;
    private final Credentials credentials;
    private final CredentialHeaders headers;
    private final Instant startedAt;
    private final HarvestRuns runs;
    private final CatalogIngestion ingestion;
    private final TransactionOperations transactions;
    private final HarvestProperties properties;
    private final Clock clock;
    private final BooleanSupplier nodeStopping;
    private final Set<String> visited = new HashSet<>();
    private final Map<String, IngestOutcome.Kind> taken;
    private final IngestRun ingestRun;
    private final List<HarvestRuns.Taken> pendingTaken = new ArrayList<>();
    private final List<RecordError> pendingErrors = new ArrayList<>();
    private final List<HarvestedRecord> batch = new ArrayList<>();
    private final Set<String> batchKeys = new HashSet<>();
    private String resumeUrl;
    private String currentUrl;
    private Long total;
    private int pages;
    private int added;
    private int updated;
    private int unchanged;
    private int failed;
    private int reconciled;
    private int errorsKept;
    private boolean truncated;
    private boolean partial;
    private boolean lost;
    private long lastFetchNanos;
    private boolean fetched;

    RunSession(
            HarvestRuns.Claim claim,
            Source source,
            Credentials credentials,
            CredentialHeaders headers,
            Instant startedAt,
            HarvestRuns.Checkpoint checkpoint,
            HarvestRuns runs,
            CatalogIngestion ingestion,
            TransactionOperations transactions,
            HarvestProperties properties,
            Clock clock,
            BooleanSupplier nodeStopping) {
        this.claim = claim;
        this.source = source;
        this.credentials = credentials;
        this.headers = headers;
        this.startedAt = startedAt;
        this.runs = runs;
        this.ingestion = ingestion;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.nodeStopping = nodeStopping;
        this.taken = new LinkedHashMap<>(checkpoint.keys());
        this.ingestRun = new IngestRun(source.id(), claim.runId(), taken::containsKey);
        this.resumeUrl = checkpoint.nextUrl();
        this.pages = checkpoint.pages();
        this.total = checkpoint.total();
        this.errorsKept = checkpoint.errorsKept();
        for (var outcome : taken.values()) {
            count(outcome);
        }
        if (resumeUrl != null) {
            LOG.info(
                    "Run {} of source {} resumes at {} after {} records (attempt {})",
                    claim.runId(),
                    source.id(),
                    resumeUrl,
                    taken.size(),
                    claim.attempt());
        }
    }

    public String runId() {
        return claim.runId();
    }

    public String sourceId() {
        return source.id();
    }

    /** How many records a page should hold, for kinds whose source lets the client choose. */
    public int pageSize() {
        return source.politeness().effectivePageSize();
    }

    /** The page being read, or null before the first one. */
    public String currentUrl() {
        return currentUrl;
    }

    /**
     * Called before each fetch, at a page boundary: saves the checkpoint of what the run took in so
     * far, then tells which page to fetch. A resumed run fetches its checkpoint's page instead of the
     * source's first one.
     *
     * @param url the page the route means to fetch
     * @return the page to fetch, or null when the run ends here: cancelled, past one of its limits
     *     (what it took in stays, nothing is withdrawn), or handed over to another node
     */
    public String nextFetch(String url) {
        if (lost || nodeStopping.getAsBoolean()) {
            // a stopping node saves nothing more: the page it was reading may have been cut short
            lost = true;
            return null;
        }
        if (resumeUrl != null) {
            url = resumeUrl;
            resumeUrl = null;
        } else if (fetched) {
            checkpoint(url);
            if (lost) {
                return null;
            }
        }
        var cancelledBy = runs.cancelRequestedBy(claim.runId());
        if (cancelledBy != null) {
            end(RunStatus.CANCELLED, "récolte annulée par " + cancelledBy + " ; rien n'a été retiré");
            return null;
        }
        var limit = limitReached();
        if (limit != null) {
            end(RunStatus.FAILED, limit);
            return null;
        }
        fetched = true;
        return url;
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
        if (pages >= properties.maxPages()) {
            throw new HarvestAbortedException("la source a plus de " + properties.maxPages()
                    + " pages (limite comptoir.harvest.max-pages) : récolte arrêtée avant " + url
                    + ", sans retirer de jeu de données");
        }
        currentUrl = url;
    }

    /** The headers that prove Comptoir's identity to the source (none for a public source). */
    public Map<String, String> credentialHeaders() {
        return headers.of(credentials);
    }

    /** Waits, if needed, so that the source gets no more than its maximum requests per second. */
    public void awaitTurn() {
        var rate = source.politeness().maxRequestsPerSecond();
        if (rate != null && lastFetchNanos != 0) {
            long interval = (long) (1_000_000_000L / rate);
            long wait = lastFetchNanos + interval - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(Duration.ofNanos(wait));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        lastFetchNanos = System.nanoTime();
    }

    /** How many records the source says it holds, when it says so. */
    public void sourceTotal(Long count) {
        if (count != null && count >= 0) {
            total = count;
        }
    }

    /**
     * Takes one record into the catalogue, with the source's defaults for what it does not say. A
     * record that fails is counted and reported with its key; it never stops the run. A record met
     * twice in one run (or again after a resume) is taken once. Past the source's maximum number of
     * records, records are left and the run stops at the next page boundary. Records go to the
     * catalogue by batches ({@link #BATCH}), and all those accepted so far at the end of each page.
     */
    public void accept(HarvestedRecord record) {
        if (lost
                || nodeStopping.getAsBoolean()
                || taken.containsKey(record.sourceKey())
                || batchKeys.contains(record.sourceKey())) {
            return;
        }
        var max = source.limits().maxRecords();
        if (max != null && taken.size() + batch.size() >= max) {
            truncated = true;
            return;
        }
        batch.add(record);
        batchKeys.add(record.sourceKey());
        if (batch.size() >= BATCH) {
            flush();
        }
    }

    /** Takes the records accepted so far into the catalogue, in one batch. */
    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        var records = List.copyOf(batch);
        batch.clear();
        batchKeys.clear();
        if (lost || nodeStopping.getAsBoolean()) {
            return;
        }
        var governance = source.defaults().governance();
        List<IngestResult> results;
        try {
            results = ingestion.ingestAll(ingestRun, records, governance);
        } catch (RuntimeException e) {
            // the batch could not even be looked up: each record alone
            LOG.warn("Run {}: a batch of {} records could not be taken in at once", claim.runId(), records.size(), e);
            results = records.stream()
                    .map(record -> {
                        try {
                            return new IngestResult(
                                    record.sourceKey(), ingestion.ingest(ingestRun, record, governance), null);
                        } catch (RuntimeException failure) {
                            return new IngestResult(record.sourceKey(), null, failure);
                        }
                    })
                    .toList();
        }
        int before = taken.size();
        for (var result : results) {
            var outcome = IngestOutcome.Kind.FAILED;
            if (result.failure() != null) {
                recordFailure(result.sourceKey(), describe(result.sourceKey(), result.failure()));
            } else {
                outcome = result.outcome().kind();
                if (outcome == IngestOutcome.Kind.FAILED) {
                    recordFailure(result.sourceKey(), describe(result.outcome()));
                }
            }
            taken.put(result.sourceKey(), outcome);
            pendingTaken.add(new HarvestRuns.Taken(result.sourceKey(), outcome));
            count(outcome);
        }
        if (taken.size() / PROGRESS_EVERY != before / PROGRESS_EVERY) {
            writeProgress();
        }
    }

    private String describe(String sourceKey, RuntimeException e) {
        if (e instanceof DataAccessException) {
            LOG.warn("Run {}: record {} could not be stored", claim.runId(), sourceKey, e);
            return "le jeu de données n'a pas pu être enregistré (erreur de la base de données) ; "
                    + "voir le journal du serveur";
        }
        if (e instanceof CatalogException || e instanceof RecordRefusedException) {
            return e.getMessage();
        }
        LOG.warn("Run {}: record {} could not be read", claim.runId(), sourceKey, e);
        return "la description n'a pas pu être lue (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " : " + e.getMessage()) + ")";
    }

    /**
     * Reports a record refused before it reached the catalogue (beyond a per-record limit): counted
     * as failed, with its key, and not withdrawn since the source still has it.
     */
    public void refuse(String sourceKey, String reason) {
        if (lost || taken.containsKey(sourceKey) || batchKeys.contains(sourceKey)) {
            return;
        }
        taken.put(sourceKey, IngestOutcome.Kind.FAILED);
        pendingTaken.add(new HarvestRuns.Taken(sourceKey, IngestOutcome.Kind.FAILED));
        count(IngestOutcome.Kind.FAILED);
        recordFailure(sourceKey, reason);
    }

    /**
     * Reports a page the run stepped over because it could not be read: its URL and the reason are
     * shown as a failure, and the run is no longer complete, so {@link #complete()} withdraws nothing.
     */
    public void pageSkipped(String pageUrl, String reason) {
        partial = true;
        failed++;
        recordFailure(pageUrl, "page sautée : " + reason);
        LOG.warn("Run {} of source {} skipped page {}: {}", claim.runId(), source.id(), pageUrl, reason);
    }

    /** Ends a page: its progress becomes visible. */
    public void pageRead() {
        if (endPage()) {
            saveTaken();
        }
    }

    /**
     * Ends the run's last page, which {@link #complete()} follows at once. Its records are not
     * saved as a checkpoint: the run's end saves what it took, and a run resumed before its end
     * reads that page again, as after a crash in the middle of a page. A dump is one page: its
     * checkpoint would write every key of the run only for the end to delete them.
     */
    public void lastPageRead() {
        endPage();
    }

    private boolean endPage() {
        flush();
        if (lost || nodeStopping.getAsBoolean()) {
            lost = true;
            return false;
        }
        pages++;
        return true;
    }

    /**
     * Ends a run that read its source to the end: the source's datasets it did not see are withdrawn
     * (never deleted) once their grace is over; when they are too many, none is and the run awaits a
     * person's confirmation. A run cancelled during its last page, that left records past its limit,
     * or that skipped a page ({@link #pageSkipped}) is not complete: it withdraws nothing and counts
     * toward no grace.
     *
     * @return how many were withdrawn
     */
    public int complete() {
        flush();
        if (lost || nodeStopping.getAsBoolean()) {
            return 0;
        }
        var cancelledBy = runs.cancelRequestedBy(claim.runId());
        if (cancelledBy != null) {
            end(RunStatus.CANCELLED, "récolte annulée par " + cancelledBy + " ; rien n'a été retiré");
            return 0;
        }
        if (truncated) {
            end(RunStatus.FAILED, limitReached());
            return 0;
        }
        if (partial) {
            finish(RunStatus.SUCCEEDED, counts(), null);
            LOG.info(
                    "Run {} of source {} succeeded with pages skipped: {} seen, {}",
                    claim.runId(),
                    source.id(),
                    taken.size(),
                    counts());
            return 0;
        }
        var withdrawal = ingestion.completeRun(source.id(), claim.runId(), Set.copyOf(taken.keySet()));
        var status = withdrawal.needsConfirmation() ? RunStatus.TO_CONFIRM : RunStatus.SUCCEEDED;
        var counts =
                new Counts(added, updated, unchanged, withdrawal.withdrawn(), failed, reconciled, withdrawal.held());
        finish(status, counts, withdrawal.reason());
        LOG.info("Run {} of source {} ended {}: {} seen, {}", claim.runId(), source.id(), status, taken.size(), counts);
        return withdrawal.withdrawn();
    }

    /**
     * Ends a run that could not go on; what it took in stays, nothing is withdrawn. A run whose node
     * is stopping is left to resume instead.
     */
    public void fail(String reason) {
        flush();
        if (lost || nodeStopping.getAsBoolean()) {
            return;
        }
        finish(RunStatus.FAILED, counts(), reason);
        LOG.warn("Run {} of source {} failed: {}", claim.runId(), source.id(), reason);
    }

    private String limitReached() {
        var limits = source.limits();
        if (truncated) {
            return "la récolte a atteint sa limite de " + limits.maxRecords()
                    + " jeux de données (réglage de la source) : arrêtée après " + pages
                    + " pages, rien n'a été retiré";
        }
        if (limits.maxDuration() != null
                && Duration.between(startedAt, clock.instant()).compareTo(limits.maxDuration()) > 0) {
            return "la récolte a dépassé sa durée maximale (" + minutes(limits.maxDuration())
                    + ", réglage de la source) : arrêtée après " + pages + " pages, rien n'a été retiré";
        }
        return null;
    }

    private void end(RunStatus status, String reason) {
        finish(status, counts(), reason);
        LOG.info("Run {} of source {} ended {}: {}", claim.runId(), source.id(), status, reason);
    }

    private void finish(RunStatus status, Counts counts, String reason) {
        var ended = Boolean.TRUE.equals(transactions.execute(tx -> {
            writeErrors();
            return runs.finish(claim, status, taken.size(), total, pages, counts, reason, clock.instant());
        }));
        if (!ended) {
            lost = true;
            return;
        }
        pendingTaken.clear();
        runs.prune(source.id(), properties.history());
    }

    /** Saves, with the run's progress, the records and errors of the page just read. */
    private void saveTaken() {
        var saved = Boolean.TRUE.equals(transactions.execute(tx -> {
            if (!runs.progress(claim, taken.size(), total, pages, currentUrl, counts(), clock.instant())) {
                return false;
            }
            int firstSeq = taken.size() - pendingTaken.size() + 1;
            runs.checkpoint(claim, null, firstSeq, pendingTaken, errorsKept - pendingErrors.size() + 1, pendingErrors);
            return true;
        }));
        if (saved) {
            pendingTaken.clear();
            pendingErrors.clear();
        } else {
            lost = true;
        }
    }

    /** Saves where the run goes on: the page it is about to fetch. */
    private void checkpoint(String nextUrl) {
        if (!runs.moveOn(claim, nextUrl)) {
            lost = true;
        }
    }

    private void writeErrors() {
        int seq = errorsKept - pendingErrors.size() + 1;
        for (var error : pendingErrors) {
            runs.addError(claim.runId(), seq++, error);
        }
        pendingErrors.clear();
    }

    private void count(IngestOutcome.Kind outcome) {
        switch (outcome) {
            case ADDED -> added++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
            case RECONCILED -> reconciled++;
            case FAILED -> failed++;
        }
    }

    private Counts counts() {
        return new Counts(added, updated, unchanged, 0, failed, reconciled, 0);
    }

    private void writeProgress() {
        if (!runs.progress(claim, taken.size(), total, pages, currentUrl, counts(), clock.instant())) {
            lost = true;
        }
    }

    private void recordFailure(String sourceKey, String reason) {
        if (errorsKept < HarvestRun.MAX_ERRORS) {
            errorsKept++;
            pendingErrors.add(new RecordError(sourceKey, reason));
        }
    }

    private static String minutes(Duration duration) {
        return duration.toMinutes() >= 1 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }

    static String describe(IngestOutcome outcome) {
        List<FieldProblem> problems = outcome.problems();
        if (problems == null || problems.isEmpty()) {
            return "le catalogue a refusé la description, sans dire pourquoi";
        }
        return problems.stream().map(p -> p.field() + " : " + p.message()).collect(Collectors.joining(" ; "));
    }
}
