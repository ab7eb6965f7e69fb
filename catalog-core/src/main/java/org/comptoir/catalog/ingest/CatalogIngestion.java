package org.comptoir.catalog.ingest;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.comptoir.catalog.dataset.Dataset;
import org.comptoir.catalog.dataset.DatasetChanged;
import org.comptoir.catalog.dataset.Datasets;
import org.comptoir.catalog.dataset.DescriptionCheck;
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
     * Ends a complete run of a source: the datasets it listed are present; those it did not are
     * withdrawn (never deleted) once their grace is over, or held for a person when they are too
     * many. Datasets taken in before identity keys were kept get theirs here.
     *
     * @param seenKeys the source keys of every record the run met
     */
    public WithdrawalOutcome completeRun(String sourceId, String runId, Set<String> seenKeys) {
        for (var id : identities.keyless(sourceId)) {
            datasets.find(id).ifPresent(stored -> {
                var node = LocalIris.dataset(id);
                var graph = DatasetGraphs.fromNTriples(stored.graph());
                var keys = IdentityKeys.of(stored.dataset().description(), graph.getResource(node.getURI()));
                transactions.executeWithoutResult(status -> identities.replace(id, sourceId, keys, false));
            });
        }
        return withdrawals.afterCompleteRun(sourceId, runId, seenKeys);
    }

    private IngestOutcome attempt(IngestRun run, HarvestedRecord record, Governance defaults) {
        var sourceId = run.sourceId();
        var hash = DatasetGraphs.contentHash(record.description());
        var existing = datasets.findBySourceKey(sourceId, record.sourceKey()).orElse(null);
        var restore = existing == null ? null : statusToRestore(existing);
        if (existing != null && hash.equals(existing.contentHash()) && restore == null) {
            return new IngestOutcome(
                    IngestOutcome.Kind.UNCHANGED, existing.dataset().id(), List.of());
        }
        var built = build(
                record,
                existing == null
                        ? UUID.randomUUID().toString()
                        : existing.dataset().id());
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
        var read = built.read();
        var governance = read.governance(governanceBase(existing, restore, defaults));
        var now = clock.instant();
        var provenance = existing == null
                ? new Provenance(sourceId, record.sourceKey(), now, now)
                : new Provenance(
                        sourceId,
                        record.sourceKey(),
                        existing.dataset().provenance().createdAt(),
                        now);
        var version = existing == null ? 1 : existing.dataset().version() + 1;
        var dataset = new Dataset(id, version, read.kind(), read.description(), governance, provenance);
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

    /** A record's description under the catalogue's IRIs for dataset {@code id}, and its identity keys. */
    private record Built(String id, Model graph, Resource node, DatasetRdf.Read read, Map<String, IdentityKey> keys) {}

    private static Built build(HarvestedRecord record, String id) {
        var node = LocalIris.dataset(id);
        var graph = ModelFactory.createDefaultModel().add(record.description());
        DatasetGraphs.rename(record.dataset().inModel(graph), node);
        DatasetGraphs.nameDistributions(graph, node, id);
        var resource = graph.getResource(node.getURI());
        var read = DatasetRdf.read(resource);
        return new Built(id, graph, resource, read, IdentityKeys.of(read.description(), resource));
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
