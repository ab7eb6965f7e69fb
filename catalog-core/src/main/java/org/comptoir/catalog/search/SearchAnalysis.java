package org.comptoir.catalog.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.TypeTokenFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * The text analysis of the search, done in the application so that every engine indexes and
 * queries the very same tokens (see ADR 0008): words split on Unicode
 * boundaries, French elisions removed ({@code l'éclairage} → {@code éclairage}), lower case, French
 * and English stop words dropped, accents folded, then French light stemming, so that {@code
 * Bâtiments}, {@code bâtiment} and {@code batiment} all become {@code batiment}. Emoji are no words:
 * they are dropped.
 *
 * <p>An engine indexes {@link #indexText(String)} with a whitespace analyzer and nothing else.
 * Suggestions use a lighter chain ({@link #words(String)}): the same words, folded but neither
 * stemmed nor stripped of stop words, so that a prefix typed by a person still matches.
 *
 * <p>Analyzers are built once and are safe to share between threads.
 */
public final class SearchAnalysis {
    private static final CharArraySet STOP_WORDS = stopWords();
    private static final Set<String> EMOJI = Set.of(StandardTokenizer.TOKEN_TYPES[StandardTokenizer.EMOJI]);
    private static final Analyzer SEARCH = new FrenchChain(true);
    private static final Analyzer WORDS = new FrenchChain(false);

    private SearchAnalysis() {}

    /** The analysed tokens of a text, in order; empty for a text of stop words only. */
    public static List<String> tokens(String text) {
        return collect(SEARCH, text);
    }

    /**
     * The tokens of a text joined by single spaces: what an engine indexes with a whitespace analyzer.
     * Short texts (keywords, theme labels, publishers, distribution titles), which recur from one
     * dataset to the next, are analysed once and kept, at most {@link #SHORT_TEXTS_KEPT} of them.
     */
    public static String indexText(String text) {
        if (text == null || text.length() > SHORT_TEXT) {
            return String.join(" ", tokens(text));
        }
        return SHORT_TEXTS.get(text, kept -> String.join(" ", tokens(kept)));
    }

    /** Longest text whose analysis is kept. */
    static final int SHORT_TEXT = 80;

    /** Most short texts whose analysis is kept, the most met; beyond, the others are analysed again. */
    static final int SHORT_TEXTS_KEPT = 50_000;

    private static final Cache<String, String> SHORT_TEXTS =
            Caffeine.newBuilder().maximumSize(SHORT_TEXTS_KEPT).build();

    /** The folded words of a text, neither stemmed nor stripped of stop words: for completion. */
    public static List<String> words(String text) {
        return collect(WORDS, text);
    }

    /** A text lower-cased and without accents, its words separated by single spaces: for sorting. */
    public static String fold(String text) {
        return String.join(" ", words(text));
    }

    /**
     * Calls {@code consumer} with every analysed token of a text and where it stands in the text.
     * The tokens of short {@code recurring} texts (keywords, distribution titles: the same few come
     * back in hit after hit) are kept, at most {@link #SHORT_TEXTS_KEPT} of them, like {@link
     * #indexText}'s.
     */
    static void forEachToken(String text, boolean recurring, TokenConsumer consumer) {
        if (text == null || text.isEmpty()) {
            return;
        }
        if (!recurring || text.length() > SHORT_TEXT) {
            analyse(text, consumer);
            return;
        }
        var located = SHORT_TOKENS.get(text, LocatedTokens::of);
        for (int i = 0; i < located.tokens().length; i++) {
            consumer.accept(located.tokens()[i], located.starts()[i], located.ends()[i]);
        }
    }

    private static final Cache<String, LocatedTokens> SHORT_TOKENS =
            Caffeine.newBuilder().maximumSize(SHORT_TEXTS_KEPT).build();

    private static void analyse(String text, TokenConsumer consumer) {
        try (TokenStream stream = SEARCH.tokenStream("", text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            var offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                consumer.accept(term.toString(), offset.startOffset(), offset.endOffset());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text's analysed tokens and where each stands in the text. */
    private record LocatedTokens(String[] tokens, int[] starts, int[] ends) {
        static LocatedTokens of(String text) {
            var tokens = new ArrayList<String>();
            var offsets = new ArrayList<int[]>();
            analyse(text, (token, start, end) -> {
                tokens.add(token);
                offsets.add(new int[] {start, end});
            });
            return new LocatedTokens(
                    tokens.toArray(String[]::new),
                    offsets.stream().mapToInt(o -> o[0]).toArray(),
                    offsets.stream().mapToInt(o -> o[1]).toArray());
        }
    }

    /** Receives a token and its offsets in the analysed text. */
    @FunctionalInterface
    interface TokenConsumer {
        void accept(String token, int start, int end);
    }

    private static List<String> collect(Analyzer analyzer, String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        var tokens = new ArrayList<String>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private static CharArraySet stopWords() {
        var set = new CharArraySet(FrenchAnalyzer.getDefaultStopSet(), true);
        set.addAll(EnglishAnalyzer.getDefaultStopSet());
        return CharArraySet.unmodifiableSet(set);
    }

    private static final class FrenchChain extends Analyzer {
        private final boolean search;

        FrenchChain(boolean search) {
            this.search = search;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            var source = new StandardTokenizer();
            TokenStream stream = new TypeTokenFilter(source, EMOJI);
            stream = new ElisionFilter(stream, FrenchAnalyzer.DEFAULT_ARTICLES);
            stream = new LowerCaseFilter(stream);
            if (search) {
                stream = new StopFilter(stream, STOP_WORDS);
            }
            stream = new ASCIIFoldingFilter(stream);
            if (search) {
                stream = new FrenchLightStemFilter(stream);
            }
            return new TokenStreamComponents(source, stream);
        }
    }
}
