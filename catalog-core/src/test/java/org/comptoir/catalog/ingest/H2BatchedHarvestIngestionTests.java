package org.comptoir.catalog.ingest;

import javax.sql.DataSource;
import org.comptoir.catalog.TestDatabases;

/**
 * The harvest ingestion contract on H2 with records handed over in batches ({@link
 * CatalogIngestion#ingestAll}), small enough that every test crosses batches: a batch must give
 * what one record after the other gives.
 */
class H2BatchedHarvestIngestionTests extends HarvestIngestionContract {
    @Override
    protected DataSource dataSource() {
        return TestDatabases.h2(CHANGELOGS);
    }

    @Override
    protected int batchSize() {
        return 4;
    }
}
