package org.comptoir.connectors.harvest;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.OnExceptionDefinition;
import org.comptoir.connectors.ConnectorException;
import org.comptoir.connectors.fetch.ForbiddenAddressException;
import org.comptoir.connectors.fetch.NetworkProperties;
import org.comptoir.connectors.fetch.SourceAnswerException;
import org.comptoir.connectors.fetch.TruncatedBodyException;
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
    private final NetworkProperties network;

    public HarvestRouteConfiguration(HarvestProperties properties, NetworkProperties network) {
        this.properties = properties;
        this.network = network;
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
        return failure != null && failure.isTransient() && !asksTooLong(failure);
    }

    private boolean asksTooLong(SourceAnswerException answer) {
        return answer.retryAfter() != null && answer.retryAfter().compareTo(network.maxRetryWait()) > 0;
    }

    private void failRun(Exchange exchange) {
        var exception = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        var session = exchange.getProperty(HarvestRoutes.SESSION, RunSession.class);
        if (session == null) {
            LOG.error("A harvest route failed before its run started", exception);
            return;
        }
        session.fail(reason(exception, session.currentUrl(), attempts(exception)));
    }

    /** A failure reaches the run once its redeliveries are spent: all of them, for the retried kinds. */
    private int attempts(Throwable exception) {
        boolean retried = find(exception, SourceAnswerException.class) != null
                ? isRetryableAnswer(exception)
                : find(exception, IOException.class) != null;
        return retried ? 1 + properties.maxRedeliveries() : 1;
    }

    /** Why a run failed, in French, naming the URL and the error. */
    String reason(Throwable exception, String url, int attempts) {
        var after = attempts > 1 ? ", après " + attempts + " tentatives" : "";
        var answer = find(exception, SourceAnswerException.class);
        if (answer != null) {
            var text = answer.statusText() == null || answer.statusText().isBlank()
                    ? ""
                    : " (" + answer.statusText() + ")";
            var redirect = answer.location() == null ? "" : " vers " + answer.location();
            var answered = "la source a répondu " + answer.status() + text + redirect + " à GET " + answer.url();
            if (answer.isTransient() && asksTooLong(answer)) {
                return answered + " et demande d'attendre " + seconds(answer.retryAfter())
                        + " avant de réessayer (Retry-After), plus que le maximum de "
                        + seconds(network.maxRetryWait())
                        + " (comptoir.harvest.network.max-retry-wait) : récolte arrêtée, à relancer plus tard";
            }
            return answered + after;
        }
        var forbidden = find(exception, ForbiddenAddressException.class);
        if (forbidden != null) {
            return "GET " + url + " : " + forbidden.getMessage();
        }
        var truncated = find(exception, TruncatedBodyException.class);
        if (truncated != null) {
            return truncated.getMessage() + after;
        }
        var aborted = find(exception, ConnectorException.class);
        if (aborted != null) {
            return aborted.getMessage();
        }
        if (find(exception, SocketTimeoutException.class) != null) {
            return "la source n'a pas répondu à GET " + url + " dans le délai de lecture ("
                    + seconds(properties.readTimeout()) + ")" + after;
        }
        var io = find(exception, IOException.class);
        if (io != null && io.getClass().getSimpleName().equals("ConnectTimeoutException")) {
            return "connexion impossible à " + url + " dans le délai de connexion ("
                    + seconds(properties.connectTimeout()) + ")" + after;
        }
        if (find(exception, UnknownHostException.class) != null) {
            return "le serveur de " + url + " est inconnu (nom introuvable dans le DNS)" + after;
        }
        if (find(exception, ConnectException.class) != null) {
            return "connexion refusée par le serveur de " + url + after;
        }
        if (io != null) {
            return "erreur réseau en lisant " + url + " : " + io.getClass().getSimpleName()
                    + (io.getMessage() == null ? "" : " (" + io.getMessage() + ")") + after;
        }
        LOG.error("Harvest of {} failed unexpectedly", url, exception);
        return "erreur interne pendant la lecture de " + url + " ("
                + (exception == null ? "inconnue" : exception.getClass().getSimpleName())
                + ") ; voir le journal du serveur";
    }

    private static String seconds(java.time.Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    static <T extends Throwable> T find(Throwable exception, Class<T> type) {
        for (var cause = exception; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
