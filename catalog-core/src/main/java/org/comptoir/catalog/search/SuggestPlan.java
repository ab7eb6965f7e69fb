package org.comptoir.catalog.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a person has typed so far, as every engine completes it: the folded words ({@link
 * SearchAnalysis#words}), all complete but the last, which may be cut short. An engine finds the
 * visible datasets whose {@link SearchFields#SUGGEST_TITLE} (or keyword, or owner) words contain
 * each complete word and a word starting with the last, then keeps, among their titles, keywords or
 * owner names, those that {@link #matches} says complete the text, and {@link #merge}s them.
 *
 * @param words the folded words typed, at most {@link #MAX_WORDS}; never empty
 */
public record SuggestPlan(List<String> words) {
    public static final int MAX_WORDS = 8;

    public SuggestPlan {
        words = List.copyOf(words);
    }

    /** The plan of a prefix; empty when it holds no word (only punctuation or emoji). */
    public static Optional<SuggestPlan> parse(String prefix) {
        var words = SearchAnalysis.words(prefix);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        if (words.size() > MAX_WORDS) {
            words = words.subList(words.size() - MAX_WORDS, words.size());
        }
        return Optional.of(new SuggestPlan(words));
    }

    /** The words typed in full. */
    public List<String> complete() {
        return words.subList(0, words.size() - 1);
    }

    /** The last word, perhaps cut short. */
    public String last() {
        return words.getLast();
    }

    /** Whether a title, keyword or owner name completes what was typed. */
    public boolean matches(String candidate) {
        var candidateWords = SearchAnalysis.words(candidate);
        return candidateWords.containsAll(complete()) && candidateWords.stream().anyMatch(w -> w.startsWith(last()));
    }

    /**
     * Merges suggestions of every kind, taking in turn the best title, the best keyword and the best
     * owner, then the second of each..., dropping any whose text, folded, was already offered.
     */
    public static List<Suggestion> merge(
            List<Suggestion> titles, List<Suggestion> keywords, List<Suggestion> owners, int limit) {
        var seen = new LinkedHashMap<String, Suggestion>();
        var lists = List.of(titles, keywords, owners);
        int longest = lists.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest && seen.size() < limit; i++) {
            for (var list : lists) {
                if (i < list.size() && seen.size() < limit) {
                    seen.putIfAbsent(SearchAnalysis.fold(list.get(i).text()), list.get(i));
                }
            }
        }
        return new ArrayList<>(seen.values());
    }

    /**
     * Keeps the values that complete the text, most frequent first, as suggestions of a kind.
     *
     * @param counts values with how many visible datasets have them
     */
    public List<Suggestion> completing(Map<String, Long> counts, Suggestion.Kind kind, int limit) {
        return counts.entrySet().stream()
                .filter(e -> matches(e.getKey()))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(e -> new Suggestion(e.getKey(), kind, null))
                .toList();
    }
}
