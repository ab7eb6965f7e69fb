package org.comptoir.connectors.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryDelaysTests {
    private final RetryDelays delays = new RetryDelays(Duration.ofMillis(500), Duration.ofMinutes(1), new Random(7));

    @Test
    void doublesTheWaitAfterEachFailureWithJitterBetweenHalfAndAll() {
        for (int failed = 1; failed <= 5; failed++) {
            long full = 500L << (failed - 1);
            for (int draw = 0; draw < 50; draw++) {
                assertThat(delays.before(failed, null).toMillis()).isBetween(full / 2, full);
            }
        }
    }

    @Test
    void spreadsTheWaitsOfRunsThatFailedTogether() {
        var waits = new HashSet<Duration>();
        for (int run = 0; run < 20; run++) {
            waits.add(delays.before(3, null));
        }

        assertThat(waits).hasSizeGreaterThan(10);
    }

    @Test
    void neverWaitsLongerThanTheCap() {
        assertThat(delays.before(30, null)).isLessThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(delays.before(Integer.MAX_VALUE, null)).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void waitsWhatTheSourceAskedFor() {
        assertThat(delays.before(1, Duration.ofSeconds(42))).isEqualTo(Duration.ofSeconds(42));
    }
}
