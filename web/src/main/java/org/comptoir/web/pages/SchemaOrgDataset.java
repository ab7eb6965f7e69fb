package org.comptoir.web.pages;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.comptoir.catalog.dataset.Agent;
import org.comptoir.catalog.dataset.Dataset;
import org.comptoir.ontologies.AuthorityTables;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A dataset as schema.org {@code Dataset} JSON-LD, the form search engines (Google Dataset Search)
 * read from a page. Written with Jackson, with {@code <}, {@code >} and {@code &} escaped so that no
 * title can close the {@code <script>} element it is embedded in.
 */
final class SchemaOrgDataset {
    private static final JsonMapper JSON = JsonMapper.builder(
                    JsonFactory.builder().characterEscapes(new HtmlSafe()).build())
            .build();
    private static final Map<String, String> ISO_639_1 = twoLetterCodes();

    private SchemaOrgDataset() {}

    /**
     * @param url the dataset's public address, which is also its page
     * @param lang the language of the texts to give
     */
    static String of(Dataset dataset, String url, String lang) {
        var tables = AuthorityTables.bundled();
        var views = new DatasetViews(Locale.of(lang));
        var d = dataset.description();
        var json = JSON.createObjectNode();
        json.put("@context", "https://schema.org");
        json.put("@type", "Dataset");
        json.put("@id", url);
        json.put("name", d.title().best(lang));
        putIfPresent(json, "description", d.description().best(lang));
        json.put("url", url);
        var identifiers = json.putArray("identifier");
        if (d.identifier() != null && !d.identifier().isBlank()) {
            identifiers.add(d.identifier());
        }
        identifiers.add(url);
        if (!d.keywords().isEmpty()) {
            var keywords = json.putArray("keywords");
            d.keywords().forEach(keywords::add);
            d.themes().forEach(theme -> keywords.add(tables.label(theme, lang)));
        }
        var licences = new LinkedHashSet<String>();
        d.distributions().forEach(dist -> views.licence(dist.license())
                .map(AuthorityTables.Concept::iri)
                .or(() -> java.util.Optional.ofNullable(SafeUrls.safe(dist.license())))
                .ifPresent(licences::add));
        putOneOrMany(json, "license", licences);
        if (d.publisher() != null) {
            json.set("publisher", organization(d.publisher(), lang));
            json.set("creator", organization(d.publisher(), lang));
        }
        putIfPresent(json, "dateModified", d.modified());
        putIfPresent(json, "datePublished", d.issued());
        var languages = new LinkedHashSet<String>();
        d.languages().forEach(language -> tables.concept(language)
                .map(c -> ISO_639_1.getOrDefault(c.notation().toUpperCase(Locale.ROOT), c.label("en")))
                .ifPresent(languages::add));
        putOneOrMany(json, "inLanguage", languages);
        if (d.temporal() != null
                && (d.temporal().start() != null || d.temporal().end() != null)) {
            json.put(
                    "temporalCoverage",
                    (d.temporal().start() == null ? ".." : d.temporal().start()) + "/"
                            + (d.temporal().end() == null ? ".." : d.temporal().end()));
        }
        DatasetViews.box(d.spatial()).ifPresent(box -> {
            var place = json.putObject("spatialCoverage");
            place.put("@type", "Place");
            var shape = place.putObject("geo");
            shape.put("@type", "GeoShape");
            // schema.org boxes are "south west north east", latitude first
            shape.put("box", "%s %s %s %s".formatted(box.south(), box.west(), box.north(), box.east()));
        });
        json.put("isAccessibleForFree", dataset.isOpen());
        var distributions = JSON.createArrayNode();
        for (var dist : d.distributions()) {
            var contentUrl = SafeUrls.safe(dist.downloadUrl() != null ? dist.downloadUrl() : dist.accessUrl());
            if (contentUrl == null) {
                continue;
            }
            var download = distributions.addObject();
            download.put("@type", "DataDownload");
            putIfPresent(download, "name", dist.title().best(lang));
            download.put("contentUrl", contentUrl);
            var encoding = dist.mediaType() != null
                    ? DatasetViews.mediaType(dist.mediaType())
                    : dist.format() == null
                            ? null
                            : tables.fileTypeFor(dist.format())
                                    .flatMap(AuthorityTables.Concept::mediaType)
                                    .orElseGet(() -> views.format(dist).orElse(null));
            putIfPresent(download, "encodingFormat", encoding);
            views.licence(dist.license())
                    .map(AuthorityTables.Concept::iri)
                    .or(() -> java.util.Optional.ofNullable(SafeUrls.safe(dist.license())))
                    .ifPresent(licence -> download.put("license", licence));
        }
        if (!distributions.isEmpty()) {
            json.set("distribution", distributions);
        }
        return JSON.writeValueAsString(json);
    }

    /** ISO 639-1 codes ({@code fr}) by the three-letter codes of the EU language table ({@code FRA}). */
    private static Map<String, String> twoLetterCodes() {
        var codes = new java.util.HashMap<String, String>();
        for (var code : Locale.getISOLanguages()) {
            try {
                codes.putIfAbsent(Locale.of(code).getISO3Language().toUpperCase(Locale.ROOT), code);
            } catch (java.util.MissingResourceException e) {
                // no three-letter code: the EU table cannot name it either
            }
        }
        return Map.copyOf(codes);
    }

    private static ObjectNode organization(Agent agent, String lang) {
        var organization = JSON.createObjectNode();
        organization.put("@type", "Organization");
        organization.put("name", agent.name().best(lang));
        var iri = SafeUrls.safe(agent.iri());
        if (iri != null) {
            organization.put("@id", iri);
            organization.put("url", iri);
        }
        return organization;
    }

    private static void putIfPresent(ObjectNode json, String name, String value) {
        if (value != null && !value.isBlank()) {
            json.put(name, value);
        }
    }

    private static void putOneOrMany(ObjectNode json, String name, Set<String> values) {
        if (values.size() == 1) {
            json.put(name, values.iterator().next());
        } else if (values.size() > 1) {
            ArrayNode array = json.putArray(name);
            values.forEach(array::add);
        }
    }

    /** JSON's own escapes, plus {@code <}, {@code >} and {@code &} as {@code \\u003C}... */
    private static final class HtmlSafe extends CharacterEscapes {
        private final int[] escapes;

        HtmlSafe() {
            escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
