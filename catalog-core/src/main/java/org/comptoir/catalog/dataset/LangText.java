package org.comptoir.catalog.dataset;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A text in several languages, keyed by BCP 47 language tag ({@code fr}, {@code en}); the empty
 * tag holds a text whose language the source did not say.
 */
public record LangText(Map<String, String> values) {
    public static final LangText EMPTY = new LangText(Map.of());

    public LangText {
        var copy = new LinkedHashMap<String, String>();
        if (values != null) {
            values.forEach((lang, text) -> {
                if (text != null && !text.isBlank()) {
                    copy.put(lang == null ? "" : lang.toLowerCase(java.util.Locale.ROOT), text.strip());
                }
            });
        }
        values = Collections.unmodifiableMap(copy);
    }

    public static LangText of(String lang, String text) {
        return new LangText(Map.of(lang, text));
    }

    public static LangText fr(String fr, String en) {
        var map = new LinkedHashMap<String, String>();
        map.put("fr", fr);
        if (en != null) {
            map.put("en", en);
        }
        return new LangText(map);
    }

    public Optional<String> get(String lang) {
        return Optional.ofNullable(values.get(lang));
    }

    /** The text in {@code lang}, else French, else English, else any; empty string if none. */
    public String best(String lang) {
        return get(lang)
                .or(() -> get("fr"))
                .or(() -> get("en"))
                .or(() -> get(""))
                .or(() -> values.values().stream().findFirst())
                .orElse("");
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
