package org.comptoir.web.security;

import org.comptoir.web.WebException;

/** Creating a token needs the user's password: a token cannot make another one that outlives it. */
public class PasswordRequiredException extends WebException {
    public PasswordRequiredException() {
        super("Un jeton d'API ne peut pas créer d'autre jeton : identifiez-vous avec votre mot de passe.");
    }
}
