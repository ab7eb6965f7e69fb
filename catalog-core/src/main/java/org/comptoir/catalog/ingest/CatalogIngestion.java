package org.comptoir.catalog.ingest;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.apache.jena.rdf.model.ModelFactory;
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
 */
public class CatalogIngestion {
    private static final int ATTEMPTS = 3;

    private final Datasets datasets;
    private final TransactionOperations transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public CatalogIngestion(
            Datasets datasets, TransactionOperations transactions, ApplicationEventPublisher events, Clock clock) {
        this.datasets = datasets;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param defaults governance given to a dataset the source says nothing about (for a new one)
     */
    public IngestOutcome ingest(String sourceId, HarvestedRecord record, Governance defaults) {
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(sourceId, record, defaults);
            } catch (ConcurrencyFailureException | StaleDatasetException e) {
                // a deadlock victim, or a concurrent change of the same dataset: read again and redo
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private IngestOutcome attempt(String sourceId, HarvestedRecord record, Governance defaults) {
        var hash = DatasetGraphs.contentHash(record.description());
        var existing = datasets.findBySourceKey(sourceId, record.sourceKey()).orElse(null);
        if (existing != null
                && hash.equals(existing.contentHash())
                && existing.dataset().governance().status() != PublicationStatus.WITHDRAWN) {
            return new IngestOutcome(
                    IngestOutcome.Kind.UNCHANGED, existing.dataset().id(), java.util.List.of());
        }
        var id = existing == null
                ? UUID.randomUUID().toString()
                : existing.dataset().id();
        var node = LocalIris.dataset(id);
        var graph = ModelFactory.createDefaultModel().add(record.description());
        DatasetGraphs.rename(record.dataset().inModel(graph), node);
        DatasetGraphs.nameDistributions(graph, node, id);
        var read = DatasetRdf.read(graph.getResource(node.getURI()));
        var governance = read.governance(governanceDefaults(existing, defaults));
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
        var description = DatasetRdf.describe(dataset, graph);
        try {
            DescriptionCheck.check(description, node);
        } catch (InvalidDatasetException e) {
            return IngestOutcome.failed(e.problems());
        }
        var stored = DatasetGraphs.toNTriples(description);
        return transactions.execute(status -> {
            DatasetChanged.Change change;
            if (existing == null) {
                datasets.insert(dataset, stored, hash);
                change = DatasetChanged.Change.CREATED;
            } else {
                if (!datasets.update(dataset, stored, hash, existing.dataset().version())) {
                    throw new StaleDatasetException(
                            id, existing.dataset().version(), existing.dataset().version() + 1);
                }
                change = DatasetChanged.Change.UPDATED;
            }
            if (record.rawPayload() != null) {
                datasets.saveProvenance(id, now, record.mediaType(), record.rawPayload());
            }
            events.publishEvent(new DatasetChanged(id, version, change, "harvest:" + sourceId));
            return new IngestOutcome(
                    existing == null ? IngestOutcome.Kind.ADDED : IngestOutcome.Kind.UPDATED, id, java.util.List.of());
        });
    }

    /**
     * Withdraws (never deletes) the datasets of a source that a complete run did not see.
     *
     * @return how many were withdrawn
     */
    public int withdrawAbsent(String sourceId, Set<String> seenKeys) {
        int withdrawn = 0;
        for (var key : datasets.keysOfSource(sourceId)) {
            if (seenKeys.contains(key)) {
                continue;
            }
            var stored = datasets.findBySourceKey(sourceId, key);
            if (stored.isPresent() && withdraw(sourceId, stored.get())) {
                withdrawn++;
            }
        }
        return withdrawn;
    }

    private boolean withdraw(String sourceId, StoredDataset stored) {
        var current = stored.dataset();
        var now = clock.instant();
        var governance = current.governance().withStatus(PublicationStatus.WITHDRAWN);
        var dataset = new Dataset(
                current.id(),
                current.version() + 1,
                current.kind(),
                current.description(),
                governance,
                new Provenance(
                        sourceId,
                        current.provenance().sourceKey(),
                        current.provenance().createdAt(),
                        now));
        var graph = DatasetGraphs.toNTriples(DatasetRdf.describe(dataset, DatasetGraphs.fromNTriples(stored.graph())));
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!datasets.update(dataset, graph, stored.contentHash(), current.version())) {
                return false;
            }
            events.publishEvent(new DatasetChanged(
                    current.id(), dataset.version(), DatasetChanged.Change.WITHDRAWN, "harvest:" + sourceId));
            return true;
        }));
    }

    /** For a dataset already known, what people decided stands unless the source says otherwise. */
    private static Governance governanceDefaults(StoredDataset existing, Governance defaults) {
        if (existing == null) {
            return defaults;
        }
        var current = existing.dataset().governance();
        return current.status() == PublicationStatus.WITHDRAWN ? current.withStatus(defaults.status()) : current;
    }
}
