package org.comptoir.catalog.ingest;

import javax.sql.DataSource;
import org.comptoir.catalog.TestDatabases;

/** The harvest ingestion contract on H2 in MariaDB mode, the embedded default. */
class H2HarvestIngestionTests extends HarvestIngestionContract {
    @Override
    protected DataSource dataSource() {
        return TestDatabases.h2(CHANGELOGS);
    }
}
