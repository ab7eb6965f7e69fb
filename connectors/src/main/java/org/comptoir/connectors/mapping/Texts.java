package org.comptoir.connectors.mapping;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Text as sources write it. Portals put HTML in descriptions (ArcGIS, DKAN, Opendatasoft) where
 * DCAT expects plain text: {@link #plain} keeps the words and the paragraphs and drops the markup,
 * scripts included. Markdown (CKAN, udata) is text already and is kept as it is.
 */
public final class Texts {
    private static final Pattern TAG = Pattern.compile("<(/?[a-zA-Z][a-zA-Z0-9]*|!--)[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);");
    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "section",
            "article",
            "ul",
            "ol",
            "li",
            "table",
            "tr",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "blockquote",
            "pre",
            "dl",
            "dt",
            "dd");
    private static final Set<String> HIDDEN = Set.of("script", "style", "head", "template");

    private Texts() {}

    /** {@code value} without markup, its paragraphs separated by blank lines; null when nothing is left. */
    public static String plain(String value) {
        if (value == null) {
            return null;
        }
        var text = TAG.matcher(value).find() || ENTITY.matcher(value).find() ? fromHtml(value) : value;
        text = text.replace("\r\n", "\n")
                .replaceAll("[ \\t\\x0B\\f\\u00A0]+\\n", "\n")
                .replaceAll("\\n{3,}", "\n\n");
        text = text.strip();
        return text.isEmpty() ? null : text;
    }

    private static String fromHtml(String html) {
        var body = Jsoup.parseBodyFragment(html).body();
        body.select(String.join(",", HIDDEN)).remove();
        var out = new StringBuilder();
        body.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    var words = text.getWholeText().replaceAll("[\\s\\u00A0\\u202F]+", " ");
                    if (out.isEmpty() || out.charAt(out.length() - 1) == '\n') {
                        words = words.stripLeading();
                    }
                    out.append(words);
                } else if (node instanceof Element element) {
                    if (element.nameIs("br")) {
                        out.append('\n');
                    } else if (element.nameIs("li")) {
                        newLine(out);
                        out.append("- ");
                    } else if (BLOCKS.contains(element.normalName())) {
                        paragraph(out);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.nameIs("li")) {
                    newLine(out);
                } else if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    paragraph(out);
                }
            }
        });
        return out.toString();
    }

    private static void newLine(StringBuilder out) {
        trimTrailingSpaces(out);
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    private static void paragraph(StringBuilder out) {
        newLine(out);
        if (!out.isEmpty() && (out.length() < 2 || out.charAt(out.length() - 2) != '\n')) {
            out.append('\n');
        }
    }

    private static void trimTrailingSpaces(StringBuilder out) {
        while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
    }
}
