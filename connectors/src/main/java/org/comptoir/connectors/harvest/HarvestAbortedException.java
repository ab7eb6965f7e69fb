package org.comptoir.connectors.harvest;

import org.comptoir.connectors.ConnectorException;

/**
 * A run cannot go on (an unreadable page, a paging loop, too many pages); the message, in French,
 * becomes the run's failure reason.
 */
public class HarvestAbortedException extends ConnectorException {
    public HarvestAbortedException(String reason) {
        super(reason);
    }

    public HarvestAbortedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
