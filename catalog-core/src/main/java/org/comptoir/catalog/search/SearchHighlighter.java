package org.comptoir.catalog.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.comptoir.catalog.dataset.Description;

/**
 * Shows why a dataset matched: short snippets of its texts, HTML-escaped, the words the query found
 * wrapped in {@code <mark>} and {@code </mark>}. Words are found with the search's own analysis,
 * so {@code Bâtiments} is marked for {@code batiment} and {@code éclairage} for {@code eclairrage}.
 * The same whatever the engine: the texts are the dataset's as the store gives it, the one shown,
 * not read back from the index (which would cost reading each hit's stored texts from it).
 *
 * <p>One instance per query, reused for every hit of its page (its typo automata are built once);
 * safe to share between threads.
 */
public final class SearchHighlighter {
    /** A snippet of a long text keeps about this many characters around the first match. */
    public static final int SNIPPET_LENGTH = 180;

    /** At most this many snippets per field (a field such as keywords has many values). */
    public static final int MAX_SNIPPETS = 3;

    private static final int LEAD = 50;

    /**
     * The fields whose short texts come back from one dataset to the next (keywords, distribution
     * titles such as "Relevés 2021 (CSV)"), whose tokens are worth keeping; a title is its dataset's
     * own, and keeping it would only churn the kept tokens.
     */
    private static final Set<String> RECURRING = Set.of(SearchFields.KEYWORDS, SearchFields.DISTRIBUTIONS);

    private final List<QueryPlan.Word> words;
    private final List<CharacterRunAutomaton> automata;

    public SearchHighlighter(QueryPlan plan) {
        this.words = plan.words();
        this.automata = new ArrayList<>(words.size());
        words.forEach(word -> automata.add(word.automaton()));
    }

    /** A highlighter of the words of a query's text. */
    public static SearchHighlighter of(SearchQuery query) {
        return new SearchHighlighter(QueryPlan.parse(query.text()));
    }

    /**
     * The snippets of every {@linkplain SearchFields#HIGHLIGHTED highlighted field} of a description
     * where a word of the query occurs, by field; fields without one are left out.
     */
    public Map<String, List<String>> highlight(Description description) {
        if (words.isEmpty()) {
            return Map.of();
        }
        var texts = SearchDocuments.highlighted(description);
        return highlight(field -> texts.getOrDefault(field, List.of()));
    }

    /**
     * The snippets of every {@linkplain SearchFields#HIGHLIGHTED highlighted field} where a word of
     * the query occurs; fields without one are left out.
     *
     * @param values a hit's stored values of a field
     */
    public Map<String, List<String>> highlight(Function<String, List<String>> values) {
        var highlights = new LinkedHashMap<String, List<String>>();
        if (words.isEmpty()) {
            return highlights;
        }
        for (var field : SearchFields.HIGHLIGHTED) {
            var snippets = snippets(values.apply(field), RECURRING.contains(field));
            if (!snippets.isEmpty()) {
                highlights.put(field, snippets);
            }
        }
        return highlights;
    }

    /** The snippets of the values where a word of the query occurs, at most {@link #MAX_SNIPPETS}. */
    public List<String> snippets(List<String> values) {
        return snippets(values, true);
    }

    private List<String> snippets(List<String> values, boolean recurring) {
        var snippets = new ArrayList<String>();
        for (var value : values) {
            if (snippets.size() == MAX_SNIPPETS) {
                break;
            }
            var matches = matches(value, recurring);
            if (!matches.isEmpty()) {
                snippets.add(snippet(value, matches));
            }
        }
        return snippets;
    }

    private List<int[]> matches(String text, boolean recurring) {
        var matches = new ArrayList<int[]>();
        SearchAnalysis.forEachToken(text, recurring, (token, start, end) -> {
            for (int i = 0; i < words.size(); i++) {
                if (words.get(i).matches(token, automata.get(i))) {
                    matches.add(new int[] {start, end});
                    return;
                }
            }
        });
        return matches;
    }

    private static String snippet(String text, List<int[]> matches) {
        int from = 0;
        int to = text.length();
        if (text.length() > SNIPPET_LENGTH) {
            var first = matches.getFirst();
            from = Math.min(first[0], wordStart(text, Math.max(0, first[0] - LEAD)));
            to = Math.max(first[1], wordEnd(text, Math.min(text.length(), from + SNIPPET_LENGTH)));
        }
        var out = new StringBuilder(to - from + 32);
        if (from > 0) {
            out.append('…');
        }
        int at = from;
        for (var match : matches) {
            if (match[0] < at || match[1] > to) {
                continue;
            }
            escape(text, at, match[0], out);
            out.append("<mark>");
            escape(text, match[0], match[1], out);
            out.append("</mark>");
            at = match[1];
        }
        escape(text, at, to, out);
        if (to < text.length()) {
            out.append('…');
        }
        return out.toString().strip();
    }

    private static int wordStart(String text, int at) {
        if (at == 0) {
            return 0;
        }
        int space = text.indexOf(' ', at);
        return space < 0 ? at : space + 1;
    }

    private static int wordEnd(String text, int at) {
        if (at >= text.length()) {
            return text.length();
        }
        int space = text.lastIndexOf(' ', at);
        return space <= 0 ? at : space;
    }

    private static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
