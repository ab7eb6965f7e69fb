package org.comptoir.catalog.search.elasticsearch;

import java.util.UUID;
import org.comptoir.catalog.search.CatalogSearchContract;
import org.comptoir.catalog.search.SearchEngine;
import org.junit.jupiter.api.AfterEach;

/**
 * The search contract, unchanged, on the Elasticsearch engine against a real server ({@link
 * ElasticsearchServer}); each test has indices of its own, dropped afterwards.
 */
class ElasticsearchSearchEngineIntegrationTests extends CatalogSearchContract {
    private final String prefix = "contract-" + UUID.randomUUID().toString().substring(0, 8);

    @Override
    protected SearchEngine engine() {
        return new ElasticsearchSearchEngine(ElasticsearchServer.url(), prefix);
    }

    @Override
    protected SearchEngine reopen(SearchEngine engine) {
        engine.close();
        return engine();
    }

    @AfterEach
    void dropIndices() {
        try (var engine = new ElasticsearchSearchEngine(ElasticsearchServer.url(), prefix)) {
            engine.dropIndices();
        }
    }
}
