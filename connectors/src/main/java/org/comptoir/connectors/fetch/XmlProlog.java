package org.comptoir.connectors.fetch;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads the prolog of an XML document, without an XML parser, to refuse what could make a parser
 * expand or fetch anything: an external DTD, external or parameter entities, entities defined from
 * other entities (the "billion laughs"), any other declaration, and internal entities whose
 * references would together expand beyond a budget (the quadratic blow-up). Internal entities with
 * plain text values, as RDF/XML vocabularies use for namespaces, are allowed.
 */
final class XmlProlog {
    /** The most characters all entity references of a document may expand to. */
    static final long EXPANSION_BUDGET = 1_000_000;

    private static final int MAX_ENTITY_VALUE = 4096;

    private final String text;
    private int at;

    private XmlProlog(String text) {
        this.text = text;
    }

    /**
     * The internal entities the prolog of {@code text} declares, by name with their value's length.
     *
     * @throws IllegalArgumentException with the reason (in French) when the prolog is refused
     */
    static Map<String, Integer> entities(String text) {
        return new XmlProlog(text).read();
    }

    private Map<String, Integer> read() {
        var entities = new HashMap<String, Integer>();
        if (text.startsWith("\uFEFF")) {
            at = 1;
        }
        while (true) {
            skipSpace();
            if (text.startsWith("<?", at)) {
                skipPast("?>");
            } else if (text.startsWith("<!--", at)) {
                skipPast("-->");
            } else if (startsWithIgnoreCase("<!DOCTYPE")) {
                at += "<!DOCTYPE".length();
                doctype(entities);
            } else {
                return entities;
            }
        }
    }

    private void doctype(Map<String, Integer> entities) {
        skipSpace();
        name();
        skipSpace();
        if (text.startsWith("SYSTEM", at) || text.startsWith("PUBLIC", at)) {
            throw refused("le document demande une DTD externe (DOCTYPE "
                    + text.substring(at, Math.min(text.length(), at + 80))
                            .split(">")[0]
                            .strip() + ")");
        }
        if (text.startsWith("[", at)) {
            at++;
            while (true) {
                skipSpace();
                if (text.startsWith("]", at)) {
                    at++;
                    break;
                } else if (text.startsWith("<!--", at)) {
                    skipPast("-->");
                } else if (text.startsWith("<!ENTITY", at)) {
                    at += "<!ENTITY".length();
                    entity(entities);
                } else if (text.startsWith("%", at)) {
                    throw refused("le document utilise une entité paramètre dans sa DTD");
                } else {
                    var declaration =
                            text.substring(at, Math.min(text.length(), at + 40)).split("\\s")[0];
                    throw refused("la DTD du document contient une déclaration non admise (" + declaration + ")");
                }
            }
        }
        skipSpace();
        if (!text.startsWith(">", at)) {
            throw refused("le DOCTYPE du document est mal formé");
        }
        at++;
    }

    private void entity(Map<String, Integer> entities) {
        skipSpace();
        if (text.startsWith("%", at)) {
            throw refused("le document déclare une entité paramètre");
        }
        var name = name();
        skipSpace();
        if (text.startsWith("SYSTEM", at) || text.startsWith("PUBLIC", at)) {
            throw refused(
                    "le document déclare une entité externe (« " + name + " »), qui lirait un fichier ou une URL");
        }
        if (at >= text.length() || (text.charAt(at) != '"' && text.charAt(at) != '\'')) {
            throw refused("l'entité « " + name + " » est mal déclarée");
        }
        char quote = text.charAt(at++);
        int end = text.indexOf(quote, at);
        if (end < 0) {
            throw refused("l'entité « " + name + " » est mal déclarée");
        }
        var value = text.substring(at, end);
        if (value.indexOf('&') >= 0 || value.indexOf('%') >= 0) {
            throw refused("l'entité « " + name + " » est définie à partir d'autres entités (expansion en cascade, "
                    + "« billion laughs »)");
        }
        if (value.length() > MAX_ENTITY_VALUE) {
            throw refused("l'entité « " + name + " » dépasse " + MAX_ENTITY_VALUE + " caractères");
        }
        at = end + 1;
        skipSpace();
        if (!text.startsWith(">", at)) {
            throw refused("l'entité « " + name + " » est mal déclarée");
        }
        at++;
        entities.put(name, value.length());
    }

    private String name() {
        int start = at;
        while (at < text.length()
                && !Character.isWhitespace(text.charAt(at))
                && "[]>\"'".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        if (start == at) {
            throw refused("le DOCTYPE du document est mal formé");
        }
        return text.substring(start, at);
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private void skipPast(String end) {
        int found = text.indexOf(end, at);
        if (found < 0) {
            throw refused("le début du document est mal formé (« " + end + " » manquant)");
        }
        at = found + end.length();
    }

    private boolean startsWithIgnoreCase(String prefix) {
        return text.regionMatches(true, at, prefix, 0, prefix.length());
    }

    private static IllegalArgumentException refused(String reason) {
        return new IllegalArgumentException(reason);
    }
}
