package org.comptoir.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The search settings as an operator gives them: nothing, properties, or environment variables. */
class SearchPropertiesTests {
    @Test
    void defaultsToTheEmbeddedLuceneEngine() {
        var properties = bind(new MapPropertySource("none", Map.of()));

        assertThat(properties.engine()).isEqualTo(SearchProperties.Engine.LUCENE);
        assertThat(properties.lucene().directory()).isEqualTo(Path.of("data", "search"));
        assertThat(properties.elasticsearch().indexPrefix()).isEqualTo("comptoir");
        assertThat(properties.indexer().pollInterval()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void choosesElasticsearchFromEnvironmentVariables() {
        var properties = bind(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of(
                        "COMPTOIR_SEARCH_ENGINE", "elasticsearch",
                        "COMPTOIR_SEARCH_ELASTICSEARCH_URL", "http://search.internal:9200",
                        "COMPTOIR_SEARCH_ELASTICSEARCH_INDEXPREFIX", "metropole",
                        "COMPTOIR_SEARCH_INDEXER_POLLINTERVAL", "500ms")));

        assertThat(properties.engine()).isEqualTo(SearchProperties.Engine.ELASTICSEARCH);
        assertThat(properties.elasticsearch().url()).isEqualTo(URI.create("http://search.internal:9200"));
        assertThat(properties.elasticsearch().indexPrefix()).isEqualTo("metropole");
        assertThat(properties.indexer().pollInterval()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void refusesElasticsearchWithoutAServer() {
        assertThatThrownBy(
                        () -> bind(new MapPropertySource("props", Map.of("comptoir.search.engine", "elasticsearch"))))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("COMPTOIR_SEARCH_ELASTICSEARCH_URL");
    }

    @Test
    void refusesAnUnknownEngine() {
        assertThatThrownBy(() -> bind(new MapPropertySource("props", Map.of("comptoir.search.engine", "solr"))))
                .isInstanceOf(BindException.class);
    }

    private static SearchProperties bind(org.springframework.core.env.PropertySource<?> source) {
        var sources = new MutablePropertySources();
        sources.addFirst(source);
        return new Binder(ConfigurationPropertySources.from(sources))
                .bindOrCreate("comptoir.search", SearchProperties.class);
    }
}
