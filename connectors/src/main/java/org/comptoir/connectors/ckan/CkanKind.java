package org.comptoir.connectors.ckan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.comptoir.catalog.ingest.HarvestedRecord;
import org.comptoir.connectors.harvest.HarvestAbortedException;
import org.comptoir.connectors.harvest.SourceKind;
import org.comptoir.connectors.harvest.SourcePage;
import org.comptoir.connectors.mapping.JsonPages;
import org.comptoir.connectors.mapping.OffsetPaging;
import org.comptoir.connectors.source.SourceKinds;

/**
 * Harvests a CKAN portal through {@code /api/3/action/package_search}, {@code rows} packages at a
 * time from {@code start}, ordered by id so that a package edited during the run does not move
 * between pages; the result's {@code count} is the total. A source's address is the portal's root
 * ({@code https://data.example.fr}) or a {@code package_search} URL, whose parameters are kept (a
 * {@code fq} filter to harvest one organisation, a page size).
 *
 * <p>A package becomes a dataset whose key is {@code <portal>/dataset/<id>}, the IRI ckanext-dcat
 * gives it in the portal's own DCAT feed, so that a source can move between the {@code ckan} and
 * {@code dcat-ap} kinds without duplicating its datasets. Mapped: title and notes (also their
 * ckanext-fluent translations), tags, groups and {@code theme} (EU themes when named), the
 * organisation or the scheming {@code publisher} as publisher, {@code contact} or the maintainer or
 * author as contact point, {@code url} as landing page, created/modified (or {@code
 * issued}/{@code modified}), {@code frequency}, {@code language}, {@code spatial} (GeoJSON) and
 * {@code spatial_coverage}, {@code temporal_start}/{@code temporal_end} and {@code
 * temporal_coverage}, the licence ({@code license_id}, {@code license_url}, {@code license_title}),
 * and each resource as a distribution. Fields are read at the package's top level (scheming) or in
 * its {@code extras} (ckanext-dcat's harvested keys, and ckanext-spatial's {@code bbox-*}, {@code
 * frequency-of-update} and {@code metadata-language} of datasets harvested from a CSW).
 *
 * <p>Incremental harvesting ({@code fq=metadata_modified:[...]}) is not done by the kind: a run
 * that sees part of a source cannot tell withdrawn datasets from unchanged ones, and unchanged
 * packages cost one hash each.
 */
public final class CkanKind implements SourceKind {
    static final String SEARCH = "/api/3/action/package_search";
    static final OffsetPaging PAGING = new OffsetPaging("rows", "start");
    private static final Set<String> NO_LICENCE = Set.of("notspecified", "license not specified", "other");

    @Override
    public String name() {
        return SourceKinds.CKAN;
    }

    @Override
    public String accept() {
        return "application/json";
    }

    @Override
    public String firstPage(String url, int pageSize) {
        var page = url;
        if (!url.contains("/api/3/action/package_search") && !url.contains("/api/action/package_search")) {
            var root = OffsetPaging.withoutQuery(url).toString().replaceAll("/+$", "");
            page = OffsetPaging.with(root + SEARCH, "sort", "id asc");
        }
        if (PAGING.size(page) == null) {
            page = OffsetPaging.with(page, "rows", String.valueOf(pageSize));
        }
        return OffsetPaging.parameter(page, "start") == null ? OffsetPaging.with(page, "start", "0") : page;
    }

    @Override
    public List<String> split(String pageUrl) {
        return PAGING.split(pageUrl);
    }

    @Override
    public String after(String pageUrl) {
        return PAGING.after(pageUrl);
    }

    @Override
    public SourcePage read(byte[] body, String contentType, String pageUrl) {
        var root = JsonPages.read(body, contentType, pageUrl);
        if (root.has("success") && !root.get("success").asBoolean(true)) {
            var error = root.path("error");
            var message = JsonPages.text(error, "message");
            throw new HarvestAbortedException("le portail CKAN a refusé la recherche " + pageUrl + " : "
                    + (message != null ? message : JsonPages.raw(error)));
        }
        var result = root.get("result");
        if (result == null || !result.path("results").isArray()) {
            throw new HarvestAbortedException(
                    "la page " + pageUrl + " n'est pas une réponse de package_search de CKAN (pas de result.results)");
        }
        var portal = portal(pageUrl);
        var records = new ArrayList<HarvestedRecord>();
        for (var pkg : result.get("results")) {
            if (pkg.isObject() && JsonPages.text(pkg, "id") != null) {
                records.add(CkanPackages.record(pkg, portal));
            }
        }
        var total = JsonPages.count(result, "count");
        return new SourcePage(
                records, PAGING.next(pageUrl, result.get("results").size(), total), total);
    }

    /** The portal's root: the page's URL up to its API path. */
    static String portal(String pageUrl) {
        var path = OffsetPaging.withoutQuery(pageUrl).toString();
        int api = path.indexOf("/api/");
        return api < 0 ? path : path.substring(0, api);
    }

    static boolean isLicence(String value) {
        return value != null && !NO_LICENCE.contains(value.strip().toLowerCase(Locale.ROOT));
    }
}
