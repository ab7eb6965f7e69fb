package org.comptoir.connectors.opendatasoft;

import java.util.ArrayList;
import java.util.List;
import org.comptoir.catalog.ingest.HarvestedRecord;
import org.comptoir.connectors.harvest.HarvestAbortedException;
import org.comptoir.connectors.harvest.SourceKind;
import org.comptoir.connectors.harvest.SourcePage;
import org.comptoir.connectors.mapping.DatasetDescription;
import org.comptoir.connectors.mapping.JsonPages;
import org.comptoir.connectors.mapping.OffsetPaging;
import org.comptoir.connectors.source.SourceKinds;
import tools.jackson.databind.JsonNode;

/**
 * Harvests an Opendatasoft portal through its Explore API v2.1: {@code
 * /api/explore/v2.1/catalog/datasets?limit=&offset=} (at most 100 a page; {@code total_count} is
 * the total). The API refuses an offset past 10,000: a larger portal is harvested from its
 * catalogue export, {@code /api/explore/v2.1/catalog/exports/json}, given as the source's address,
 * which answers every dataset in one array (one page, streamed by the portal).
 *
 * <p>A dataset's key is {@code <portal>/explore/dataset/<dataset_id>/}, the IRI of the portal's
 * own DCAT export. Mapped from {@code metas.default}: title, description (HTML made text),
 * keywords, themes (EU themes when a label matches, keywords otherwise), publisher, language,
 * modified date, licence, references (as a page) and geographic area; from {@code metas.dcat} when
 * the portal fills it: issued date, contact, frequency, temporal coverage, conformance. A dataset
 * with records gets its exports as distributions (CSV and JSON, and GeoJSON when it is
 * geographic); each attachment is a distribution too.
 */
public final class OpendatasoftKind implements SourceKind {
    static final String CATALOG = "/api/explore/v2.1/catalog/datasets";
    static final String EXPORT = "/api/explore/v2.1/catalog/exports/json";
    static final int MAX_LIMIT = 100;
    static final OffsetPaging PAGING = new OffsetPaging("limit", "offset");
    private static final String MEDIA_TYPE = "application/json";

    @Override
    public String name() {
        return SourceKinds.OPENDATASOFT;
    }

    @Override
    public String accept() {
        return "application/json";
    }

    @Override
    public String firstPage(String url, int pageSize) {
        if (url.contains(EXPORT)) {
            return url;
        }
        var page = url;
        if (!url.contains(CATALOG)) {
            page = OffsetPaging.withoutQuery(url).toString().replaceAll("/+$", "") + CATALOG;
        }
        if (PAGING.size(page) == null) {
            page = OffsetPaging.with(page, "limit", String.valueOf(Math.min(pageSize, MAX_LIMIT)));
        }
        return OffsetPaging.parameter(page, "offset") == null ? OffsetPaging.with(page, "offset", "0") : page;
    }

    @Override
    public List<String> split(String pageUrl) {
        return pageUrl.contains(EXPORT) ? List.of() : PAGING.split(pageUrl);
    }

    @Override
    public String after(String pageUrl) {
        return pageUrl.contains(EXPORT) ? null : PAGING.after(pageUrl);
    }

    @Override
    public SourcePage read(byte[] body, String contentType, String pageUrl) {
        var root = JsonPages.readTree(body, contentType, pageUrl);
        var portal = portal(pageUrl);
        if (root.isArray()) {
            return new SourcePage(records(root, portal), null, (long) root.size());
        }
        var results = root.get("results");
        if (results == null || !results.isArray()) {
            var message = JsonPages.text(root, "message");
            throw new HarvestAbortedException("la page " + pageUrl + " n'est pas un catalogue Opendatasoft"
                    + (message != null ? " : " + message : " (pas de results)"));
        }
        var total = JsonPages.count(root, "total_count");
        return new SourcePage(records(results, portal), PAGING.next(pageUrl, results.size(), total), total);
    }

    private static List<HarvestedRecord> records(JsonNode datasets, String portal) {
        var records = new ArrayList<HarvestedRecord>();
        for (var dataset : datasets) {
            if (dataset.isObject() && JsonPages.text(dataset, "dataset_id") != null) {
                records.add(record(dataset, portal));
            }
        }
        return records;
    }

    static HarvestedRecord record(JsonNode dataset, String portal) {
        var id = JsonPages.text(dataset, "dataset_id");
        var key = portal + "/explore/dataset/" + id + "/";
        var meta = dataset.path("metas").path("default");
        var dcat = dataset.path("metas").path("dcat");
        var declared = DatasetDescription.languageTag(JsonPages.text(meta, "language"));
        var d = DatasetDescription.of(key, declared != null ? declared : "fr")
                .title(JsonPages.text(meta, "title"))
                .description(JsonPages.text(meta, "description"))
                .identifier(first(JsonPages.text(dataset, "dataset_uid"), id))
                .landingPage(key)
                .page(JsonPages.text(meta, "references"))
                .publisher(null, JsonPages.text(meta, "publisher"))
                .dataLanguage(JsonPages.text(meta, "language"))
                .modified(JsonPages.text(meta, "modified"))
                .issued(first(JsonPages.text(dcat, "issued"), JsonPages.text(dcat, "created")))
                .contactPoint(JsonPages.text(dcat, "contact_name"), JsonPages.text(dcat, "contact_email"), null)
                .frequency(JsonPages.text(dcat, "accrualperiodicity"))
                .temporal(
                        JsonPages.text(dcat, "temporal_coverage_start"), JsonPages.text(dcat, "temporal_coverage_end"))
                .conformsTo(JsonPages.text(dcat, "conforms_to"))
                .coverage(meta.path("geographic_area"))
                .licence(JsonPages.text(meta, "license"), JsonPages.text(meta, "license_url"));
        JsonPages.texts(meta, "keyword").forEach(d::keyword);
        JsonPages.texts(meta, "theme").forEach(d::theme);
        var exports = portal + CATALOG + "/" + id + "/exports/";
        if (dataset.path("has_records").asBoolean(true)) {
            d.distribution(exports + "csv")
                    .title("Export CSV")
                    .accessUrl(exports + "csv")
                    .downloadUrl(exports + "csv")
                    .format("CSV")
                    .mediaType("text/csv")
                    .add();
            d.distribution(exports + "json")
                    .title("Export JSON")
                    .accessUrl(exports + "json")
                    .downloadUrl(exports + "json")
                    .format("JSON")
                    .mediaType("application/json")
                    .add();
            if (features(dataset).contains("geo")) {
                d.distribution(exports + "geojson")
                        .title("Export GeoJSON")
                        .accessUrl(exports + "geojson")
                        .downloadUrl(exports + "geojson")
                        .format("GeoJSON")
                        .mediaType("application/geo+json")
                        .add();
            }
        }
        for (var attachment : dataset.path("attachments")) {
            var attachmentId = JsonPages.text(attachment, "id");
            if (attachmentId != null) {
                var url = portal + CATALOG + "/" + id + "/attachments/" + attachmentId;
                d.distribution(url)
                        .title(JsonPages.text(attachment, "title"))
                        .accessUrl(url)
                        .downloadUrl(url)
                        .mediaType(JsonPages.text(attachment, "mimetype"))
                        .format(JsonPages.text(attachment, "title"))
                        .add();
            }
        }
        return d.record(key, JsonPages.raw(dataset), MEDIA_TYPE);
    }

    private static List<String> features(JsonNode dataset) {
        return JsonPages.texts(dataset, "features");
    }

    /** The portal's root: the page's URL up to {@code /api/}. */
    static String portal(String pageUrl) {
        var path = OffsetPaging.withoutQuery(pageUrl).toString();
        int api = path.indexOf("/api/");
        return api < 0 ? path.replaceAll("/+$", "") : path.substring(0, api);
    }

    private static String first(String value, String otherwise) {
        return value != null ? value : otherwise;
    }
}
