package org.comptoir.connectors.harvest;

import javax.sql.DataSource;
import org.comptoir.catalog.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

class H2HarvestRunsTests extends HarvestRunsContract {
    private static DataSource database;

    @BeforeAll
    static void migrate() {
        database = TestDatabases.h2(
                "classpath:db/changelog/connectors.yaml", "classpath:db/changelog/harvest-review.yaml");
    }

    @Override
    protected DataSource database() {
        return database;
    }
}
