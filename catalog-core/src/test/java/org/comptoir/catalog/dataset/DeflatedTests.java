package org.comptoir.catalog.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.zip.InflaterOutputStream;
import org.junit.jupiter.api.Test;

class DeflatedTests {
    private static final String TRIPLE = "<https://data.example.fr/jeux/%d> <http://purl.org/dc/terms/title> "
            + "\"Consommation d'énergie des bâtiments n°%d ⚡\"@fr .\n";

    @Test
    void givesBackTheTextItWasGivenInAFractionOfItsSize() {
        var text = triples(60);

        var deflated = Deflated.of(text);

        assertThat(deflated.text()).isEqualTo(text);
        assertThat(deflated.size())
                .as("N-Triples repeat their IRIs")
                .isLessThan(text.getBytes(StandardCharsets.UTF_8).length / 4);
    }

    @Test
    void storesZlibThatAnyToolInflates() throws Exception {
        var text = triples(3);
        var inflated = new ByteArrayOutputStream();
        try (var out = new InflaterOutputStream(inflated)) {
            out.write(Deflated.of(text).bytes());
        }

        assertThat(inflated.toString(StandardCharsets.UTF_8)).isEqualTo(text);
    }

    @Test
    void keepsEmptyTextAndTextThatDoesNotShrink() {
        var noise = new byte[300_000];
        new Random(7).nextBytes(noise);
        // random letters: deflate barely makes them smaller, so the output buffer has to grow
        var letters = Base64.getEncoder().encodeToString(noise);

        assertThat(Deflated.of("").text()).isEmpty();
        assertThat(Deflated.of(letters).text()).isEqualTo(letters);
    }

    @Test
    void keepsATextThatInflatesToFarMoreThanItsDeflatedSize() {
        // one character repeated, 6 MB: deflated a hundredfold, so the inflated buffer has to grow
        var text = "é".repeat(3_000_000);

        var deflated = Deflated.of(text);

        assertThat(deflated.size()).isLessThan(60_000);
        assertThat(deflated.text()).isEqualTo(text);
    }

    @Test
    void deflatesAndInflatesOnEveryThreadAtOnce() {
        var texts = IntStream.range(0, 2_000).mapToObj(i -> triples(i % 50)).toList();

        var back = texts.parallelStream().map(Deflated::of).map(Deflated::text).toList();

        assertThat(back).isEqualTo(texts);
    }

    @Test
    void saysSoWhenStoredBytesAreNotDeflatedText() {
        var notDeflated = Deflated.stored("<a> <b> <c> .".getBytes(StandardCharsets.UTF_8));
        var whole = Deflated.of(triples(20)).bytes();
        var cutShort = Deflated.stored(Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(notDeflated::text)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be inflated");
        assertThatThrownBy(cutShort::text)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cut short");
        // the pooled inflaters were reset: the next text reads as ever
        assertThat(Deflated.of("encore").text()).isEqualTo("encore");
    }

    private static String triples(int count) {
        var text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(TRIPLE.formatted(i, i));
        }
        return text.toString();
    }
}
