package org.comptoir.connectors.source;

/** The kinds of {@link Credentials} a source can ask for. */
public enum CredentialType {
    NONE,
    BASIC,
    BEARER,
    API_KEY,
    OAUTH2
}
