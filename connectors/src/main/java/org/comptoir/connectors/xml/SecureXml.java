package org.comptoir.connectors.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parsers for XML a source sent, which Comptoir never trusts: a document type declaration is
 * refused outright (no DTD, hence no entity, internal or external, and no "billion laughs"), no
 * external DTD, schema or stylesheet is ever fetched, XInclude is off, and the JDK's secure
 * processing limits (entity expansion, element depth, attribute count...) apply on top.
 *
 * <p>Use {@link #parse} for a page small enough to hold as a DOM (a CSW answer of a hundred
 * records), {@link #streaming} for a StAX reader over a large body.
 */
public final class SecureXml {
    private static final DocumentBuilderFactory DOM = domFactory();
    private static final XMLInputFactory STAX = staxFactory();

    private SecureXml() {}

    /**
     * Parses {@code body} into a namespace-aware DOM.
     *
     * @param what what the body is, for the message ("la page https://...")
     * @throws UnreadableXmlException when the body is not well-formed XML, or declares a document type
     */
    public static Document parse(byte[] body, String what) {
        return parse(new ByteArrayInputStream(body), what);
    }

    /** As {@link #parse(byte[], String)}, from a stream (left open). */
    public static Document parse(InputStream body, String what) {
        try {
            DocumentBuilder builder;
            synchronized (DOM) {
                builder = DOM.newDocumentBuilder();
            }
            builder.setErrorHandler(SILENT);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("entité externe refusée : " + systemId);
            });
            return builder.parse(body);
        } catch (SAXParseException e) {
            throw new UnreadableXmlException(what + " n'est pas du XML lisible : " + reason(e), e);
        } catch (SAXException | IOException e) {
            throw new UnreadableXmlException(what + " n'est pas du XML lisible : " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A factory of StAX readers with the same protections: DTDs unsupported, external entities off.
     * The factory is shared: configure nothing on it.
     */
    public static XMLInputFactory streaming() {
        return STAX;
    }

    private static String reason(SAXParseException e) {
        var message = e.getMessage() == null ? "erreur de syntaxe" : e.getMessage();
        if (message.contains("DOCTYPE")) {
            message = "les déclarations de type de document (DOCTYPE) sont refusées";
        }
        return e.getLineNumber() > 0
                ? message + " (ligne " + e.getLineNumber() + ", colonne " + e.getColumnNumber() + ")"
                : message;
    }

    private static DocumentBuilderFactory domFactory() {
        var factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setAttribute("jdk.xml.entityExpansionLimit", "1000");
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setValidating(false);
        return factory;
    }

    private static XMLInputFactory staxFactory() {
        var factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty("jdk.xml.entityExpansionLimit", "1000");
        return factory;
    }

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {}

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };
}
