package org.comptoir.connectors.source;

/**
 * How Comptoir proves who it is to a source. Stored sealed ({@link SecretBox}); the API and the
 * screens only ever show the {@link #type()} and whether credentials are set.
 */
public sealed interface Credentials {
    /** A source that asks for nothing. */
    Credentials NONE = new None();

    CredentialType type();

    /** No credentials. */
    record None() implements Credentials {
        @Override
        public CredentialType type() {
            return CredentialType.NONE;
        }
    }

    /** HTTP Basic: {@code Authorization: Basic base64(username:password)}. */
    record Basic(String username, String password) implements Credentials {
        @Override
        public CredentialType type() {
            return CredentialType.BASIC;
        }
    }

    /** A bearer token: {@code Authorization: Bearer token}. */
    record Bearer(String token) implements Credentials {
        @Override
        public CredentialType type() {
            return CredentialType.BEARER;
        }
    }

    /** An API key sent in a header of the source's choosing, e.g. {@code X-API-Key} or {@code apikey}. */
    record ApiKey(String header, String value) implements Credentials {
        @Override
        public CredentialType type() {
            return CredentialType.API_KEY;
        }
    }

    /**
     * OAuth2 client credentials: a token is asked from {@code tokenUrl} and sent as a bearer token
     * until it expires.
     *
     * @param scope the scopes to ask for, space-separated, or null
     */
    record OAuth2(String tokenUrl, String clientId, String clientSecret, String scope) implements Credentials {
        @Override
        public CredentialType type() {
            return CredentialType.OAUTH2;
        }
    }
}
