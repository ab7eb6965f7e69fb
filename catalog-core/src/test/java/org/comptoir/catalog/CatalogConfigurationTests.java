package org.comptoir.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.comptoir.catalog.search.SearchProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine an operator names is the one the application searches with. */
class CatalogConfigurationTests {
    private static final SearchProperties.Indexer INDEXER =
            new SearchProperties.Indexer(Duration.ofMillis(200), 500, Duration.ofSeconds(60), Duration.ofDays(7));

    @Test
    void searchesWithElasticsearchWhenConfigured() {
        var properties = new SearchProperties(
                SearchProperties.Engine.ELASTICSEARCH,
                new SearchProperties.Lucene(Path.of("unused")),
                new SearchProperties.Elasticsearch(URI.create("http://127.0.0.1:9"), "comptoir"),
                INDEXER);

        var engine = new CatalogConfiguration().searchEngine(properties);
        try {
            assertThat(engine.name()).isEqualTo("elasticsearch");
        } finally {
            engine.close();
        }
    }

    @Test
    void searchesWithLuceneByDefault(@TempDir Path folder) {
        var properties = new SearchProperties(
                SearchProperties.Engine.LUCENE,
                new SearchProperties.Lucene(folder),
                new SearchProperties.Elasticsearch(null, "comptoir"),
                INDEXER);

        var engine = new CatalogConfiguration().searchEngine(properties);
        try {
            assertThat(engine.name()).isEqualTo("lucene");
        } finally {
            engine.close();
        }
    }
}
