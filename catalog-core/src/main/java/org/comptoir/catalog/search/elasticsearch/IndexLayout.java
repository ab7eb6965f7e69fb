package org.comptoir.catalog.search.elasticsearch;

import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.comptoir.catalog.search.Facet;
import org.comptoir.catalog.search.SearchDocument;
import org.comptoir.catalog.search.SearchDocument.FacetTerm;
import org.comptoir.catalog.search.SearchFields;

/**
 * The shape of the dataset index: its fields, its settings, and a {@link SearchDocument} as the JSON
 * document stored in it. Text fields hold the application's analysed tokens (whitespace analyser, so
 * both engines index the same tokens); each dimension has a keyword field to filter on and a
 * keyword field of {@code value␟labelFr␟labelEn} to count on, so facet labels come back with the
 * counts; the original texts stay in {@code _source} only, for the shared highlighter.
 */
final class IndexLayout {
    static final String ID = "id";
    static final String TEXTS = "texts";
    static final String MODIFIED = "modified";
    static final String WEST = "west";
    static final String SOUTH = "south";
    static final String EAST = "east";
    static final String NORTH = "north";
    static final String OPEN = "open";
    static final String WITHDRAWN = "withdrawn";
    static final String GRANTS = "grants";
    static final String TITLE_SORT = "titleSort";
    static final String APPLIED_CHANGE = "appliedChange";

    /** The keywords as given, counted for completion. */
    static final String KEYWORDS = "keywords_counted";

    /** Separates a value from its labels in the counted facet field; never in an IRI or a label. */
    static final String SEPARATOR = "\u001f";

    /**
     * Keyword values longer than this are not indexed (the document still is): Lucene refuses terms
     * over 32,766 bytes, which 8,191 characters never reach.
     */
    static final int LONGEST_KEYWORD = 8_191;

    /** Titles sort on their first characters only, so that no title is too long to index. */
    static final int TITLE_SORT_LENGTH = 512;

    private static final Pattern PREFIX = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,200}");

    private IndexLayout() {}

    /**
     * The concrete index behind an alias. Engines read and write through the alias only, writes
     * with {@code require_alias}: a write racing a rebuild that dropped the index fails and is
     * retried once the index is back, instead of creating an index without this mapping.
     */
    static String concrete(String alias) {
        return alias + "-v1";
    }

    /** The alias of the index holding the datasets. */
    static String datasets(String prefix) {
        return prefix + "-datasets";
    }

    /** The alias of the small index holding the outbox position the datasets index reflects. */
    static String meta(String prefix) {
        return prefix + "-meta";
    }

    static String checkedPrefix(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("Préfixe d'index Elasticsearch invalide « " + prefix
                    + " » : lettres minuscules, chiffres, « - », « _ » ou « . », en commençant par une lettre"
                    + " ou un chiffre");
        }
        return prefix;
    }

    /** The keyword field a filter on a dimension matches. */
    static String filterField(Facet facet) {
        return "f_" + facet.apiName();
    }

    /** The keyword field of {@code value␟labelFr␟labelEn} a dimension is counted on. */
    static String countField(Facet facet) {
        return "fl_" + facet.apiName();
    }

    static IndexSettings settings() {
        // One shard holds 100,000 datasets easily and keeps scores equal to the embedded engine's; a
        // replica appears as soon as the cluster has a second node.
        // A refresh every half second keeps a write searchable within a second even before its
        // commit, and an explicit interval keeps Elasticsearch from pausing refreshes on idle shards.
        return IndexSettings.of(
                s -> s.numberOfShards("1").autoExpandReplicas("0-1").refreshInterval(t -> t.time("500ms")));
    }

    static TypeMapping datasetsMapping() {
        var properties = new LinkedHashMap<String, Property>();
        properties.put(ID, Property.of(p -> p.keyword(k -> k)));
        for (var field : tokenFields()) {
            properties.put(
                    field,
                    Property.of(p ->
                            p.text(t -> t.analyzer("whitespace").positionIncrementGap(SearchFields.POSITION_GAP))));
        }
        for (var field : suggestFields()) {
            properties.put(
                    field, Property.of(p -> p.keyword(k -> k.docValues(false).ignoreAbove(LONGEST_KEYWORD))));
        }
        for (var facet : Facet.values()) {
            properties.put(
                    filterField(facet),
                    Property.of(p -> p.keyword(k -> k.docValues(false).ignoreAbove(LONGEST_KEYWORD))));
            // Counted on every search: global ordinals are built at refresh, not by the first query.
            properties.put(
                    countField(facet),
                    Property.of(p -> p.keyword(k -> k.index(false).eagerGlobalOrdinals(true))));
        }
        properties.put(KEYWORDS, Property.of(p -> p.keyword(k -> k.index(false))));
        properties.put(MODIFIED, Property.of(p -> p.date(d -> d.format("strict_date"))));
        for (var side : List.of(WEST, SOUTH, EAST, NORTH)) {
            properties.put(side, Property.of(p -> p.double_(d -> d)));
        }
        properties.put(OPEN, Property.of(p -> p.boolean_(b -> b)));
        properties.put(WITHDRAWN, Property.of(p -> p.boolean_(b -> b)));
        properties.put(
                GRANTS, Property.of(p -> p.keyword(k -> k.docValues(false).ignoreAbove(LONGEST_KEYWORD))));
        properties.put(TITLE_SORT, Property.of(p -> p.keyword(k -> k.index(false))));
        properties.put(TEXTS, Property.of(p -> p.object(o -> o.enabled(false))));
        var excluded = new ArrayList<String>(tokenFields());
        excluded.addAll(suggestFields());
        excluded.add("fl_*");
        excluded.add(KEYWORDS);
        return TypeMapping.of(m -> m.dynamic(DynamicMapping.Strict)
                .source(s -> s.excludes(excluded))
                .properties(properties));
    }

    static TypeMapping metaMapping() {
        return TypeMapping.of(m -> m.dynamic(DynamicMapping.Strict)
                .properties(APPLIED_CHANGE, Property.of(p -> p.long_(l -> l.index(false)))));
    }

    /** The searched token fields: one per weighted field, and the one typos are looked for in. */
    static List<String> tokenFields() {
        var fields = new ArrayList<>(SearchFields.BOOSTS.keySet());
        fields.add(SearchFields.ALL);
        return fields;
    }

    static List<String> suggestFields() {
        return List.of(SearchFields.SUGGEST_TITLE, SearchFields.SUGGEST_KEYWORD, SearchFields.SUGGEST_OWNER);
    }

    /** The JSON document of a dataset. */
    static Map<String, Object> document(SearchDocument document) {
        var json = new LinkedHashMap<String, Object>();
        json.put(ID, document.id());
        json.putAll(SearchFields.analysed(document));
        json.putAll(SearchFields.suggestWords(document));
        document.facets().forEach((facet, terms) -> {
            // A value too long to index is no use as a filter or a count; the dataset is still found.
            var counted = terms.stream()
                    .map(t -> clean(t.value()) + SEPARATOR + clean(t.labelFr()) + SEPARATOR + clean(t.labelEn()))
                    .filter(key -> key.length() <= LONGEST_KEYWORD)
                    .toList();
            json.put(
                    filterField(facet),
                    counted.stream().map(key -> facetTerm(key).value()).toList());
            json.put(countField(facet), counted);
        });
        json.put(
                KEYWORDS,
                document.text(SearchFields.KEYWORDS).stream()
                        .filter(keyword -> !keyword.isBlank() && keyword.length() <= LONGEST_KEYWORD)
                        .map(IndexLayout::clean)
                        .distinct()
                        .toList());
        if (document.modified() != null) {
            json.put(MODIFIED, DateTimeFormatter.ISO_LOCAL_DATE.format(document.modified()));
        }
        if (document.bbox() != null) {
            json.put(WEST, document.bbox().west());
            json.put(SOUTH, document.bbox().south());
            json.put(EAST, document.bbox().east());
            json.put(NORTH, document.bbox().north());
        }
        json.put(OPEN, document.open());
        json.put(WITHDRAWN, document.withdrawn());
        json.put(GRANTS, List.copyOf(document.grants()));
        if (document.titleSort() != null) {
            var titleSort = document.titleSort();
            json.put(
                    TITLE_SORT,
                    titleSort.length() > TITLE_SORT_LENGTH ? titleSort.substring(0, TITLE_SORT_LENGTH) : titleSort);
        }
        json.put(TEXTS, document.texts());
        return json;
    }

    /** A value or label as counted: without the separator, never empty (as the Lucene engine does). */
    private static String clean(String text) {
        var cleaned = text.replace(SEPARATOR, " ").strip();
        return cleaned.isEmpty() ? "-" : cleaned;
    }

    /** A counted facet bucket's key back as the value and its labels. */
    static FacetTerm facetTerm(String key) {
        var parts = key.split(SEPARATOR, -1);
        var labelFr = parts.length > 1 ? parts[1] : parts[0];
        var labelEn = parts.length > 2 ? parts[2] : labelFr;
        return new FacetTerm(parts[0], labelFr, labelEn);
    }
}
