package org.comptoir.governance;

/** Base of every exception the governance module throws. */
public class GovernanceException extends RuntimeException {
    public GovernanceException(String message) {
        super(message);
    }
}
