package org.comptoir.connectors.dcatus;

import java.util.ArrayList;
import java.util.Map;
import java.util.regex.Pattern;
import org.comptoir.catalog.ingest.HarvestedRecord;
import org.comptoir.connectors.harvest.HarvestAbortedException;
import org.comptoir.connectors.harvest.SourceKind;
import org.comptoir.connectors.harvest.SourcePage;
import org.comptoir.connectors.mapping.DatasetDescription;
import org.comptoir.connectors.mapping.JsonPages;
import org.comptoir.connectors.mapping.Texts;
import org.comptoir.connectors.source.SourceKinds;
import tools.jackson.databind.JsonNode;

/**
 * Harvests a DCAT-US 1.1 catalogue ({@code data.json}): an ArcGIS Hub site's {@code
 * /api/feed/dcat-us/1.1.json}, or any Project Open Data feed. The feed is one page. (A Hub site's
 * DCAT-AP feed, {@code /api/feed/dcat-ap/2.0.1.json}, is JSON-LD: harvest it with the {@code
 * dcat-ap} kind.)
 *
 * <p>A dataset's key is its {@code identifier} when that is a web address (ArcGIS Hub gives the
 * item's address with its id and sublayer, which do not change when the site's slugs do), else the
 * feed's address with the identifier as fragment. Mapped: title, description and licence (HTML made
 * text; a licence is recognised by its name or by the first web address in its text), keywords,
 * themes, issued and modified dates, publisher, contact point, landing page, spatial coverage
 * ({@code "west,south,east,north"}), temporal coverage ({@code start/end}), frequency (ISO 8601
 * repeating durations such as {@code R/P1M}), languages, and distributions.
 */
public final class DcatUsKind implements SourceKind {
    static final String MEDIA_TYPE = "application/json";
    private static final Pattern BOX =
            Pattern.compile("\\s*(-?[\\d.]+)\\s*,\\s*(-?[\\d.]+)\\s*,\\s*(-?[\\d.]+)\\s*,\\s*(-?[\\d.]+)\\s*");
    private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>)]+");
    private static final Map<String, String> PERIODICITY = Map.ofEntries(
            Map.entry("R/PT1H", "HOURLY"),
            Map.entry("R/P1D", "DAILY"),
            Map.entry("R/P1W", "WEEKLY"),
            Map.entry("R/P2W", "BIWEEKLY"),
            Map.entry("R/P1M", "MONTHLY"),
            Map.entry("R/P2M", "BIMONTHLY"),
            Map.entry("R/P3M", "QUARTERLY"),
            Map.entry("R/P6M", "ANNUAL_2"),
            Map.entry("R/P1Y", "ANNUAL"),
            Map.entry("R/P2Y", "BIENNIAL"),
            Map.entry("R/P3Y", "TRIENNIAL"),
            Map.entry("R/P4Y", "OTHER"),
            Map.entry("R/P10Y", "DECENNIAL"),
            Map.entry("irregular", "IRREG"));

    @Override
    public String name() {
        return SourceKinds.DCAT_US;
    }

    @Override
    public String accept() {
        return "application/json";
    }

    @Override
    public String firstPage(String url, int pageSize) {
        return url;
    }

    @Override
    public SourcePage read(byte[] body, String contentType, String pageUrl) {
        var catalog = JsonPages.read(body, contentType, pageUrl);
        var datasets = catalog.get("dataset");
        if (datasets == null || !datasets.isArray()) {
            throw new HarvestAbortedException(
                    "la page " + pageUrl + " n'est pas un catalogue DCAT-US (data.json) : pas de tableau dataset");
        }
        var records = new ArrayList<HarvestedRecord>();
        for (var dataset : datasets) {
            if (dataset.isObject() && JsonPages.text(dataset, "identifier") != null) {
                records.add(record(dataset, pageUrl));
            }
        }
        return new SourcePage(records, null, (long) datasets.size());
    }

    static HarvestedRecord record(JsonNode dataset, String feedUrl) {
        var identifier = JsonPages.text(dataset, "identifier");
        var key = DatasetDescription.webIri(identifier) != null
                ? DatasetDescription.webIri(identifier)
                : feedUrl + "#" + java.net.URLEncoder.encode(identifier, java.nio.charset.StandardCharsets.UTF_8);
        var languages = JsonPages.texts(dataset, "language");
        var declared = languages.isEmpty() ? null : DatasetDescription.languageTag(languages.get(0));
        var d = DatasetDescription.of(key, declared != null ? declared : "fr")
                .title(JsonPages.text(dataset, "title"))
                .description(JsonPages.text(dataset, "description"))
                .identifier(identifier)
                .issued(JsonPages.text(dataset, "issued"))
                .modified(JsonPages.text(dataset, "modified"))
                .landingPage(JsonPages.text(dataset, "landingPage"))
                .publisher(null, JsonPages.text(dataset.path("publisher"), "name"));
        var contact = dataset.path("contactPoint");
        d.contactPoint(JsonPages.text(contact, "fn"), JsonPages.text(contact, "hasEmail"), null);
        JsonPages.texts(dataset, "keyword").forEach(d::keyword);
        JsonPages.texts(dataset, "theme").forEach(d::theme);
        languages.forEach(d::dataLanguage);
        JsonPages.texts(dataset, "conformsTo").forEach(d::conformsTo);
        var periodicity = JsonPages.text(dataset, "accrualPeriodicity");
        d.frequency(periodicity == null ? null : PERIODICITY.get(periodicity));
        var spatial = JsonPages.text(dataset, "spatial");
        var box = spatial == null ? null : BOX.matcher(spatial);
        if (box != null && box.matches()) {
            d.bbox(
                    Double.parseDouble(box.group(1)),
                    Double.parseDouble(box.group(2)),
                    Double.parseDouble(box.group(3)),
                    Double.parseDouble(box.group(4)));
        }
        var temporal = JsonPages.text(dataset, "temporal");
        if (temporal != null && temporal.contains("/")) {
            d.temporal(temporal.substring(0, temporal.indexOf('/')), temporal.substring(temporal.indexOf('/') + 1));
        }
        var licence = Texts.plain(JsonPages.text(dataset, "license"));
        var licenceUrl = licence == null ? null : URL.matcher(licence);
        d.licence(licence, licenceUrl != null && licenceUrl.find() ? licenceUrl.group() : null);
        d.rights(JsonPages.text(dataset, "rights"));
        for (var distribution : dataset.path("distribution")) {
            d.distribution(null)
                    .title(JsonPages.text(distribution, "title"))
                    .description(JsonPages.text(distribution, "description"))
                    .accessUrl(JsonPages.text(distribution, "accessURL"))
                    .downloadUrl(JsonPages.text(distribution, "downloadURL"))
                    .format(JsonPages.text(distribution, "format"))
                    .mediaType(JsonPages.text(distribution, "mediaType"))
                    .conformsTo(JsonPages.text(distribution, "conformsTo"))
                    .add();
        }
        return d.record(key, JsonPages.raw(dataset), MEDIA_TYPE);
    }
}
