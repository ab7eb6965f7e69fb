package org.comptoir.web.security;

import org.comptoir.web.WebException;

/** The signed-in user has no token with this identifier (or it is already revoked). */
public class TokenNotFoundException extends WebException {
    public TokenNotFoundException(String id) {
        super("Aucun jeton actif « " + id + " » parmi les vôtres.");
    }
}
