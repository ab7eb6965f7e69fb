package org.comptoir.connectors.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class FetchPropertiesTests {
    @Test
    void bindsTheDocumentedDefaults() {
        assertThat(network(Map.of())).isEqualTo(NetworkProperties.defaults());
        assertThat(limits(Map.of())).isEqualTo(LimitsProperties.defaults());
        assertThat(limits(Map.of()).maxPageSize()).isEqualTo(DataSize.ofMegabytes(64));
        assertThat(network(Map.of()).maxRetryWait()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void bindsWhatIsConfiguredAsEnvironmentVariablesWouldGiveIt() {
        var bound = network(Map.of(
                "comptoir.harvest.network.allow-private", "false",
                "comptoir.harvest.network.deny", "10.20.0.0/16,192.168.50.0/24",
                "comptoir.harvest.network.max-retry-wait", "30s"));

        assertThat(bound.allowPrivate()).isFalse();
        assertThat(bound.allowLoopback()).isTrue();
        assertThat(bound.deny()).isEqualTo(List.of("10.20.0.0/16", "192.168.50.0/24"));
        assertThat(bound.maxRetryWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(limits(Map.of("comptoir.harvest.limits.max-page-size", "8MB"))
                        .maxPageSize())
                .isEqualTo(DataSize.ofMegabytes(8));
    }

    @Test
    void refusesAValueThatCannotWorkNamingTheProperty() {
        assertThatThrownBy(() -> network(Map.of("comptoir.harvest.network.allow", "intranet")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("comptoir.harvest.network.allow");
        assertThatThrownBy(() -> limits(Map.of("comptoir.harvest.limits.max-keywords", "0")))
                .rootCause()
                .hasMessageContaining("comptoir.harvest.limits.max-keywords");
        assertThatThrownBy(() -> limits(Map.of("comptoir.harvest.limits.max-page-size", "4GB")))
                .rootCause()
                .hasMessageContaining("comptoir.harvest.limits.max-page-size");
    }

    private static NetworkProperties network(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("comptoir.harvest.network", NetworkProperties.class);
    }

    private static LimitsProperties limits(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("comptoir.harvest.limits", LimitsProperties.class);
    }
}
