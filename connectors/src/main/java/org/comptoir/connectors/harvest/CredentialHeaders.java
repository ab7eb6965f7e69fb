package org.comptoir.connectors.harvest;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.comptoir.connectors.ConnectorException;
import org.comptoir.connectors.fetch.FetchedPage;
import org.comptoir.connectors.fetch.PageFetcher;
import org.comptoir.connectors.fetch.SourceAnswerException;
import org.comptoir.connectors.source.Credentials;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The headers that prove Comptoir's identity to a source, from its {@link Credentials}. An OAuth2
 * client-credentials token is asked from the token endpoint (the client authenticating with HTTP
 * Basic, RFC 6749 §2.3.1), through the same guarded client as the pages (network rules, size limit,
 * no redirect), and kept until shortly before it expires, for every run of every node's sources that
 * share the same client.
 */
public class CredentialHeaders {
    /** A token is asked again this long before it expires. */
    static final Duration MARGIN = Duration.ofSeconds(30);
    /** How long a token is kept when the server does not say ({@code expires_in} absent). */
    static final Duration UNKNOWN_LIFETIME = Duration.ofMinutes(1);

    private record Token(String value, Instant expires) {}

    private final PageFetcher fetcher;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<Credentials.OAuth2, Token> tokens = new ConcurrentHashMap<>();

    /** @param fetcher the client of every harvest, so that token requests obey the same network rules */
    public CredentialHeaders(PageFetcher fetcher, Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /**
     * The headers to send with every request to a source.
     *
     * @throws HarvestAbortedException when an OAuth2 token cannot be had, saying why
     */
    public Map<String, String> of(Credentials credentials) {
        return switch (credentials) {
            case Credentials.None none -> Map.of();
            case Credentials.Basic basic ->
                Map.of("Authorization", "Basic " + base64(basic.username() + ":" + basic.password()));
            case Credentials.Bearer bearer -> Map.of("Authorization", "Bearer " + bearer.token());
            case Credentials.ApiKey key -> Map.of(key.header(), key.value());
            case Credentials.OAuth2 oauth -> Map.of("Authorization", "Bearer " + token(oauth));
        };
    }

    private String token(Credentials.OAuth2 oauth) {
        var now = clock.instant();
        var cached = tokens.get(oauth);
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.value();
        }
        var fresh = fetch(oauth, now);
        tokens.put(oauth, fresh);
        return fresh.value();
    }

    private Token fetch(Credentials.OAuth2 oauth, Instant now) {
        var form = "grant_type=client_credentials"
                + (oauth.scope() == null || oauth.scope().isBlank()
                        ? ""
                        : "&scope=" + URLEncoder.encode(oauth.scope(), StandardCharsets.UTF_8));
        var server = "le serveur de jetons OAuth2 " + oauth.tokenUrl();
        FetchedPage response;
        try {
            response = fetcher.postForm(
                    oauth.tokenUrl(),
                    form,
                    Map.of(
                            "Accept",
                            "application/json",
                            "Authorization",
                            "Basic " + base64(form(oauth.clientId()) + ":" + form(oauth.clientSecret()))));
        } catch (SourceAnswerException e) {
            throw new HarvestAbortedException(server + " a répondu " + e.status()
                    + (e.status() == 400 || e.status() == 401
                            ? " : vérifiez l'identifiant du client, son secret et la portée demandée"
                            : ""));
        } catch (ConnectorException e) {
            throw new HarvestAbortedException(server + " : " + e.getMessage());
        } catch (IOException e) {
            throw new HarvestAbortedException(
                    server + " n'a pas pu être joint (" + e.getClass().getSimpleName() + ")");
        }
        try {
            var body = json.readTree(response.body());
            var token = body.path("access_token").asString("");
            if (token.isBlank()) {
                throw new HarvestAbortedException(server + " n'a pas donné de jeton (access_token)");
            }
            var lifetime = body.has("expires_in")
                    ? Duration.ofSeconds(body.path("expires_in").asLong(0))
                    : UNKNOWN_LIFETIME;
            var usable =
                    lifetime.compareTo(MARGIN.multipliedBy(2)) > 0 ? lifetime.minus(MARGIN) : lifetime.dividedBy(2);
            return new Token(token, now.plus(usable));
        } catch (JacksonException e) {
            throw new HarvestAbortedException(server + " n'a pas répondu en JSON");
        }
    }

    /** Client id and secret are form-encoded before Basic encoding (RFC 6749 §2.3.1). */
    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
