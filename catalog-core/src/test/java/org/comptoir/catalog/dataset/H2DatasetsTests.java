package org.comptoir.catalog.dataset;

import javax.sql.DataSource;
import org.comptoir.catalog.TestDatabases;

/** The repository contract on H2 in MariaDB mode, the embedded default. */
class H2DatasetsTests extends DatasetsContract {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }
}
