package org.comptoir.catalog.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.vocabulary.XSD;

/**
 * Writes RDF terms in N-Triples into a {@link StringBuilder}, with the same text as Jena's {@link
 * NodeFmtLib#strNT}, without its per-term writer and buffer: the plain IRIs and literals that make
 * nearly all of a harvest are copied as they are, anything that needs escaping (or a blank node, a
 * literal with a base direction, a triple term) is left to Jena.
 */
public final class NTriplesTerms {
    private static final String XSD_STRING = XSD.xstring.getURI();

    private NTriplesTerms() {}

    /** Appends {@code triple} as one N-Triples line, its final {@code " .\n"} included. */
    public static StringBuilder appendLine(StringBuilder out, Triple triple) {
        append(out, triple.getSubject()).append(' ');
        append(out, triple.getPredicate()).append(' ');
        return append(out, triple.getObject()).append(" .\n");
    }

    /** Appends {@code node} in N-Triples. */
    public static StringBuilder append(StringBuilder out, Node node) {
        if (node.isURI()) {
            var iri = node.getURI();
            if (plainIri(iri)) {
                return out.append('<').append(iri).append('>');
            }
        } else if (node.isLiteral() && node.getLiteralBaseDirection() == null) {
            var lexical = node.getLiteralLexicalForm();
            if (plainLexical(lexical)) {
                out.append('"').append(lexical).append('"');
                var language = node.getLiteralLanguage();
                if (language != null && !language.isEmpty()) {
                    return out.append('@').append(language);
                }
                var datatype = node.getLiteralDatatypeURI();
                if (datatype == null || datatype.equals(XSD_STRING)) {
                    return out;
                }
                if (plainIri(datatype)) {
                    return out.append("^^<").append(datatype).append('>');
                }
                out.setLength(out.length() - lexical.length() - 2);
            }
        }
        return out.append(NodeFmtLib.strNT(node));
    }

    /** Printable ASCII without the characters N-Triples escapes in an IRI. */
    private static boolean plainIri(String iri) {
        for (int i = 0; i < iri.length(); i++) {
            char c = iri.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return false;
            }
            switch (c) {
                case '<', '>', '"', '{', '}', '|', '^', '`', '\\' -> {
                    return false;
                }
                default -> {}
            }
        }
        return true;
    }

    /** No quote, backslash or control character: the lexical form is written as it is. */
    private static boolean plainLexical(String lexical) {
        for (int i = 0; i < lexical.length(); i++) {
            char c = lexical.charAt(i);
            if (c < ' ' || c == '"' || c == '\\' || c == 0x7f || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
