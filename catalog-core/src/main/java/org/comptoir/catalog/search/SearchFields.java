package org.comptoir.catalog.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The text fields every engine indexes, how much a match in each weighs, and what an engine puts in
 * them: for each field, one string of analysed tokens per value ({@link SearchAnalysis#indexText}),
 * indexed with a whitespace analyzer, values kept apart so that a phrase never spans two of them.
 */
public final class SearchFields {
    public static final String TITLE = "title";
    public static final String DESCRIPTION = "description";
    public static final String KEYWORDS = "keywords";
    public static final String THEMES = "themes";
    public static final String PUBLISHER = "publisher";
    public static final String DISTRIBUTIONS = "distributions";

    /** Every token of every field, the one field typo-tolerant matching looks into. */
    public static final String ALL = "all";

    /**
     * The weight of a match in each field, largest first: a title match outranks a keyword or theme
     * match, which outranks a description match, which outranks a distribution or publisher match.
     */
    public static final Map<String, Float> BOOSTS = boosts();

    /** The fields whose snippets show why a hit matched ({@link SearchHighlighter}). */
    public static final List<String> HIGHLIGHTED = List.of(TITLE, DESCRIPTION, KEYWORDS, DISTRIBUTIONS);

    /** The words completion matches a prefix against: titles, keywords and owner names. */
    public static final String SUGGEST_TITLE = "suggest_title";

    public static final String SUGGEST_KEYWORD = "suggest_keyword";
    public static final String SUGGEST_OWNER = "suggest_owner";

    /** Phrases may not match across two values of a multi-valued field: engines leave this gap. */
    public static final int POSITION_GAP = 100;

    private SearchFields() {}

    /**
     * The token strings to index for a document, by field: every field of {@link #BOOSTS} and
     * {@link #ALL}, each with one string per non-empty value.
     */
    public static Map<String, List<String>> analysed(SearchDocument document) {
        var fields = new LinkedHashMap<String, List<String>>();
        var all = new ArrayList<String>();
        for (var field : BOOSTS.keySet()) {
            var values = new ArrayList<String>();
            for (var value : document.text(field)) {
                var tokens = SearchAnalysis.indexText(value);
                if (!tokens.isEmpty()) {
                    values.add(tokens);
                    all.add(tokens);
                }
            }
            fields.put(field, values);
        }
        fields.put(ALL, all);
        return fields;
    }

    /**
     * The distinct folded words completion matches, by suggest field: the title's, the keywords' and
     * the owner's. Owner words are indexed for every document; only internal viewers are offered them.
     */
    public static Map<String, List<String>> suggestWords(SearchDocument document) {
        var fields = new LinkedHashMap<String, List<String>>();
        fields.put(SUGGEST_TITLE, distinctWords(document.text(TITLE)));
        fields.put(SUGGEST_KEYWORD, distinctWords(document.text(KEYWORDS)));
        fields.put(
                SUGGEST_OWNER,
                distinctWords(document.facet(Facet.OWNER).stream()
                        .map(SearchDocument.FacetTerm::value)
                        .toList()));
        return fields;
    }

    private static List<String> distinctWords(List<String> values) {
        var words = new LinkedHashSet<String>();
        values.forEach(value -> words.addAll(SearchAnalysis.words(value)));
        return List.copyOf(words);
    }

    private static Map<String, Float> boosts() {
        var boosts = new LinkedHashMap<String, Float>();
        boosts.put(TITLE, 5f);
        boosts.put(KEYWORDS, 3f);
        boosts.put(THEMES, 2.5f);
        boosts.put(DESCRIPTION, 1.5f);
        boosts.put(DISTRIBUTIONS, 1f);
        boosts.put(PUBLISHER, 1f);
        return java.util.Collections.unmodifiableMap(boosts);
    }
}
