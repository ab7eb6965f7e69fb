package org.comptoir.connectors.fetch;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long to wait before fetching a page again: what the source asked for with {@code
 * Retry-After}, else an exponential backoff with jitter (each wait drawn between half and all of the
 * doubled delay, so that runs that failed together do not come back together), capped.
 */
public final class RetryDelays {
    private final Duration first;
    private final Duration max;
    private final RandomGenerator random;

    /**
     * @param first the delay before the first new attempt, before jitter
     * @param max the longest backoff, before jitter
     */
    public RetryDelays(Duration first, Duration max, RandomGenerator random) {
        this.first = first;
        this.max = max.compareTo(first) < 0 ? first : max;
        this.random = random;
    }

    /**
     * The wait after {@code failedAttempts} attempts failed (1 after the first).
     *
     * @param retryAfter what the source asked for, or null
     */
    public Duration before(int failedAttempts, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter;
        }
        long firstMillis = first.toMillis();
        long maxMillis = max.toMillis();
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 40);
        long delay = firstMillis > (maxMillis >> doublings) ? maxMillis : Math.min(maxMillis, firstMillis << doublings);
        long half = delay / 2;
        return Duration.ofMillis(half + (delay - half == 0 ? 0 : random.nextLong(delay - half + 1)));
    }
}
