package org.comptoir.web.api;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.comptoir.web.api.generated.TokensApi;
import org.comptoir.web.api.generated.model.ApiToken;
import org.comptoir.web.api.generated.model.ApiTokenInput;
import org.comptoir.web.api.generated.model.CreatedApiToken;
import org.comptoir.web.security.ApiTokens;
import org.comptoir.web.security.PasswordRequiredException;
import org.comptoir.web.security.TokenAuthentication;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A signed-in user's personal API tokens, for scripts: create (secret shown once), list, revoke. */
@RestController
@RequestMapping("/api/v1")
class TokensController implements TokensApi {
    private final ApiTokens tokens;
    private final java.time.Clock clock;

    TokensController(ApiTokens tokens, java.time.Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public ResponseEntity<CreatedApiToken> createToken(ApiTokenInput input) {
        var caller = caller();
        if (caller instanceof TokenAuthentication) {
            throw new PasswordRequiredException();
        }
        var created = tokens.create(
                caller.getName(),
                input.getName(),
                input.getExpiresAt() == null ? null : input.getExpiresAt().toInstant());
        var token = created.token();
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + token.id()))
                .body(new CreatedApiToken(
                        token.id(),
                        token.name(),
                        token.prefix(),
                        utc(token.createdAt()),
                        utc(token.expiresAt()),
                        created.secret()));
    }

    @Override
    public ResponseEntity<List<ApiToken>> listTokens() {
        var now = clock.instant();
        return ResponseEntity.ok(tokens.list(caller().getName()).stream()
                .map(token -> new ApiToken(
                                token.id(),
                                token.name(),
                                token.prefix(),
                                utc(token.createdAt()),
                                utc(token.expiresAt()),
                                token.expiredAt(now))
                        .lastUsedAt(token.lastUsedAt() == null ? null : utc(token.lastUsedAt())))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
    }

    @Override
    public ResponseEntity<Void> revokeToken(String id) {
        tokens.revoke(caller().getName(), id);
        return ResponseEntity.noContent().build();
    }

    private static Authentication caller() {
        return SecurityContextHolder.getContext().getAuthentication();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
