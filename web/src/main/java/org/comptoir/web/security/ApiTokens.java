package org.comptoir.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.comptoir.catalog.dataset.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Personal API tokens: a signed-in user creates named tokens with an expiry for their scripts, lists
 * and revokes them. A token is {@code cpt_} and 32 random bytes in base64url; only its SHA-256 hash is
 * stored, so that checking one is one indexed query and no password hashing (ADR 0016). A token acts
 * with its user's roles as they are at each request, and stops at once when it expires, is revoked,
 * or its user is disabled or deleted. Its last use is kept to the minute, written at most once a minute
 * per token and node.
 */
@Component
public class ApiTokens {
    /** What every token starts with, so that a leaked one is recognisable (secret scanners). */
    public static final String PREFIX = "cpt_";

    static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);
    static final Duration MAX_LIFETIME = Duration.ofDays(366);
    /** How stale the recorded last use may be. */
    static final Duration USE_PRECISION = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    /** Uses seen on this node and not written yet: token id to when. */
    private final Map<String, Instant> pendingUses = new ConcurrentHashMap<>();

    private final AtomicReference<Instant> lastFlush = new AtomicReference<>(Instant.EPOCH);

    public ApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A token as its user sees it in the list.
     *
     * @param prefix the start of its secret, to recognise it
     * @param lastUsedAt null when never used
     */
    public record Token(
            String id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
        public boolean expiredAt(Instant now) {
            return !expiresAt.isAfter(now);
        }
    }

    /** A new token with its secret, which exists nowhere else. */
    public record Created(Token token, String secret) {}

    /** Who a valid token acts for, with the user's roles now. */
    public record Holder(String tokenId, String username, List<GrantedAuthority> authorities) {}

    /**
     * Creates a token for {@code username}.
     *
     * @param expiresAt when it stops working; null for {@link #DEFAULT_LIFETIME} from now
     * @throws InvalidTokenRequestException when the name is blank or the expiry is past or too far
     */
    public Created create(String username, String name, Instant expiresAt) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var problems = new ArrayList<FieldProblem>();
        if (name == null || name.isBlank() || name.length() > 100) {
            problems.add(new FieldProblem(
                    "name", "Donnez au jeton un nom de 1 à 100 caractères, par exemple « export nocturne »."));
        }
        var expiry = expiresAt == null ? now.plus(DEFAULT_LIFETIME) : expiresAt.truncatedTo(ChronoUnit.MICROS);
        if (!expiry.isAfter(now)) {
            problems.add(new FieldProblem("expiresAt", "L'expiration doit être dans le futur."));
        } else if (expiry.isAfter(now.plus(MAX_LIFETIME))) {
            problems.add(new FieldProblem("expiresAt", "Un jeton vit au plus 366 jours : renouvelez-le plutôt."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidTokenRequestException(problems);
        }
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        var secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var token = new Token(
                UUID.randomUUID().toString(),
                name.strip(),
                secret.substring(0, PREFIX.length() + 6),
                now,
                expiry,
                null);
        jdbc.sql("INSERT INTO api_token (id, username, name, secret_hash, prefix, created_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        token.id(),
                        username,
                        token.name(),
                        hash(secret),
                        token.prefix(),
                        Timestamp.from(now),
                        Timestamp.from(expiry))
                .update();
        return new Created(token, secret);
    }

    /** The user's tokens that are not revoked, newest first, with their last use as recorded. */
    public List<Token> list(String username) {
        flushUses();
        return jdbc.sql("SELECT id, name, prefix, created_at, expires_at, last_used_at FROM api_token "
                        + "WHERE username = ? AND revoked_at IS NULL ORDER BY created_at DESC, id")
                .param(username)
                .query((rs, n) -> new Token(
                        rs.getString("id"),
                        rs.getString("name"),
                        rs.getString("prefix"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(),
                        Optional.ofNullable(rs.getTimestamp("last_used_at"))
                                .map(Timestamp::toInstant)
                                .orElse(null)))
                .list();
    }

    /**
     * Revokes one of the user's tokens: the next request with it is refused.
     *
     * @throws TokenNotFoundException when the user has no such token (another user's included)
     */
    public void revoke(String username, String id) {
        int revoked = jdbc.sql(
                        "UPDATE api_token SET revoked_at = ? WHERE id = ? AND username = ? AND revoked_at IS NULL")
                .params(Timestamp.from(clock.instant()), id, username)
                .update();
        if (revoked == 0) {
            throw new TokenNotFoundException(id);
        }
        pendingUses.remove(id);
    }

    /**
     * Who a token acts for: empty when it is unknown, expired, revoked, or its user is disabled or
     * gone. One indexed query.
     */
    public Optional<Holder> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        var now = clock.instant();
        var rows = jdbc.sql("SELECT t.id, t.username, t.last_used_at, a.authority FROM api_token t "
                        + "JOIN users u ON u.username = t.username "
                        + "LEFT JOIN authorities a ON a.username = t.username "
                        + "WHERE t.secret_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ? AND u.enabled = TRUE")
                .params(hash(secret), Timestamp.from(now))
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getTimestamp(3), rs.getString(4)})
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        var first = rows.getFirst();
        var tokenId = (String) first[0];
        var authorities = rows.stream()
                .map(row -> (String) row[3])
                .filter(java.util.Objects::nonNull)
                .<GrantedAuthority>map(SimpleGrantedAuthority::new)
                .toList();
        var lastUsed = (Timestamp) first[2];
        if (lastUsed == null || lastUsed.toInstant().isBefore(now.minus(USE_PRECISION))) {
            pendingUses.put(tokenId, now);
        }
        if (lastFlush.get().isBefore(now.minus(USE_PRECISION))) {
            flushUses();
        }
        return Optional.of(new Holder(tokenId, (String) first[1], authorities));
    }

    /** Writes the uses seen since the last flush: at most one write per token and minute. */
    void flushUses() {
        var now = clock.instant();
        var previous = lastFlush.get();
        if (!lastFlush.compareAndSet(previous, now)) {
            return;
        }
        for (var id : List.copyOf(pendingUses.keySet())) {
            var used = pendingUses.remove(id);
            if (used != null) {
                jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ? "
                                + "AND (last_used_at IS NULL OR last_used_at < ?)")
                        .params(Timestamp.from(used), id, Timestamp.from(used))
                        .update();
            }
        }
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
