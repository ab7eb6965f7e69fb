package org.comptoir.connectors.mapping;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Paging by offset and limit in a URL's query ({@code rows}/{@code start} for CKAN, {@code
 * limit}/{@code offset} for Opendatasoft, {@code page_size}/{@code page} for udata...): reads and
 * rewrites the two parameters, keeping the others in their order, so that a page that fails can be
 * split in two smaller ones or stepped over.
 *
 * @param limit the name of the page-size parameter
 * @param offset the name of the offset parameter (counted in records)
 */
public record OffsetPaging(String limit, String offset) {
    /** {@code url} with {@code name} set to {@code value}: replaced in place, else appended. */
    public static String with(String url, String name, String value) {
        var query = query(url);
        query.put(name, value);
        return base(url) + "?" + format(query);
    }

    /** The value of a query parameter, or null. */
    public static String parameter(String url, String name) {
        return query(url).get(name);
    }

    /** The page's size, or null when its URL does not say. */
    public Integer size(String url) {
        return number(parameter(url, limit));
    }

    /** The page's offset; 0 when its URL does not say. */
    public int start(String url) {
        var value = number(parameter(url, offset));
        return value == null ? 0 : value;
    }

    /** The page holding the records right after {@code url}'s, or null when its size is unknown. */
    public String after(String url) {
        var size = size(url);
        return size == null ? null : with(url, offset, String.valueOf(start(url) + size));
    }

    /** Two pages holding together the records of {@code url}; empty for a page of one record. */
    public List<String> split(String url) {
        var size = size(url);
        if (size == null || size < 2) {
            return List.of();
        }
        int first = (size + 1) / 2;
        var start = start(url);
        var one = with(with(url, limit, String.valueOf(first)), offset, String.valueOf(start));
        var two = with(with(url, limit, String.valueOf(size - first)), offset, String.valueOf(start + first));
        return List.of(one, two);
    }

    /**
     * The next page when the source holds {@code total} records and this page returned {@code
     * returned}: null once the offset reaches the total, or when the page came back empty.
     */
    public String next(String url, int returned, Long total) {
        if (returned == 0) {
            return null;
        }
        var after = after(url);
        if (after == null) {
            return null;
        }
        return total != null && start(after) >= total ? null : after;
    }

    private static String base(String url) {
        int question = url.indexOf('?');
        return question < 0 ? url : url.substring(0, question);
    }

    private static Map<String, String> query(String url) {
        var result = new LinkedHashMap<String, String>();
        int question = url.indexOf('?');
        if (question < 0 || question == url.length() - 1) {
            return result;
        }
        for (var pair : url.substring(question + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            var name = decode(equals < 0 ? pair : pair.substring(0, equals));
            var value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            result.putIfAbsent(name, value);
        }
        return result;
    }

    private static String format(Map<String, String> query) {
        var parts = new ArrayList<String>();
        query.forEach((name, value) -> parts.add(encode(name) + "=" + encode(value)));
        return String.join("&", parts);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8)
                .replace("%3A", ":")
                .replace("%2C", ",")
                .replace("%2F", "/");
    }

    private static Integer number(String text) {
        if (text == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(text.strip());
            return value >= 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The origin and path of a URL, without query or fragment, for building links next to it. */
    public static URI withoutQuery(String url) {
        try {
            var uri = new URI(url);
            return new URI(uri.getScheme(), uri.getAuthority(), uri.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(url, e);
        }
    }
}
