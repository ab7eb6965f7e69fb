package org.comptoir.connectors.harvest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How harvests reach their sources ({@code comptoir.harvest.*}); see the module's README for the
 * table of settings. Checked when bound: a wrong value stops the application with the property's
 * name.
 *
 * @param connectTimeout how long to wait for a connection to a source
 * @param readTimeout how long to wait for a source's answer (and between two packets of it)
 * @param maxRedeliveries how many times a page is fetched again after a network error, a timeout
 *     or a 5xx/408/429 answer, before the run fails
 * @param redeliveryDelay the wait before the first new attempt, doubled at each following one
 * @param maxPages the most pages one run reads; a source paging further fails the run
 * @param concurrentRuns how many runs (of different sources) go on at the same time on this node
 * @param staleRunTimeout the lease of the node driving a run: the node renews it while it lives; a
 *     run whose lease lapsed for that long (its node crashed or was cut off) is resumed from its last
 *     checkpoint by any node. A node that stops cleanly hands its runs over at once.
 * @param history how many runs of each source are kept; older ones are deleted
 */
@ConfigurationProperties("comptoir.harvest")
public record HarvestProperties(
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("3") int maxRedeliveries,
        @DefaultValue("500ms") Duration redeliveryDelay,
        @DefaultValue("10000") int maxPages,
        @DefaultValue("2") int concurrentRuns,
        @DefaultValue("2m") Duration staleRunTimeout,
        @DefaultValue("50") int history) {

    public HarvestProperties {
        requirePositive("connect-timeout", connectTimeout);
        requirePositive("read-timeout", readTimeout);
        if (maxRedeliveries < 0 || maxRedeliveries > 20) {
            throw new IllegalArgumentException(
                    "comptoir.harvest.max-redeliveries doit être entre 0 et 20 (reçu " + maxRedeliveries + ")");
        }
        if (redeliveryDelay == null || redeliveryDelay.isNegative()) {
            throw new IllegalArgumentException(
                    "comptoir.harvest.redelivery-delay doit être une durée positive ou nulle");
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException(
                    "comptoir.harvest.max-pages doit valoir au moins 1 (reçu " + maxPages + ")");
        }
        if (concurrentRuns < 1 || concurrentRuns > 64) {
            throw new IllegalArgumentException(
                    "comptoir.harvest.concurrent-runs doit être entre 1 et 64 (reçu " + concurrentRuns + ")");
        }
        requirePositive("stale-run-timeout", staleRunTimeout);
        if (staleRunTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("comptoir.harvest.stale-run-timeout doit valoir au moins 1 s");
        }
        if (history < 1 || history > 10_000) {
            throw new IllegalArgumentException(
                    "comptoir.harvest.history doit être entre 1 et 10000 (reçu " + history + ")");
        }
    }

    /** The defaults, as the embedded profile uses them. */
    public static HarvestProperties defaults() {
        return new HarvestProperties(
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                3,
                Duration.ofMillis(500),
                10_000,
                2,
                Duration.ofMinutes(2),
                50);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(
                    "comptoir.harvest." + name + " doit être une durée strictement positive");
        }
    }
}
