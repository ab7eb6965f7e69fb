package org.comptoir.connectors.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.comptoir.connectors.harvest.HarvestAbortedException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON page of a portal's API, and the values of its records. A page that is empty, HTML
 * (a maintenance or login page) or not JSON aborts the run with a reason naming its URL.
 */
public final class JsonPages {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private JsonPages() {}

    /**
     * @throws HarvestAbortedException when the page is not a JSON object
     */
    public static JsonNode read(byte[] body, String contentType, String pageUrl) {
        var root = readTree(body, contentType, pageUrl);
        if (!root.isObject()) {
            throw unreadable(pageUrl, "un objet JSON était attendu");
        }
        return root;
    }

    /**
     * @throws HarvestAbortedException when the page is not a JSON object or array
     */
    public static JsonNode readTree(byte[] body, String contentType, String pageUrl) {
        if (body.length == 0) {
            throw unreadable(pageUrl, "la source a renvoyé une page vide");
        }
        var type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/html") || type.startsWith("application/xhtml")) {
            throw unreadable(pageUrl, "la source a renvoyé une page HTML et non du JSON");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new HarvestAbortedException(
                    "la page " + pageUrl + " n'est pas du JSON lisible : " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isContainer()) {
            throw unreadable(pageUrl, "un objet ou un tableau JSON était attendu");
        }
        return root;
    }

    /** The record as its own JSON text, for the raw payload. */
    public static String raw(JsonNode record) {
        return JSON.writeValueAsString(record);
    }

    /** The text of a scalar field ({@code "a"}, {@code 12}, {@code true}), stripped; null when absent or blank. */
    public static String text(JsonNode node, String field) {
        return text(node == null ? null : node.get(field));
    }

    /** The text of a scalar node, stripped; null when absent, not a scalar, or blank. */
    public static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.isContainer()) {
            return null;
        }
        var value = node.asString().strip();
        return value.isEmpty() ? null : value;
    }

    /** The texts of a field holding a list of scalars, or a single scalar. */
    public static List<String> texts(JsonNode node, String field) {
        var value = node == null ? null : node.get(field);
        var result = new ArrayList<String>();
        if (value == null) {
            return result;
        }
        if (value.isArray()) {
            for (var item : value) {
                var text = text(item);
                if (text != null) {
                    result.add(text);
                }
            }
        } else if (text(value) != null) {
            result.add(text(value));
        }
        return result;
    }

    /** A count of the page ({@code count}, {@code total}...), or null when absent or not a count. */
    public static Long count(JsonNode node, String field) {
        var value = node == null ? null : node.get(field);
        return value != null && value.canConvertToLong() && value.asLong() >= 0 ? value.asLong() : null;
    }

    private static HarvestAbortedException unreadable(String pageUrl, String detail) {
        return new HarvestAbortedException("la page " + pageUrl + " n'est pas du JSON lisible : " + detail);
    }
}
