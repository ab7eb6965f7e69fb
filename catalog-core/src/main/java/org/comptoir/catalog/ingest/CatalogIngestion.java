package org.comptoir.catalog.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.comptoir.catalog.dataset.Dataset;
import org.comptoir.catalog.dataset.DatasetChanged;
import org.comptoir.catalog.dataset.DatasetIds;
import org.comptoir.catalog.dataset.Datasets;
import org.comptoir.catalog.dataset.Deflated;
import org.comptoir.catalog.dataset.DescriptionCheck;
import org.comptoir.catalog.dataset.FieldProblem;
import org.comptoir.catalog.dataset.Governance;
import org.comptoir.catalog.dataset.InvalidDatasetException;
import org.comptoir.catalog.dataset.Provenance;
import org.comptoir.catalog.dataset.PublicationStatus;
import org.comptoir.catalog.dataset.StaleDatasetException;
import org.comptoir.catalog.dataset.StoredDataset;
import org.comptoir.catalog.rdf.DatasetGraphs;
import org.comptoir.catalog.rdf.DatasetRdf;
import org.comptoir.catalog.rdf.LocalIris;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The catalogue's door for harvests. A record whose content hash is unchanged is skipped without
 * a write; a new one is added; a changed one is updated, keeping what people decided in Comptoir
 * (owner, classification) where the source says nothing; an invalid one fails alone, with reasons.
 * A record whose key is new but whose landing page, distribution URL or identifier names one
 * dataset of the source is that dataset under a new key: it is reconciled, not duplicated. At the
 * end of a complete run, what the source stopped listing is withdrawn by {@link HarvestWithdrawals}.
 */
public class CatalogIngestion {
    private static final int ATTEMPTS = 3;

    private final Datasets datasets;
    private final DatasetIdentities identities;
    private final IdentityReconciliation reconciliation;
    private final HarvestWithdrawals withdrawals;
    private final TransactionOperations transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public CatalogIngestion(
            Datasets datasets,
            DatasetIdentities identities,
            HarvestWithdrawals withdrawals,
            TransactionOperations transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.datasets = datasets;
        this.identities = identities;
        this.reconciliation = new IdentityReconciliation(datasets, identities);
        this.withdrawals = withdrawals;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param defaults governance given to a dataset the source says nothing about (for a new one)
     */
    public IngestOutcome ingest(IngestRun run, HarvestedRecord record, Governance defaults) {
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(run, record, defaults);
            } catch (ConcurrencyFailureException | StaleDatasetException e) {
                // a deadlock victim, or a concurrent change of the same dataset: read again and redo
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Takes in a batch of records, in order, with the outcomes, events, identity decisions and
     * failures {@link #ingest} would give each one after the other, but at a fraction of the cost:
     * the fingerprints of the whole batch are read in one query and an unchanged record is skipped
     * without parsing what is stored nor writing anything; the descriptions of the others are
     * mapped and validated on every core; the new and changed ones are written in one transaction,
     * new rows several per statement. A record that fails validation fails alone. A record that
     * needs to be looked at with what came before it written (one whose identity keys name a
     * dataset of the source, one whose dataset a harvest withdrew, a key met twice) goes through
     * {@link #ingest} alone, the records before it written first; and when the batch's transaction
     * fails (a concurrent change, a database error), each of its records is taken in again alone,
     * so that a failure stays the record's own.
     *
     * @param run the run; {@link IngestRun#seenInRun()} tells the records taken in before this batch
     * @return one result per record, in the records' order
     */
    public List<IngestResult> ingestAll(IngestRun run, List<HarvestedRecord> records, Governance defaults) {
        var hashes = records.parallelStream()
                .map(record -> {
                    try {
                        return fingerprint(record);
                    } catch (RuntimeException e) {
                        return null; // ingest alone says what is wrong
                    }
                })
                .toList();
        var results = new IngestResult[records.size()];
        int from = 0;
        while (from < records.size()) {
            from = segment(run, records, hashes, from, defaults, results);
        }
        return List.of(results);
    }

    /** What a record of a batch needs. */
    private enum Plan {
        UNCHANGED,
        NEW,
        CHANGED,
        ALONE
    }

    /** A record of a batch mapped and checked, ready to be written (or failed). */
    private record Prepared(
            int index,
            Plan plan,
            HarvestedRecord record,
            String hash,
            StoredDataset existing,
            Dataset dataset,
            Deflated stored,
            Deflated payload,
            byte[] projection,
            Map<String, IdentityKey> keys,
            Instant now,
            List<FieldProblem> problems,
            RuntimeException error) {}

    /**
     * Takes in records from {@code from} on, until one that must go alone (taken in too) or the
     * end; returns where to go on.
     */
    private int segment(
            IngestRun run,
            List<HarvestedRecord> records,
            List<String> hashes,
            int from,
            Governance defaults,
            IngestResult[] results) {
        var rest = records.subList(from, records.size());
        var prints = datasets.fingerprints(
                run.sourceId(), rest.stream().map(HarvestedRecord::sourceKey).toList());
        var plans = new Plan[rest.size()];
        var keys = new HashSet<String>();
        var toRead = new ArrayList<String>();
        for (int i = 0; i < rest.size(); i++) {
            var record = rest.get(i);
            var hash = hashes.get(from + i);
            var print = prints.get(record.sourceKey());
            if (hash == null || !keys.add(record.sourceKey())) {
                plans[i] = Plan.ALONE;
            } else if (print == null) {
                plans[i] = Plan.NEW;
            } else if (print.status() == PublicationStatus.WITHDRAWN) {
                plans[i] = Plan.ALONE;
            } else if (hash.equals(print.contentHash())) {
                plans[i] = Plan.UNCHANGED;
            } else {
                plans[i] = Plan.CHANGED;
                toRead.add(print.datasetId());
            }
        }
        var existing = new HashMap<String, StoredDataset>();
        datasets.findAll(toRead).forEach(stored -> existing.put(stored.dataset().id(), stored));
        var prepared = IntStream.range(0, rest.size())
                .parallel()
                .mapToObj(i -> switch (plans[i]) {
                    case NEW ->
                        prepare(run.sourceId(), from + i, Plan.NEW, rest.get(i), hashes.get(from + i), null, defaults);
                    case CHANGED -> {
                        var stored =
                                existing.get(prints.get(rest.get(i).sourceKey()).datasetId());
                        yield stored == null
                                ? null
                                : prepare(
                                        run.sourceId(),
                                        from + i,
                                        Plan.CHANGED,
                                        rest.get(i),
                                        hashes.get(from + i),
                                        stored,
                                        defaults);
                    }
                    default -> null;
                })
                .toList();
        var newKeys = new HashSet<String>();
        prepared.stream()
                .filter(p -> p != null && p.plan() == Plan.NEW && p.keys() != null)
                .forEach(p -> newKeys.addAll(p.keys().keySet()));
        var holders = identities.holders(run.sourceId(), newKeys);
        var pending = new ArrayList<Prepared>();
        var pendingKeys = new HashSet<String>();
        for (int i = 0; i < rest.size(); i++) {
            int index = from + i;
            var record = rest.get(i);
            var p = prepared.get(i);
            var plan = plans[i];
            if ((plan == Plan.NEW || plan == Plan.CHANGED) && p == null) {
                plan = Plan.ALONE; // changed meanwhile: read it again
            }
            if (plan == Plan.NEW
                    && p.keys() != null
                    && p.keys().keySet().stream().anyMatch(k -> holders.containsKey(k) || pendingKeys.contains(k))) {
                plan = Plan.ALONE; // its keys may name a dataset: reconcile it as ingest does
            }
            switch (plan) {
                case UNCHANGED ->
                    results[index] = new IngestResult(
                            record.sourceKey(),
                            new IngestOutcome(
                                    IngestOutcome.Kind.UNCHANGED,
                                    prints.get(record.sourceKey()).datasetId(),
                                    List.of()),
                            null);
                case ALONE -> {
                    flush(run, records, pending, defaults, results);
                    results[index] = alone(run, records, index, defaults);
                    return index + 1;
                }
                default -> {
                    if (p.error() != null) {
                        results[index] = new IngestResult(record.sourceKey(), null, p.error());
                    } else if (!p.problems().isEmpty()) {
                        results[index] = new IngestResult(record.sourceKey(), IngestOutcome.failed(p.problems()), null);
                    } else {
                        pending.add(p);
                        pendingKeys.addAll(p.keys().keySet());
                    }
                }
            }
        }
        flush(run, records, pending, defaults, results);
        return records.size();
    }

    /** Maps and checks one record of a batch, as {@link #attempt} does, on any thread. */
    private Prepared prepare(
            String sourceId,
            int index,
            Plan plan,
            HarvestedRecord record,
            String hash,
            StoredDataset existing,
            Governance defaults) {
        try {
            var now = clock.instant();
            var built = build(
                    record,
                    existing == null ? DatasetIds.next() : existing.dataset().id());
            var dataset = dataset(sourceId, record, built, existing, null, defaults, now);
            var description = DatasetRdf.describe(dataset, built.graph());
            var problems = DescriptionCheck.problems(description, built.node());
            var ready = problems.isEmpty();
            // deflated here, on every core, rather than in the transaction that writes them
            var stored = ready ? Deflated.of(DatasetGraphs.toNTriples(description)) : null;
            var payload = ready && record.rawPayload() != null ? Deflated.of(record.rawPayload()) : null;
            var projection = ready ? Datasets.projection(dataset.id(), description) : null;
            return new Prepared(
                    index,
                    plan,
                    record,
                    hash,
                    existing,
                    dataset,
                    stored,
                    payload,
                    projection,
                    built.keys(),
                    now,
                    problems,
                    null);
        } catch (RuntimeException e) {
            return new Prepared(index, plan, record, hash, existing, null, null, null, null, null, null, List.of(), e);
        }
    }

    /**
     * Writes the prepared records in one transaction; when it fails, takes each in again alone.
     */
    private void flush(
            IngestRun run,
            List<HarvestedRecord> records,
            List<Prepared> pending,
            Governance defaults,
            IngestResult[] results) {
        if (pending.isEmpty()) {
            return;
        }
        try {
            transactions.executeWithoutResult(status -> write(run, pending));
            for (var p : pending) {
                var kind = p.plan() == Plan.NEW ? IngestOutcome.Kind.ADDED : IngestOutcome.Kind.UPDATED;
                results[p.index()] = new IngestResult(
                        p.record().sourceKey(),
                        new IngestOutcome(kind, p.dataset().id(), List.of()),
                        null);
            }
        } catch (RuntimeException e) {
            // a concurrent change or a record the store refuses: each record alone, as ingest would
            for (var p : pending) {
                results[p.index()] = alone(run, records, p.index(), defaults);
            }
        }
        pending.clear();
    }

    private void write(IngestRun run, List<Prepared> pending) {
        var sourceId = run.sourceId();
        var rows = new ArrayList<Datasets.NewRow>();
        var payloads = new ArrayList<Datasets.ReceivedPayload>();
        var newKeys = new LinkedHashMap<String, Map<String, IdentityKey>>();
        for (var p : pending) {
            if (p.plan() == Plan.NEW) {
                rows.add(new Datasets.NewRow(p.dataset(), p.stored(), p.hash(), p.projection()));
                newKeys.put(p.dataset().id(), p.keys());
            }
        }
        datasets.insertAll(rows);
        identities.addAll(sourceId, newKeys);
        for (var p : pending) {
            var id = p.dataset().id();
            if (p.plan() != Plan.NEW) {
                var previous = p.existing().dataset().version();
                if (!datasets.update(p.dataset(), p.stored(), p.hash(), previous, p.projection())) {
                    throw new StaleDatasetException(id, previous, previous + 1);
                }
                identities.replace(id, sourceId, p.keys(), true);
                withdrawals.present(id);
            }
            if (p.payload() != null) {
                payloads.add(
                        new Datasets.ReceivedPayload(id, p.now(), p.record().mediaType(), p.payload()));
            }
        }
        datasets.saveProvenanceAll(payloads);
        for (var p : pending) {
            events.publishEvent(new DatasetChanged(
                    p.dataset().id(),
                    p.dataset().version(),
                    p.plan() == Plan.NEW ? DatasetChanged.Change.CREATED : DatasetChanged.Change.UPDATED,
                    "harvest:" + sourceId));
        }
    }

    /** One record of a batch through {@link #ingest}, with the records before it as seen in the run. */
    private IngestResult alone(IngestRun run, List<HarvestedRecord> records, int index, Governance defaults) {
        var record = records.get(index);
        var before = new HashSet<String>();
        for (int i = 0; i < index; i++) {
            before.add(records.get(i).sourceKey());
        }
        var scope = new IngestRun(
                run.sourceId(),
                run.runId(),
                key -> before.contains(key) || run.seenInRun().test(key));
        try {
            return new IngestResult(record.sourceKey(), ingest(scope, record, defaults), null);
        } catch (RuntimeException e) {
            return new IngestResult(record.sourceKey(), null, e);
        }
    }

    /**
     * Ends a complete run of a source: the datasets it listed are present; those it did not are
     * withdrawn (never deleted) once their grace is over, or held for a person when they are too
     * many. (Datasets taken in before identity keys were kept get theirs at start-up: {@link
     * DatasetIdentityKeys}.)
     *
     * @param seenKeys the source keys of every record the run met
     */
    public WithdrawalOutcome completeRun(String sourceId, String runId, Set<String> seenKeys) {
        return withdrawals.afterCompleteRun(sourceId, runId, seenKeys);
    }

    private IngestOutcome attempt(IngestRun run, HarvestedRecord record, Governance defaults) {
        var sourceId = run.sourceId();
        var hash = fingerprint(record);
        var existing = datasets.findBySourceKey(sourceId, record.sourceKey()).orElse(null);
        var restore = existing == null ? null : statusToRestore(existing);
        if (existing != null && hash.equals(existing.contentHash()) && restore == null) {
            return new IngestOutcome(
                    IngestOutcome.Kind.UNCHANGED, existing.dataset().id(), List.of());
        }
        var built = build(
                record,
                existing == null ? DatasetIds.next() : existing.dataset().id());
        var ambiguous = List.<String>of();
        StoredDataset reconciled = null;
        if (existing == null) {
            var match = reconciliation.match(run, record.sourceKey(), built.keys());
            if (match.target() != null) {
                reconciled = existing = match.target();
                restore = statusToRestore(existing);
                built = build(record, existing.dataset().id());
            }
            ambiguous = match.ambiguous();
        }
        var id = built.id();
        var now = clock.instant();
        var dataset = dataset(sourceId, record, built, existing, restore, defaults, now);
        var version = dataset.version();
        var description = DatasetRdf.describe(dataset, built.graph());
        try {
            DescriptionCheck.check(description, built.node());
        } catch (InvalidDatasetException e) {
            return IngestOutcome.failed(e.problems());
        }
        var stored = DatasetGraphs.toNTriples(description);
        var previous = existing;
        var previousKey =
                reconciled == null ? null : reconciled.dataset().provenance().sourceKey();
        var candidates = ambiguous;
        var keys = built.keys();
        return transactions.execute(status -> {
            DatasetChanged.Change change;
            if (previous == null) {
                datasets.insert(dataset, stored, hash);
                identities.replace(id, sourceId, keys, false);
                if (!candidates.isEmpty()) {
                    identities.record(
                            run.runId(),
                            sourceId,
                            new IdentityDecision(
                                    IdentityDecision.Kind.AMBIGUOUS, id, null, record.sourceKey(), candidates, now));
                }
                change = DatasetChanged.Change.CREATED;
            } else {
                if (!datasets.update(dataset, stored, hash, previous.dataset().version())) {
                    throw new StaleDatasetException(
                            id, previous.dataset().version(), previous.dataset().version() + 1);
                }
                if (previousKey != null) {
                    datasets.rekey(id, record.sourceKey());
                    identities.record(
                            run.runId(),
                            sourceId,
                            new IdentityDecision(
                                    IdentityDecision.Kind.RECONCILED,
                                    id,
                                    previousKey,
                                    record.sourceKey(),
                                    List.of(),
                                    now));
                }
                identities.replace(id, sourceId, keys, true);
                withdrawals.present(id);
                change = DatasetChanged.Change.UPDATED;
            }
            if (record.rawPayload() != null) {
                datasets.saveProvenance(id, now, record.mediaType(), record.rawPayload());
            }
            events.publishEvent(new DatasetChanged(id, version, change, "harvest:" + sourceId));
            if (previous == null) {
                return new IngestOutcome(IngestOutcome.Kind.ADDED, id, List.of());
            }
            return previousKey == null
                    ? new IngestOutcome(IngestOutcome.Kind.UPDATED, id, List.of())
                    : new IngestOutcome(IngestOutcome.Kind.RECONCILED, id, List.of(), previousKey);
        });
    }

    /**
     * What the catalogue compares with the fingerprint it stored: the fingerprint of what the source
     * sent for a received record (so that an unchanged one is never mapped), else the hash of the
     * mapped description.
     */
    private static String fingerprint(HarvestedRecord record) {
        return record.isReceived() ? record.fingerprint() : DatasetGraphs.contentHash(record.description());
    }

    /** A record's description under the catalogue's IRIs for dataset {@code id}, and its identity keys. */
    private record Built(String id, Model graph, Resource node, DatasetRdf.Read read, Map<String, IdentityKey> keys) {}

    private static Built build(HarvestedRecord record, String id) {
        var node = LocalIris.dataset(id);
        var graph = ModelFactory.createModelSameTerm().add(record.description());
        DatasetGraphs.rename(record.dataset().inModel(graph), node);
        DatasetGraphs.nameDistributions(graph, node, id);
        var resource = graph.getResource(node.getURI());
        var read = DatasetRdf.read(resource);
        return new Built(id, graph, resource, read, IdentityKeys.of(read.description(), resource));
    }

    /** The dataset a record makes of {@code existing} (or of nothing, for a new one). */
    private static Dataset dataset(
            String sourceId,
            HarvestedRecord record,
            Built built,
            StoredDataset existing,
            PublicationStatus restore,
            Governance defaults,
            Instant now) {
        var read = built.read();
        var governance = read.governance(governanceBase(existing, restore, defaults));
        var provenance = existing == null
                ? new Provenance(sourceId, record.sourceKey(), now, now)
                : new Provenance(
                        sourceId,
                        record.sourceKey(),
                        existing.dataset().provenance().createdAt(),
                        now);
        var version = existing == null ? 1 : existing.dataset().version() + 1;
        return new Dataset(built.id(), version, read.kind(), read.description(), governance, provenance);
    }

    /** The status to give back to a dataset a harvest withdrew, or null (a person's withdrawal stands). */
    private PublicationStatus statusToRestore(StoredDataset existing) {
        if (existing.dataset().governance().status() != PublicationStatus.WITHDRAWN) {
            return null;
        }
        return withdrawals.statusToRestore(existing.dataset().id()).orElse(null);
    }

    /** For a dataset already known, what people decided stands unless the source says otherwise. */
    private static Governance governanceBase(StoredDataset existing, PublicationStatus restore, Governance defaults) {
        if (existing == null) {
            return defaults;
        }
        var current = existing.dataset().governance();
        return restore == null ? current : current.withStatus(restore);
    }
}
