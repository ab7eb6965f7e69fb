package org.comptoir.catalog.search;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The search settings ({@code comptoir.search.*}, or {@code COMPTOIR_SEARCH_*} in the environment).
 *
 * @param engine {@code lucene} (embedded, the default) or {@code elasticsearch}
 * @param lucene where the embedded index lives
 * @param elasticsearch the server and the prefix of the index names, when that engine is chosen
 * @param indexer how the index follows the store
 */
@ConfigurationProperties("comptoir.search")
public record SearchProperties(
        @DefaultValue("lucene") Engine engine,
        @DefaultValue Lucene lucene,
        @DefaultValue Elasticsearch elasticsearch,
        @DefaultValue Indexer indexer) {
    public SearchProperties {
        if (engine == Engine.ELASTICSEARCH && elasticsearch.url() == null) {
            throw new IllegalArgumentException(
                    "comptoir.search.elasticsearch.url (COMPTOIR_SEARCH_ELASTICSEARCH_URL) is required "
                            + "when comptoir.search.engine is elasticsearch");
        }
    }

    public enum Engine {
        LUCENE,
        ELASTICSEARCH
    }

    /** @param directory the folder of the index; the application sets {@code ${comptoir.data-dir}/search} */
    public record Lucene(@DefaultValue("./data/search") Path directory) {}

    /**
     * @param url the server, e.g. {@code http://localhost:9200}
     * @param indexPrefix prefix of the index names, so several catalogues can share a cluster; the
     *     engine checks it
     */
    public record Elasticsearch(
            URI url, @DefaultValue("comptoir") String indexPrefix) {}

    /**
     * @param pollInterval how often each node reads the outbox
     * @param batchSize changes applied at most per poll, and datasets per batch of a rebuild
     * @param gapTimeout how long a position taken by a transaction not yet committed is waited for
     * @param retention how long the outbox keeps changes; a node away for longer rebuilds its index
     */
    public record Indexer(
            @DefaultValue("200ms") Duration pollInterval,
            @DefaultValue("500") int batchSize,
            @DefaultValue("60s") Duration gapTimeout,
            @DefaultValue("7d") Duration retention) {}
}
