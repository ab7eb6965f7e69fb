package org.comptoir.web.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A caller authenticated by a personal API token: its user, with the user's roles now. */
public final class TokenAuthentication extends AbstractAuthenticationToken {
    private final ApiTokens.Holder holder;

    TokenAuthentication(ApiTokens.Holder holder) {
        super(holder.authorities());
        this.holder = holder;
        setAuthenticated(true);
    }

    /** The token's identifier. */
    public String tokenId() {
        return holder.tokenId();
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return holder.username();
    }

    @Override
    public String getName() {
        return holder.username();
    }
}
