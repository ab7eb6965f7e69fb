package org.comptoir.catalog.dataset;

import java.time.Clock;
import java.util.ArrayList;
import org.comptoir.catalog.rdf.DatasetGraphs;
import org.comptoir.catalog.rdf.DatasetRdf;
import org.comptoir.catalog.rdf.LocalIris;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionOperations;

/**
 * What a data owner does with a dataset by hand: register it, change it, withdraw it. Each write
 * is checked against the project's shapes, conditional on the version the writer read, done in
 * one transaction and announced with a {@link DatasetChanged} event.
 */
public class DatasetRegistration {
    private final Datasets datasets;
    private final TransactionOperations transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public DatasetRegistration(
            Datasets datasets, TransactionOperations transactions, ApplicationEventPublisher events, Clock clock) {
        this.datasets = datasets;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    public Dataset register(DatasetKind kind, Description description, Governance governance, String actor) {
        var id = DatasetIds.next();
        var now = clock.instant();
        var dataset = new Dataset(
                id, 1, kind, withDistributionIris(id, description), governance, new Provenance(null, null, now, now));
        var model = DatasetRdf.describe(dataset, null);
        DescriptionCheck.check(model, LocalIris.dataset(id));
        return transactions.execute(status -> {
            datasets.insert(dataset, DatasetGraphs.toNTriples(model), null);
            events.publishEvent(new DatasetChanged(id, 1, DatasetChanged.Change.CREATED, actor));
            return dataset;
        });
    }

    /**
     * Replaces what the catalogue models of a dataset. What its source said beyond that is kept.
     *
     * @throws StaleDatasetException when {@code expectedVersion} is not the current version
     */
    public Dataset update(
            String id,
            long expectedVersion,
            DatasetKind kind,
            Description description,
            Governance governance,
            String actor) {
        return transactions.execute(status -> {
            var stored = datasets.find(id).orElseThrow(() -> new DatasetNotFoundException(id));
            var current = stored.dataset();
            if (current.version() != expectedVersion) {
                throw new StaleDatasetException(id, expectedVersion, current.version());
            }
            var updated = new Dataset(
                    id,
                    current.version() + 1,
                    kind,
                    withDistributionIris(id, description),
                    governance,
                    new Provenance(
                            current.provenance().sourceId(),
                            current.provenance().sourceKey(),
                            current.provenance().createdAt(),
                            clock.instant()));
            var graph = merge(stored.graph(), updated);
            if (!datasets.update(updated, graph, stored.contentHash(), expectedVersion)) {
                throw new StaleDatasetException(id, expectedVersion, expectedVersion + 1);
            }
            var change = governance.status() == PublicationStatus.WITHDRAWN
                    ? DatasetChanged.Change.WITHDRAWN
                    : DatasetChanged.Change.UPDATED;
            events.publishEvent(new DatasetChanged(id, updated.version(), change, actor));
            return updated;
        });
    }

    /** Withdraws a dataset: it leaves the open catalogue but is never deleted. */
    public Dataset withdraw(String id, long expectedVersion, String actor) {
        var current = datasets.find(id)
                .orElseThrow(() -> new DatasetNotFoundException(id))
                .dataset();
        return update(
                id,
                expectedVersion,
                current.kind(),
                current.description(),
                current.governance().withStatus(PublicationStatus.WITHDRAWN),
                actor);
    }

    /** The new description written over the old one, keeping what the old one said beyond the model. */
    private static String merge(String oldGraph, Dataset updated) {
        var model = DatasetRdf.describe(updated, DatasetGraphs.fromNTriples(oldGraph));
        DescriptionCheck.check(model, LocalIris.dataset(updated.id()));
        return DatasetGraphs.toNTriples(model);
    }

    /** Gives each new distribution an IRI under the dataset's own. */
    static Description withDistributionIris(String id, Description d) {
        var distributions = new ArrayList<Distribution>();
        var taken = new java.util.HashSet<String>();
        d.distributions().stream()
                .map(Distribution::iri)
                .filter(java.util.Objects::nonNull)
                .forEach(taken::add);
        int next = 1;
        for (var distribution : d.distributions()) {
            if (distribution.iri() != null) {
                distributions.add(distribution);
                continue;
            }
            String iri;
            do {
                iri = LocalIris.distribution(id, next++);
            } while (taken.contains(iri));
            distributions.add(new Distribution(
                    iri,
                    distribution.title(),
                    distribution.description(),
                    distribution.accessUrl(),
                    distribution.downloadUrl(),
                    distribution.format(),
                    distribution.mediaType(),
                    distribution.license(),
                    distribution.rights(),
                    distribution.availability(),
                    distribution.status(),
                    distribution.byteSize(),
                    distribution.issued(),
                    distribution.modified(),
                    distribution.languages(),
                    distribution.conformsTo(),
                    distribution.accessService()));
        }
        return new Description(
                d.title(),
                d.description(),
                d.identifier(),
                d.keywords(),
                d.themes(),
                d.publisher(),
                d.contactPoint(),
                d.issued(),
                d.modified(),
                d.languages(),
                d.accrualPeriodicity(),
                d.spatial(),
                d.temporal(),
                d.landingPage(),
                d.conformsTo(),
                d.version(),
                d.inSeries(),
                d.applicableLegislation(),
                distributions);
    }
}
