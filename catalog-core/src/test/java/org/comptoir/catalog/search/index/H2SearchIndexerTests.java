package org.comptoir.catalog.search.index;

import javax.sql.DataSource;
import org.comptoir.catalog.TestDatabases;

/** The indexer over H2 in MariaDB mode, the embedded default. */
class H2SearchIndexerTests extends SearchIndexerContract {
    @Override
    protected DataSource dataSource() {
        return TestDatabases.h2(CHANGELOGS);
    }
}
