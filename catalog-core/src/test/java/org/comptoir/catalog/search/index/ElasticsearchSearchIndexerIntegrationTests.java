package org.comptoir.catalog.search.index;

import java.util.UUID;
import javax.sql.DataSource;
import org.comptoir.catalog.TestDatabases;
import org.comptoir.catalog.search.SearchEngine;
import org.comptoir.catalog.search.elasticsearch.ElasticsearchSearchEngine;
import org.comptoir.catalog.search.elasticsearch.ElasticsearchServer;

/** The indexer over H2 feeding a real Elasticsearch server, whose index every node shares. */
class ElasticsearchSearchIndexerIntegrationTests extends SearchIndexerContract {
    private final String prefix = "indexer-" + UUID.randomUUID().toString().substring(0, 8);

    @Override
    protected DataSource dataSource() {
        return TestDatabases.h2(CHANGELOGS);
    }

    @Override
    protected SearchEngine openEngine(String name) {
        return new ElasticsearchSearchEngine(ElasticsearchServer.url(), prefix + "-" + name);
    }

    @Override
    protected boolean sharedIndex() {
        return true;
    }
}
