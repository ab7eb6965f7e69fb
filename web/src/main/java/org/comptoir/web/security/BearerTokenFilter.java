package org.comptoir.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates an API request that carries {@code Authorization: Bearer <token>}: one indexed query,
 * no password hashing. A token that is unknown, expired, revoked or whose user is disabled is refused
 * with a 401 problem; a request without one goes on to HTTP Basic or stays anonymous.
 */
final class BearerTokenFilter extends OncePerRequestFilter {
    private static final String BEARER = "bearer ";

    private final ApiTokens tokens;
    private final AuthenticationEntryPoint refused;

    BearerTokenFilter(ApiTokens tokens, AuthenticationEntryPoint refused) {
        this.tokens = tokens;
        this.refused = refused;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        var holder = tokens.authenticate(header.substring(BEARER.length()).strip());
        if (holder.isEmpty()) {
            SecurityContextHolder.clearContext();
            refused.commence(request, response, new InsufficientAuthenticationException("invalid token"));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TokenAuthentication(holder.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
