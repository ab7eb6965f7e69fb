package org.comptoir.connectors.harvest;

import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.OnExceptionDefinition;
import org.comptoir.connectors.fetch.SourceAnswerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one route configuration every harvest route uses: a page that fails with a network error, a
 * timeout, a truncated answer or a 5xx (also 408 and 429) answer is fetched again, after the wait
 * the fetch step set (what the source asked for with {@code Retry-After}, else exponential backoff
 * with jitter); a source asking to wait longer than {@code comptoir.harvest.network.max-retry-wait}
 * is not waited for. When the attempts are spent, or on any other error (an address the network
 * rules refuse, above all), the run fails with a reason naming the URL and the error. What the run
 * took in before stays; nothing is withdrawn.
 */
public class HarvestRouteConfiguration extends RouteConfigurationBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(HarvestRouteConfiguration.class);

    private final HarvestProperties properties;
    private final FetchFailures failures;

    public HarvestRouteConfiguration(HarvestProperties properties, FetchFailures failures) {
        this.properties = properties;
        this.failures = failures;
    }

    @Override
    public void configuration() {
        var configuration = routeConfiguration(HarvestRoutes.CONFIGURATION_ID);
        retried(configuration
                .onException(SourceAnswerException.class)
                .onWhen(exchange -> isRetryableAnswer(exchange.getException())));
        retried(configuration.onException(IOException.class));
        configuration
                .onException(Exception.class)
                .maximumRedeliveries(0)
                .logStackTrace(false)
                .logExhausted(false)
                .handled(true)
                .process(this::failRun);
    }

    /**
     * Fetched again after the wait the fetch step set ({@code Exchange.REDELIVERY_DELAY}), then the
     * run fails with a reason.
     */
    private void retried(OnExceptionDefinition onException) {
        onException
                .maximumRedeliveries(properties.maxRedeliveries())
                .redeliveryDelay(properties.redeliveryDelay().toMillis())
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logStackTrace(false)
                .logExhausted(false)
                .handled(true)
                .process(this::failRun);
    }

    boolean isRetryableAnswer(Throwable exception) {
        var failure = find(exception, SourceAnswerException.class);
        return failure != null && failure.isTransient() && !failures.asksTooLong(failure);
    }

    private void failRun(Exchange exchange) {
        var exception = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        var session = exchange.getProperty(HarvestRoutes.SESSION, RunSession.class);
        if (session == null) {
            LOG.error("A harvest route failed before its run started", exception);
            return;
        }
        session.fail(failures.reason(exception, session.currentUrl(), attempts(exception)));
    }

    /** A failure reaches the run once its redeliveries are spent: all of them, for the retried kinds. */
    private int attempts(Throwable exception) {
        boolean retried = find(exception, SourceAnswerException.class) != null
                ? isRetryableAnswer(exception)
                : find(exception, IOException.class) != null;
        return retried ? 1 + properties.maxRedeliveries() : 1;
    }

    static <T extends Throwable> T find(Throwable exception, Class<T> type) {
        return FetchFailures.find(exception, type);
    }
}
