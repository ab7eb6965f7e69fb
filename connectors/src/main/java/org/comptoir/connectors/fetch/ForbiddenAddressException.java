package org.comptoir.connectors.fetch;

import org.comptoir.connectors.ConnectorException;

/**
 * A harvest would connect to an address the network rules refuse (a cloud-metadata or link-local
 * address, or one the settings exclude); the message, in French, names the host, its address and the
 * rule.
 */
public class ForbiddenAddressException extends ConnectorException {
    public ForbiddenAddressException(String message) {
        super(message);
    }
}
