package org.comptoir.connectors.ckan;

import org.comptoir.catalog.ingest.HarvestedRecord;
import org.comptoir.connectors.mapping.DatasetDescription;
import org.comptoir.connectors.mapping.JsonPages;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Maps one CKAN package (as {@code package_search} or {@code package_show} return it) to a record. */
final class CkanPackages {
    static final String MEDIA_TYPE = "application/json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CkanPackages() {}

    static HarvestedRecord record(JsonNode pkg, String portal) {
        var id = JsonPages.text(pkg, "id");
        var key = portal + "/dataset/" + id;
        var languages = JsonPages.texts(pkg, "language");
        var extras = extras(pkg);
        for (var name : new String[] {"language", "metadata-language"}) {
            if (languages.isEmpty() && field(pkg, extras, name) != null) {
                languages.add(field(pkg, extras, name));
            }
        }
        var declared = languages.isEmpty() ? null : DatasetDescription.languageTag(languages.get(0));
        var d = DatasetDescription.of(key, declared != null ? declared : "fr");

        translated(d, pkg, "title", true);
        translated(d, pkg, "notes", false);
        d.identifier(firstNonNull(field(pkg, extras, "identifier"), firstNonNull(extra(extras, "guid"), id)));
        d.version(JsonPages.text(pkg, "version"));
        for (var tag : pkg.path("tags")) {
            d.keyword(firstNonNull(JsonPages.text(tag, "display_name"), JsonPages.text(tag, "name")));
        }
        for (var group : pkg.path("groups")) {
            d.theme(firstNonNull(JsonPages.text(group, "title"), JsonPages.text(group, "name")));
        }
        JsonPages.texts(pkg, "theme").forEach(d::theme);
        listOrJson(field(pkg, extras, "theme")).forEach(d::theme);
        languages.forEach(d::dataLanguage);

        publisher(d, pkg, extras, portal);
        contact(d, pkg, extras);

        d.landingPage(firstNonNull(JsonPages.text(pkg, "url"), portal + "/dataset/" + JsonPages.text(pkg, "name")));
        JsonPages.texts(pkg, "documentation").forEach(d::page);
        JsonPages.texts(pkg, "conforms_to").forEach(d::conformsTo);
        d.issued(firstNonNull(field(pkg, extras, "issued"), JsonPages.text(pkg, "metadata_created")));
        d.modified(firstNonNull(field(pkg, extras, "modified"), JsonPages.text(pkg, "metadata_modified")));
        d.frequency(field(pkg, extras, "frequency"));
        d.frequency(extra(extras, "frequency-of-update"));

        spatial(d, pkg, extras);
        d.temporal(field(pkg, extras, "temporal_start"), field(pkg, extras, "temporal_end"));
        for (var period : pkg.path("temporal_coverage")) {
            d.temporal(JsonPages.text(period, "start"), JsonPages.text(period, "end"));
        }

        var licenceId = JsonPages.text(pkg, "license_id");
        var licenceTitle = JsonPages.text(pkg, "license_title");
        d.licence(
                CkanKind.isLicence(licenceId) ? licenceId : null,
                JsonPages.text(pkg, "license_url"),
                CkanKind.isLicence(licenceTitle) ? licenceTitle : null);
        d.rights(field(pkg, extras, "access_rights"));

        for (var resource : pkg.path("resources")) {
            distribution(d, resource, portal, id);
        }
        return d.record(key, JsonPages.raw(pkg), MEDIA_TYPE);
    }

    private static void translated(DatasetDescription d, JsonNode pkg, String field, boolean title) {
        var translations = pkg.path(field + "_translated");
        if (translations.isObject() && !translations.isEmpty()) {
            for (var entry : translations.properties()) {
                var text = JsonPages.text(entry.getValue());
                if (title) {
                    d.title(text, d.language(entry.getKey()));
                } else {
                    d.description(text, d.language(entry.getKey()));
                }
            }
            return;
        }
        if (title) {
            d.title(JsonPages.text(pkg, field));
        } else {
            d.description(JsonPages.text(pkg, field));
        }
    }

    private static void publisher(DatasetDescription d, JsonNode pkg, JsonNode extras, String portal) {
        for (var publisher : pkg.path("publisher")) {
            d.publisher(
                    firstNonNull(JsonPages.text(publisher, "uri"), JsonPages.text(publisher, "identifier")),
                    JsonPages.text(publisher, "name"));
        }
        d.publisher(extra(extras, "publisher_uri"), extra(extras, "publisher_name"));
        var organization = pkg.path("organization");
        if (organization.isObject()) {
            var name = JsonPages.text(organization, "name");
            d.publisher(
                    name == null ? null : portal + "/organization/" + name,
                    firstNonNull(JsonPages.text(organization, "title"), name));
        }
    }

    private static void contact(DatasetDescription d, JsonNode pkg, JsonNode extras) {
        for (var contact : pkg.path("contact")) {
            d.contactPoint(
                    JsonPages.text(contact, "name"), JsonPages.text(contact, "email"), JsonPages.text(contact, "url"));
        }
        d.contactPoint(extra(extras, "contact_name"), extra(extras, "contact_email"), extra(extras, "contact_uri"));
        d.contactPoint(JsonPages.text(pkg, "maintainer"), JsonPages.text(pkg, "maintainer_email"), null);
        d.contactPoint(JsonPages.text(pkg, "author"), JsonPages.text(pkg, "author_email"), null);
    }

    private static void spatial(DatasetDescription d, JsonNode pkg, JsonNode extras) {
        var spatial = field(pkg, extras, "spatial");
        if (spatial != null && spatial.startsWith("{")) {
            d.coverage(parse(spatial));
        }
        for (var coverage : pkg.path("spatial_coverage")) {
            d.coverage(coverage.path("bbox"));
            d.coverage(coverage.path("geom"));
            d.place(JsonPages.text(coverage, "uri"));
        }
        d.place(field(pkg, extras, "spatial_uri"));
        var west = number(extra(extras, "bbox-west-long"));
        var south = number(extra(extras, "bbox-south-lat"));
        var east = number(extra(extras, "bbox-east-long"));
        var north = number(extra(extras, "bbox-north-lat"));
        if (west != null && south != null && east != null && north != null) {
            d.bbox(west, south, east, north);
        }
    }

    private static Double number(String text) {
        try {
            return text == null ? null : Double.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void distribution(DatasetDescription d, JsonNode resource, String portal, String packageId) {
        var resourceId = JsonPages.text(resource, "id");
        var url = JsonPages.text(resource, "url");
        var upload = "upload".equals(JsonPages.text(resource, "url_type"));
        var size = resource.path("size");
        d.distribution(resourceId == null ? null : portal + "/dataset/" + packageId + "/resource/" + resourceId)
                .title(JsonPages.text(resource, "name"))
                .description(JsonPages.text(resource, "description"))
                .accessUrl(JsonPages.text(resource, "access_url"))
                .accessUrl(url)
                .downloadUrl(JsonPages.text(resource, "download_url"))
                .downloadUrl(upload ? url : null)
                .format(JsonPages.text(resource, "format"))
                .mediaType(JsonPages.text(resource, "mimetype"))
                .licence(JsonPages.text(resource, "license"))
                .byteSize(size.canConvertToLong() ? size.asLong() : null)
                .issued(firstNonNull(JsonPages.text(resource, "issued"), JsonPages.text(resource, "created")))
                .modified(firstNonNull(JsonPages.text(resource, "modified"), JsonPages.text(resource, "last_modified")))
                .add();
    }

    /** A field at the package's top level (ckanext-scheming), else in its extras. */
    private static String field(JsonNode pkg, JsonNode extras, String name) {
        var value = JsonPages.text(pkg, name);
        return value != null ? value : extra(extras, name);
    }

    private static JsonNode extras(JsonNode pkg) {
        var map = JSON.createObjectNode();
        for (var extra : pkg.path("extras")) {
            var key = JsonPages.text(extra, "key");
            if (key != null && extra.has("value")) {
                map.set(key, extra.get("value"));
            }
        }
        return map;
    }

    private static String extra(JsonNode extras, String name) {
        return JsonPages.text(extras, name);
    }

    /** ckanext-dcat keeps lists in extras as JSON arrays in a string. */
    private static java.util.List<String> listOrJson(String value) {
        if (value == null) {
            return java.util.List.of();
        }
        if (value.startsWith("[")) {
            var node = parse(value);
            var result = new java.util.ArrayList<String>();
            if (node != null) {
                node.forEach(item -> {
                    if (JsonPages.text(item) != null) {
                        result.add(JsonPages.text(item));
                    }
                });
            }
            return result;
        }
        return java.util.List.of(value);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}
