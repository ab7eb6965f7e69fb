package org.comptoir.catalog.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

/**
 * What a person's search text asks for, parsed once and translated by every engine the same way.
 *
 * <p>The rules an engine applies:
 *
 * <ul>
 *   <li>every {@linkplain #words() word} must match: its token exactly in one of the {@link
 *       SearchFields#BOOSTS} fields (scored with that field's boost), or, for a typo, a token
 *       within {@link Word#maxEdits()} edits (transpositions count as one, the first {@link
 *       #FUZZY_PREFIX} characters equal) in {@link SearchFields#ALL}, scored {@link #FUZZY_WEIGHT};
 *   <li>every word of a quoted {@linkplain #phrases() phrase} must match exactly (no typo), and the
 *       phrase, when its words stand next to each other in one field, adds {@link #PHRASE_BOOST}
 *       times that field's boost: an exact phrase in quotes ranks first;
 *   <li>two or more unquoted words next to each other in a field add {@link #PROXIMITY_BOOST}
 *       times that field's boost;
 *   <li>an empty plan (no text, or only stop words and punctuation) matches every visible dataset.
 * </ul>
 *
 * <p>Text of any shape is accepted: quotes may be unbalanced, characters that mean something to an
 * engine's own query syntax are plain text here, and only the first {@link #MAX_WORDS} tokens count.
 *
 * @param words the tokens that must match, typos tolerated, in the order typed, without duplicates
 * @param phrases the quoted phrases of two or more tokens
 */
public record QueryPlan(List<Word> words, List<Phrase> phrases) {
    /** Tokens beyond this are ignored: no person types more, and a query stays cheap. */
    public static final int MAX_WORDS = 16;

    /** The weight of a typo-tolerant match relative to an exact match in the title. */
    public static final float FUZZY_WEIGHT = 0.3f;

    /** A token longer than this is no word a person mistyped: it must match exactly. */
    public static final int MAX_FUZZY_LENGTH = 30;

    /** How many first characters of a word a typo never touches. */
    public static final int FUZZY_PREFIX = 1;

    /** The extra weight of a quoted phrase found as typed. */
    public static final float PHRASE_BOOST = 10f;

    /** The extra weight of unquoted words found next to each other. */
    public static final float PROXIMITY_BOOST = 2f;

    public static final QueryPlan EMPTY = new QueryPlan(List.of(), List.of());

    public QueryPlan {
        words = List.copyOf(words);
        phrases = List.copyOf(phrases);
    }

    /**
     * A token that must match.
     *
     * @param token the analysed token
     * @param maxEdits the typos tolerated: 0 for a token of up to 3 characters, with a digit or
     *     longer than {@link #MAX_FUZZY_LENGTH}, 1 up to 7 characters, 2 beyond; always 0 for a word
     *     of a quoted phrase
     */
    public record Word(String token, int maxEdits) {
        /** Whether an analysed token of a document is this word, exactly or within its typos. */
        boolean matches(String candidate, CharacterRunAutomaton fuzzy) {
            return token.equals(candidate) || (fuzzy != null && fuzzy.run(candidate));
        }

        /**
         * The automaton of this word's typos; built once per word and kept (people search the same
         * words again and again), at most {@link #AUTOMATA_KEPT} at a time.
         */
        CharacterRunAutomaton automaton() {
            if (maxEdits == 0) {
                return null;
            }
            return AUTOMATA.get(this, word -> {
                var prefix = token.substring(0, Math.min(FUZZY_PREFIX, token.length()));
                var rest = token.substring(prefix.length());
                return new CharacterRunAutomaton(new LevenshteinAutomata(rest, true).toAutomaton(maxEdits, prefix));
            });
        }
    }

    /** Most typo automata kept, the most used; beyond, the others are built again as needed. */
    static final int AUTOMATA_KEPT = 4_096;

    private static final Cache<Word, CharacterRunAutomaton> AUTOMATA =
            Caffeine.newBuilder().maximumSize(AUTOMATA_KEPT).build();

    /** Tokens that rank higher when they stand next to each other, in this order. */
    public record Phrase(List<String> tokens) {
        public Phrase {
            tokens = List.copyOf(tokens);
        }
    }

    /** Parses what a person typed; never fails. */
    public static QueryPlan parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        var words = new LinkedHashSet<Word>();
        var phrases = new ArrayList<Phrase>();
        var parts = text.split("\"", -1);
        // Even parts are outside quotes; an odd part is quoted only when a closing quote follows it.
        for (int i = 0; i < parts.length && words.size() < MAX_WORDS; i++) {
            boolean quoted = i % 2 == 1 && i < parts.length - 1;
            var tokens = SearchAnalysis.tokens(parts[i]);
            if (tokens.size() > MAX_WORDS - words.size()) {
                tokens = tokens.subList(0, MAX_WORDS - words.size());
            }
            for (var token : tokens) {
                words.add(new Word(token, quoted ? 0 : maxEdits(token)));
            }
            if (quoted && tokens.size() > 1) {
                phrases.add(new Phrase(tokens));
            }
        }
        // The same token asked both exactly and loosely: exactly wins.
        var exact =
                words.stream().filter(w -> w.maxEdits() == 0).map(Word::token).toList();
        var unique = words.stream()
                .filter(w -> w.maxEdits() == 0 || !exact.contains(w.token()))
                .toList();
        return new QueryPlan(unique, phrases);
    }

    /** The typos tolerated in a token, by its length. */
    public static int maxEdits(String token) {
        if (token.chars().anyMatch(Character::isDigit)) {
            return 0;
        }
        int length = token.codePointCount(0, token.length());
        return length <= 3 || length > MAX_FUZZY_LENGTH ? 0 : length <= 7 ? 1 : 2;
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    /**
     * The unquoted words in the order typed, when there are two or more: engines boost them found
     * next to each other ({@link #PROXIMITY_BOOST}).
     */
    public List<String> looseTokens() {
        var quoted = phrases.stream().flatMap(p -> p.tokens().stream()).toList();
        var loose =
                words.stream().map(Word::token).filter(t -> !quoted.contains(t)).toList();
        return loose.size() > 1 ? loose : List.of();
    }
}
