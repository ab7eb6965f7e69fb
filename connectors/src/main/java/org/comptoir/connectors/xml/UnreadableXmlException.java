package org.comptoir.connectors.xml;

import org.comptoir.connectors.ConnectorException;

/** A body is not well-formed XML, or tries what {@link SecureXml} refuses (a DOCTYPE, an entity). */
public class UnreadableXmlException extends ConnectorException {
    public UnreadableXmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
