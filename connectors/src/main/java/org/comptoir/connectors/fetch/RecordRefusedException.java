package org.comptoir.connectors.fetch;

import org.comptoir.connectors.ConnectorException;

/** A record beyond a per-record limit ({@link RecordLimits}), refused alone with the reason. */
public class RecordRefusedException extends ConnectorException {
    public RecordRefusedException(String reason) {
        super(reason);
    }
}
