package org.comptoir.connectors.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class HarvestPropertiesTests {
    @Test
    void bindsTheDocumentedDefaults() {
        var bound = bind(Map.of());

        assertThat(bound).isEqualTo(HarvestProperties.defaults());
        assertThat(bound.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(bound.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(bound.maxRedeliveries()).isEqualTo(3);
        assertThat(bound.redeliveryDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(bound.maxPages()).isEqualTo(10_000);
    }

    @Test
    void bindsWhatIsConfigured() {
        var bound = bind(Map.of(
                "comptoir.harvest.read-timeout", "2m",
                "comptoir.harvest.max-redeliveries", "0",
                "comptoir.harvest.max-pages", "5"));

        assertThat(bound.readTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(bound.maxRedeliveries()).isZero();
        assertThat(bound.maxPages()).isEqualTo(5);
    }

    @Test
    void refusesAValueThatCannotWorkNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("comptoir.harvest.read-timeout", "0s")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("comptoir.harvest.read-timeout");
        assertThatThrownBy(() -> bind(Map.of("comptoir.harvest.max-pages", "0")))
                .rootCause()
                .hasMessageContaining("comptoir.harvest.max-pages");
    }

    private static HarvestProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("comptoir.harvest", HarvestProperties.class);
    }
}
