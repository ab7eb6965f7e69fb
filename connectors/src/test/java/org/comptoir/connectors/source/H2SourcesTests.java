package org.comptoir.connectors.source;

import javax.sql.DataSource;
import org.comptoir.catalog.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

class H2SourcesTests extends SourcesContract {
    private static DataSource database;

    @BeforeAll
    static void migrate() {
        database = TestDatabases.h2("classpath:db/changelog/connectors.yaml");
    }

    @Override
    protected DataSource database() {
        return database;
    }
}
