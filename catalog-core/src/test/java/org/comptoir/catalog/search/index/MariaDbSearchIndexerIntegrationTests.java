package org.comptoir.catalog.search.index;

import javax.sql.DataSource;
import org.comptoir.catalog.TestDatabases;

/** The indexer over a real MariaDB server. */
class MariaDbSearchIndexerIntegrationTests extends SearchIndexerContract {
    @Override
    protected DataSource dataSource() {
        return TestDatabases.mariaDb(CHANGELOGS);
    }
}
