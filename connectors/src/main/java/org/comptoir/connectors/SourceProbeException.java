package org.comptoir.connectors;

/** A dry run could not read the source's first page; the message says why, in French. */
public class SourceProbeException extends ConnectorException {
    public SourceProbeException(String message) {
        super(message);
    }
}
