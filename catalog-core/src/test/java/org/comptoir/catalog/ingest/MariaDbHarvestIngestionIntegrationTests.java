package org.comptoir.catalog.ingest;

import javax.sql.DataSource;
import org.comptoir.catalog.TestDatabases;

/** The harvest ingestion contract on a real MariaDB server. */
class MariaDbHarvestIngestionIntegrationTests extends HarvestIngestionContract {
    @Override
    protected DataSource dataSource() {
        return TestDatabases.mariaDb(CHANGELOGS);
    }
}
