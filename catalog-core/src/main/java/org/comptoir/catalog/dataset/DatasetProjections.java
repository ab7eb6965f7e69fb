package org.comptoir.catalog.dataset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The migration of the stored projections: gives every row whose projection is missing or stale
 * (written before projections existed, or by a path that did not write one) its projection, parsed
 * once from its RDF description. Runs at start-up, before the search indexer reads them; idempotent, and safe
 * on several nodes at once (a row is only updated at the version it was read at).
 */
public class DatasetProjections extends StartUpMigration {
    private static final Logger log = LoggerFactory.getLogger(DatasetProjections.class);
    private static final int BATCH = 500;

    private final Datasets datasets;

    public DatasetProjections(Datasets datasets) {
        this.datasets = datasets;
    }

    /** @return how many rows were looked at (and projected, unless they changed meanwhile) */
    @Override
    public long backfill() {
        long count = 0;
        long started = System.nanoTime();
        var after = "";
        while (true) {
            var done = datasets.projectMissing(after, BATCH);
            if (done.isEmpty()) {
                break;
            }
            count += done.size();
            after = done.getLast();
            if (count % 10_000 < BATCH) {
                log.info("Projecting stored datasets for the search: {} so far", count);
            }
        }
        if (count > 0) {
            log.info(
                    "Projected {} stored datasets for the search in {} ms",
                    count,
                    (System.nanoTime() - started) / 1_000_000);
        }
        return count;
    }
}
