package org.comptoir.connectors.harvest;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.comptoir.connectors.ConnectorException;
import org.comptoir.connectors.fetch.ForbiddenAddressException;
import org.comptoir.connectors.fetch.NetworkProperties;
import org.comptoir.connectors.fetch.SourceAnswerException;
import org.comptoir.connectors.fetch.TruncatedBodyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Why fetching a source failed, in French, for the person who registered it: the URL, the error and
 * what to check. One wording for a failed run and for a failed connection test.
 */
public class FetchFailures {
    private static final Logger LOG = LoggerFactory.getLogger(FetchFailures.class);

    private final HarvestProperties properties;
    private final NetworkProperties network;

    public FetchFailures(HarvestProperties properties, NetworkProperties network) {
        this.properties = properties;
        this.network = network;
    }

    /** Whether the source asked, with {@code Retry-After}, to wait longer than Comptoir waits. */
    boolean asksTooLong(SourceAnswerException answer) {
        return answer.retryAfter() != null && answer.retryAfter().compareTo(network.maxRetryWait()) > 0;
    }

    /**
     * @param url the page being fetched
     * @param attempts how many times it was asked
     */
    String reason(Throwable exception, String url, int attempts) {
        var after = attempts > 1 ? ", après " + attempts + " tentatives" : "";
        var answer = find(exception, SourceAnswerException.class);
        if (answer != null) {
            var text = answer.statusText() == null || answer.statusText().isBlank()
                    ? ""
                    : " (" + answer.statusText() + ")";
            var redirect = answer.location() == null ? "" : " vers " + answer.location();
            var answered = "la source a répondu " + answer.status() + text + redirect + " à GET " + answer.url()
                    + hint(answer.status());
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

    private static String hint(int status) {
        return switch (status) {
            case 401, 403 -> " : vérifiez les identifiants de la source";
            case 404 -> " : vérifiez l'URL de la source";
            default -> "";
        };
    }
}
