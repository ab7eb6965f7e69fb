package org.comptoir.catalog.ingest;

import org.comptoir.catalog.dataset.Datasets;
import org.comptoir.catalog.dataset.StartUpMigration;
import org.comptoir.catalog.rdf.DatasetGraphs;
import org.comptoir.catalog.rdf.LocalIris;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The migration of the identity keys: gives every harvested dataset taken in before identity keys
 * were kept the keys its stored description names, so that a source changing its identifiers finds
 * it. Runs at start-up, before any harvest; every dataset taken in since gets its keys as it is
 * written, so a complete run no longer reads its source's every row to look for missing ones.
 * Idempotent, and safe on several nodes at once (the keys of a dataset are replaced whole).
 */
public class DatasetIdentityKeys extends StartUpMigration {
    private static final Logger log = LoggerFactory.getLogger(DatasetIdentityKeys.class);

    private final Datasets datasets;
    private final DatasetIdentities identities;
    private final TransactionOperations transactions;

    public DatasetIdentityKeys(Datasets datasets, DatasetIdentities identities, TransactionOperations transactions) {
        this.datasets = datasets;
        this.identities = identities;
        this.transactions = transactions;
    }

    /** @return how many keyless harvested datasets were looked at */
    @Override
    public long backfill() {
        long count = 0;
        for (var keyless : identities.keyless()) {
            var id = keyless.getKey();
            var sourceId = keyless.getValue();
            datasets.find(id).ifPresent(stored -> {
                var node = LocalIris.dataset(id);
                var graph = DatasetGraphs.fromNTriples(stored.graph());
                var keys = IdentityKeys.of(stored.dataset().description(), graph.getResource(node.getURI()));
                transactions.executeWithoutResult(status -> identities.replace(id, sourceId, keys, false));
            });
            count++;
        }
        if (count > 0) {
            log.info("Looked for the identity keys of {} harvested datasets taken in without them", count);
        }
        return count;
    }
}
