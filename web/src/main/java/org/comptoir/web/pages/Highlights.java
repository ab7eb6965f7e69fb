package org.comptoir.web.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.comptoir.web.pages.Views.Segment;
import org.springframework.web.util.HtmlUtils;

/**
 * Reads the engines' highlighted snippets (HTML-escaped text with {@code <mark>} around the words
 * found) into plain segments the templates escape again themselves: a snippet never reaches the
 * page as markup, whatever it holds.
 */
final class Highlights {
    private static final Pattern MARK = Pattern.compile("</?mark>");
    /** The fields whose snippet stands in for the excerpt, best first. */
    private static final List<String> SNIPPET_FIELDS = List.of("description", "keywords", "distributions");

    private Highlights() {}

    static List<Segment> segments(String snippet) {
        var segments = new ArrayList<Segment>();
        var matcher = MARK.matcher(snippet);
        int from = 0;
        boolean marked = false;
        while (matcher.find()) {
            add(segments, snippet.substring(from, matcher.start()), marked);
            marked = matcher.group().equals("<mark>");
            from = matcher.end();
        }
        add(segments, snippet.substring(from), marked);
        return segments;
    }

    /**
     * The title shown with its marks: the title snippet whose text is that title (a dataset has a
     * title per language); empty when that title did not match.
     */
    static List<Segment> title(Map<String, List<String>> highlights, String shown) {
        for (var snippet : highlights.getOrDefault("title", List.of())) {
            var segments = segments(snippet);
            var text = new StringBuilder();
            segments.forEach(segment -> text.append(segment.text()));
            if (text.toString().equals(shown)) {
                return segments;
            }
        }
        return List.of();
    }

    /** The first snippet of the description, else of the keywords or distributions; empty if none. */
    static List<Segment> snippet(Map<String, List<String>> highlights) {
        for (var field : SNIPPET_FIELDS) {
            var snippets = highlights.getOrDefault(field, List.of());
            if (!snippets.isEmpty()) {
                return segments(String.join(" … ", snippets.subList(0, Math.min(2, snippets.size()))));
            }
        }
        return List.of();
    }

    private static void add(List<Segment> segments, String escaped, boolean marked) {
        if (!escaped.isEmpty()) {
            segments.add(new Segment(HtmlUtils.htmlUnescape(escaped), marked));
        }
    }
}
