package org.comptoir.connectors.udata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
 * Harvests a udata portal (data.gouv.fr and its instances) through its API v1: {@code
 * /api/1/datasets/?page=&page_size=}, or any other list of datasets of that API given as the
 * source's address (an organisation's, {@code /api/1/organizations/<id>/datasets/}). The answer's
 * {@code total} is the total; a page with a {@code next_page} is followed by the same URL with the
 * next {@code page} number, so the portal's own host name (which a proxy may rewrite) does not
 * matter.
 *
 * <p>A dataset's key is {@code <portal>/datasets/<id>/}, built on its permanent id and not on its
 * slug, which changes with the title. Mapped: title, description (Markdown, kept as text), tags,
 * the organisation (else the owner) as publisher, the first contact point, the page as landing
 * page, created and last-modified dates, the frequency, the temporal coverage, the spatial
 * coverage's geometry (as a bounding box and a GeoJSON geometry; its zones, such as {@code
 * fr:commune:01262}, are not IRIs and are left in the raw payload), the licence, and each
 * resource as a distribution (its schema as {@code dct:conformsTo}).
 */
public final class UdataKind implements SourceKind {
    static final String MEDIA_TYPE = "application/json";
    private static final Set<String> NO_LICENCE = Set.of("notspecified", "other-at", "other-open", "other-pd");

    @Override
    public String name() {
        return SourceKinds.UDATA;
    }

    @Override
    public String accept() {
        return "application/json";
    }

    @Override
    public String firstPage(String url, int pageSize) {
        var page = url;
        if (!url.contains("/api/1/")) {
            var root = OffsetPaging.withoutQuery(url).toString().replaceAll("/+$", "");
            page = root + "/api/1/datasets/";
        }
        if (OffsetPaging.parameter(page, "page") == null) {
            page = OffsetPaging.with(page, "page", "1");
        }
        return OffsetPaging.parameter(page, "page_size") == null
                ? OffsetPaging.with(page, "page_size", String.valueOf(pageSize))
                : page;
    }

    @Override
    public String after(String pageUrl) {
        return OffsetPaging.with(pageUrl, "page", String.valueOf(number(pageUrl, "page", 1) + 1));
    }

    /** Page p of size s holds the same datasets as pages 2p-1 and 2p of size s/2, when s is even. */
    @Override
    public List<String> split(String pageUrl) {
        int size = number(pageUrl, "page_size", 0);
        if (size < 2 || size % 2 != 0) {
            return List.of();
        }
        int page = number(pageUrl, "page", 1);
        var half = OffsetPaging.with(pageUrl, "page_size", String.valueOf(size / 2));
        return List.of(
                OffsetPaging.with(half, "page", String.valueOf(2 * page - 1)),
                OffsetPaging.with(half, "page", String.valueOf(2 * page)));
    }

    @Override
    public SourcePage read(byte[] body, String contentType, String pageUrl) {
        var root = JsonPages.read(body, contentType, pageUrl);
        var data = root.get("data");
        if (data == null || !data.isArray()) {
            var message = JsonPages.text(root, "message");
            throw new HarvestAbortedException("la page " + pageUrl + " n'est pas une liste de jeux de données udata"
                    + (message != null ? " : " + message : " (pas de data)"));
        }
        var portal = portal(pageUrl);
        var records = new ArrayList<HarvestedRecord>();
        for (var dataset : data) {
            if (dataset.isObject() && JsonPages.text(dataset, "id") != null && !dataset.hasNonNull("deleted")) {
                records.add(record(dataset, portal));
            }
        }
        var hasNext = JsonPages.text(root, "next_page") != null && !data.isEmpty();
        return new SourcePage(records, hasNext ? after(pageUrl) : null, JsonPages.count(root, "total"));
    }

    static HarvestedRecord record(JsonNode dataset, String portal) {
        var id = JsonPages.text(dataset, "id");
        var key = portal + "/datasets/" + id + "/";
        var d = DatasetDescription.of(key, "fr")
                .title(JsonPages.text(dataset, "title"))
                .description(JsonPages.text(dataset, "description"))
                .identifier(id);
        JsonPages.texts(dataset, "tags").forEach(d::keyword);
        var organization = dataset.path("organization");
        if (organization.isObject()) {
            var slug = JsonPages.text(organization, "slug");
            d.publisher(
                    first(
                            JsonPages.text(organization, "page"),
                            slug == null ? null : portal + "/organizations/" + slug + "/"),
                    JsonPages.text(organization, "name"));
        }
        var owner = dataset.path("owner");
        if (owner.isObject()) {
            var name = (first(JsonPages.text(owner, "first_name"), "") + " "
                            + first(JsonPages.text(owner, "last_name"), ""))
                    .strip();
            d.publisher(JsonPages.text(owner, "page"), name);
        }
        for (var contact : dataset.path("contact_points")) {
            d.contactPoint(
                    JsonPages.text(contact, "name"),
                    JsonPages.text(contact, "email"),
                    JsonPages.text(contact, "contact_form"));
        }
        var slug = JsonPages.text(dataset, "slug");
        d.landingPage(first(JsonPages.text(dataset, "page"), slug == null ? null : portal + "/datasets/" + slug + "/"));
        d.issued(first(JsonPages.text(dataset, "created_at"), JsonPages.text(dataset, "created_at_internal")));
        d.modified(first(
                JsonPages.text(dataset, "last_modified"),
                first(JsonPages.text(dataset, "last_update"), JsonPages.text(dataset, "last_modified_internal"))));
        d.frequency(JsonPages.text(dataset, "frequency"));
        var temporal = dataset.path("temporal_coverage");
        d.temporal(JsonPages.text(temporal, "start"), JsonPages.text(temporal, "end"));
        d.coverage(dataset.path("spatial").path("geom"));
        var licence = JsonPages.text(dataset, "license");
        if (licence != null && !NO_LICENCE.contains(licence.toLowerCase(Locale.ROOT))) {
            d.licence(licence);
        }
        for (var resource : dataset.path("resources")) {
            var url = JsonPages.text(resource, "url");
            var file = "file".equals(JsonPages.text(resource, "filetype"));
            var size = resource.path("filesize");
            var resourceId = JsonPages.text(resource, "id");
            d.distribution(resourceId == null ? null : portal + "/datasets/r/" + resourceId)
                    .title(JsonPages.text(resource, "title"))
                    .description(JsonPages.text(resource, "description"))
                    .accessUrl(url)
                    .downloadUrl(file ? url : null)
                    .format(JsonPages.text(resource, "format"))
                    .mediaType(JsonPages.text(resource, "mime"))
                    .byteSize(size.canConvertToLong() ? size.asLong() : null)
                    .issued(JsonPages.text(resource, "created_at"))
                    .modified(JsonPages.text(resource, "last_modified"))
                    .conformsTo(JsonPages.text(resource.path("schema"), "url"))
                    .add();
        }
        return d.record(key, JsonPages.raw(dataset), MEDIA_TYPE);
    }

    /** The portal's root: the page's URL up to {@code /api/}. */
    static String portal(String pageUrl) {
        var path = OffsetPaging.withoutQuery(pageUrl).toString();
        int api = path.indexOf("/api/");
        return api < 0 ? path.replaceAll("/+$", "") : path.substring(0, api);
    }

    private static int number(String url, String name, int otherwise) {
        var value = OffsetPaging.parameter(url, name);
        try {
            return value == null ? otherwise : Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static String first(String value, String otherwise) {
        return value != null ? value : otherwise;
    }
}
