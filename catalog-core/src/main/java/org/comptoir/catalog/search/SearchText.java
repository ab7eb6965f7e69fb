package org.comptoir.catalog.search;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.comptoir.catalog.dataset.Dataset;
import org.comptoir.ontologies.AuthorityTables;

/** The text a dataset is found by, folded so that {@code Bâtiments} and {@code batiments} meet. */
public final class SearchText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SearchText() {}

    public static String of(Dataset dataset) {
        var d = dataset.description();
        var text = new StringBuilder();
        d.title().values().values().forEach(v -> text.append(v).append(' '));
        d.description().values().values().forEach(v -> text.append(v).append(' '));
        d.keywords().forEach(k -> text.append(k).append(' '));
        d.themes().forEach(t -> text.append(AuthorityTables.bundled().label(t, "fr"))
                .append(' ')
                .append(AuthorityTables.bundled().label(t, "en"))
                .append(' '));
        if (d.publisher() != null) {
            d.publisher().name().values().values().forEach(v -> text.append(v).append(' '));
        }
        var owner = dataset.governance().owner();
        if (owner.orgUnit() != null) {
            text.append(owner.orgUnit()).append(' ');
        }
        d.distributions().forEach(dist -> dist.title().values().values().forEach(v -> text.append(v)
                .append(' ')));
        return fold(text.toString());
    }

    /** Lower case, accents removed, apostrophes and punctuation turned into spaces. */
    public static String fold(String text) {
        var decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed)
                .replaceAll("")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }
}
