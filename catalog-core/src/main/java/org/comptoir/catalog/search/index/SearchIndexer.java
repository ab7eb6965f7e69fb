package org.comptoir.catalog.search.index;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.comptoir.catalog.dataset.Dataset;
import org.comptoir.catalog.dataset.Datasets;
import org.comptoir.catalog.search.SearchDocument;
import org.comptoir.catalog.search.SearchDocuments;
import org.comptoir.catalog.search.SearchIndex;
import org.comptoir.catalog.search.SourceLabels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps a search index following the store, on this node: a background worker polls the {@link
 * SearchOutbox}, reads the changed datasets from the store, indexes them (or removes those that
 * are gone) and commits the index together with the outbox position it now reflects.
 *
 * <p>Positions may commit out of order: a position missing below one already read is a gap that
 * is asked for again at every poll until it shows up or is older than the gap timeout (a
 * rolled-back transaction never fills it). The position the index records is the one below the
 * oldest open gap, so a restart reads again what might still come. Indexing is idempotent and
 * version-guarded, so reading a change twice is harmless. A failed poll changes nothing and is
 * retried, backing off. See ADR "search outbox".
 */
public class SearchIndexer implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    /** Most gaps followed at once; beyond, the oldest are given up (the consistency check shows them). */
    static final int MAX_GAPS = 10_000;

    /** Datasets from which documents are built on every core. */
    private static final int PARALLEL_DOCUMENTS = 64;

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

    private final SearchOutbox outbox;
    private final Datasets datasets;
    private final SearchIndex index;
    private final SourceLabels labels;
    private final Settings settings;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();

    /** The highest position read and applied. */
    private volatile long cursor;
    /** Polls that went through, so that a waiter knows one started after it began waiting. */
    private volatile long polls;
    /** Positions below {@link #cursor} not seen yet, with when they were first missed. */
    private final TreeMap<Long, Instant> gaps = new TreeMap<>();

    private boolean resumed;
    private long committed = -1;
    private Instant lastPrune = Instant.EPOCH;
    private int failures;
    private volatile ScheduledExecutorService worker;

    /**
     * @param pollInterval how long the worker waits between two polls
     * @param batchSize most changes read in one poll, and datasets indexed in one batch of a rebuild
     * @param gapTimeout how long a missing position is waited for
     * @param retention how long changes are kept in the outbox; a node away for longer rebuilds
     */
    public record Settings(Duration pollInterval, int batchSize, Duration gapTimeout, Duration retention) {
        public Settings {
            if (pollInterval.isNegative() || pollInterval.isZero()) {
                throw new IllegalArgumentException("pollInterval must be positive");
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1");
            }
        }
    }

    public SearchIndexer(
            SearchOutbox outbox,
            Datasets datasets,
            SearchIndex index,
            SourceLabels labels,
            Settings settings,
            Clock clock) {
        this.outbox = outbox;
        this.datasets = datasets;
        this.index = index;
        this.labels = labels;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts following the outbox on a background thread, catching up first. */
    @Override
    public void start() {
        var thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var t = new Thread(runnable, "comptoir-search-indexer");
            t.setDaemon(true);
            return t;
        });
        worker = thread;
        thread.execute(this::tick);
    }

    @Override
    public void stop() {
        var thread = worker;
        worker = null;
        if (thread != null) {
            thread.shutdownNow();
            try {
                thread.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    private void tick() {
        var thread = worker;
        if (thread == null) {
            return;
        }
        try {
            poll();
            if (failures > 0) {
                log.info("Search indexing works again after {} failed attempt(s)", failures);
            }
            failures = 0;
        } catch (RuntimeException e) {
            failures++;
            if (failures == 1) {
                log.warn("Search indexing failed; retrying in the background: {}", e.toString());
            } else {
                log.debug("Search indexing failed again ({} times)", failures, e);
            }
        }
        var delay = failures == 0
                ? settings.pollInterval()
                : settings.pollInterval().multipliedBy(1L << Math.min(failures, 10));
        if (delay.compareTo(MAX_BACKOFF) > 0) {
            delay = MAX_BACKOFF;
        }
        try {
            thread.schedule(this::tick, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // stopping
        }
    }

    /**
     * Applies to the index what committed in the outbox since the last poll, catching up or
     * rebuilding first when this is the first poll.
     *
     * @return how many changes were applied
     * @throws RuntimeException when the store or the engine fails; nothing is lost, the next poll
     *     does it again
     */
    public int poll() {
        lock.lock();
        try {
            return pollLocked();
        } catch (RuntimeException e) {
            // start again from what the index committed: what this poll did may be half done
            resumed = false;
            throw e;
        } finally {
            lock.unlock();
        }
    }

    private int pollLocked() {
        if (!resumed) {
            resume();
        }
        var now = clock.instant();
        var fresh = outbox.after(cursor, settings.batchSize());
        var late = gaps.isEmpty() ? List.<SearchOutbox.Change>of() : outbox.at(gaps.keySet());
        var changed = new LinkedHashSet<String>();
        late.forEach(c -> changed.add(c.datasetId()));
        fresh.forEach(c -> changed.add(c.datasetId()));
        apply(changed);
        late.forEach(c -> gaps.remove(c.position()));
        long previous = cursor;
        for (var change : fresh) {
            for (long p = Math.max(previous + 1, change.position() - MAX_GAPS); p < change.position(); p++) {
                gaps.put(p, now);
            }
            previous = change.position();
        }
        cursor = previous;
        var expired = now.minus(settings.gapTimeout());
        gaps.values().removeIf(firstMissed -> firstMissed.isBefore(expired));
        while (gaps.size() > MAX_GAPS) {
            gaps.pollFirstEntry();
        }
        long safe = gaps.isEmpty() ? cursor : gaps.firstKey() - 1;
        if (!changed.isEmpty() || safe != committed) {
            index.commit(safe);
            committed = safe;
        }
        pruneNowAndThen(now);
        polls++;
        return fresh.size() + late.size();
    }

    /** Where to start: the index's own position, or a rebuild when it is new or missed changes. */
    private void resume() {
        long applied = index.appliedChange();
        long earliest = outbox.earliest();
        if (applied == 0 && datasets.count() > 0) {
            log.info("The search index is empty and the catalogue is not: rebuilding it");
            rebuildLocked();
        } else if (applied > 0 && earliest > applied + 1) {
            log.info("The search index is at change {} but the outbox starts at {}: rebuilding it", applied, earliest);
            rebuildLocked();
        } else {
            cursor = applied;
            gaps.clear();
            committed = applied;
        }
        resumed = true;
    }

    /**
     * Waits until the index reflects every change committed before this call: the background
     * worker has read past the latest position and gone through a whole poll since, which looked
     * again for the positions that commit late. A position that never commits does not hold it up.
     *
     * @return false when it did not within the timeout
     */
    public boolean awaitCaughtUp(Duration timeout) {
        long target = outbox.latest();
        long since = polls;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (cursor < target || polls < since + 2) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * Rebuilds the index from the store: empties it, indexes every dataset in batches, and commits.
     * Changes that commit meanwhile are applied by the next polls.
     */
    public Rebuilt rebuild() {
        lock.lock();
        try {
            var rebuilt = rebuildLocked();
            resumed = true;
            return rebuilt;
        } finally {
            lock.unlock();
        }
    }

    private Rebuilt rebuildLocked() {
        var started = clock.instant();
        long begin = System.nanoTime();
        // changes of the last gap timeout are read again afterwards: some may commit late
        long from = outbox.firstSince(started.minus(settings.gapTimeout())) - 1;
        index.clear();
        long count = 0;
        // the next batch is read and turned into documents while the engine indexes this one
        var next = CompletableFuture.supplyAsync(() -> batchAfter(""));
        while (true) {
            var batch = next.join();
            if (batch.isEmpty()) {
                break;
            }
            var last = batch.getLast().id();
            next = CompletableFuture.supplyAsync(() -> batchAfter(last));
            index.upsert(batch);
            count += batch.size();
        }
        index.commit(from);
        cursor = from;
        gaps.clear();
        committed = from;
        var took = Duration.ofNanos(System.nanoTime() - begin);
        log.info("Search index rebuilt: {} datasets in {} ms", count, took.toMillis());
        return new Rebuilt(count, took);
    }

    /** Compares the store with the index: what is missing, stale, or left over. */
    public Consistency consistency() {
        var store = datasets.versions();
        var indexed = index.indexedVersions();
        var missing = new TreeSet<String>();
        var stale = new TreeSet<String>();
        store.forEach((id, version) -> {
            var indexedVersion = indexed.get(id);
            if (indexedVersion == null) {
                missing.add(id);
            } else if (indexedVersion < version) {
                stale.add(id);
            }
        });
        var orphans = new TreeSet<>(indexed.keySet());
        orphans.removeAll(store.keySet());
        return new Consistency(
                store.size(), indexed.size(), missing, stale, orphans, index.appliedChange(), outbox.latest());
    }

    private void apply(java.util.Collection<String> datasetIds) {
        if (datasetIds.isEmpty()) {
            return;
        }
        var found = datasets.projected(List.copyOf(datasetIds));
        var gone = new HashSet<>(datasetIds);
        found.forEach(d -> gone.remove(d.id()));
        if (!found.isEmpty()) {
            index.upsert(documents(found));
        }
        if (!gone.isEmpty()) {
            index.delete(gone);
        }
    }

    private List<SearchDocument> batchAfter(String datasetId) {
        // decoded from the projections stored with the rows: no RDF is parsed
        return documents(datasets.projectedAfter(datasetId, settings.batchSize()));
    }

    private List<SearchDocument> documents(List<Dataset> found) {
        return (found.size() >= PARALLEL_DOCUMENTS ? found.parallelStream() : found.stream())
                .map(d -> SearchDocuments.of(d, labels))
                .toList();
    }

    private void pruneNowAndThen(Instant now) {
        if (Duration.between(lastPrune, now).compareTo(PRUNE_EVERY) < 0) {
            return;
        }
        lastPrune = now;
        int pruned = outbox.prune(now.minus(settings.retention()));
        if (pruned > 0) {
            log.debug("Pruned {} search outbox rows", pruned);
        }
    }

    /**
     * What a rebuild did.
     *
     * @param datasets how many datasets were indexed
     */
    public record Rebuilt(long datasets, Duration took) {}

    /**
     * The store compared with the index. A change still on its way to the index shows as missing
     * or stale for the moment it takes: compare {@code appliedChange} with {@code latestChange}.
     *
     * @param missing datasets of the store absent from the index
     * @param stale datasets indexed at an older version than the store's
     * @param orphans documents of datasets the store no longer has
     * @param appliedChange the outbox position the index reflects
     * @param latestChange the last position in the outbox
     */
    public record Consistency(
            long stored,
            long indexed,
            java.util.SortedSet<String> missing,
            java.util.SortedSet<String> stale,
            java.util.SortedSet<String> orphans,
            long appliedChange,
            long latestChange) {
        public boolean consistent() {
            return missing.isEmpty() && stale.isEmpty() && orphans.isEmpty();
        }
    }
}
