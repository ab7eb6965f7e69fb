package org.comptoir.connectors.arcgis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import org.comptoir.catalog.ingest.HarvestedRecord;
import org.comptoir.connectors.harvest.HarvestAbortedException;
import org.comptoir.connectors.harvest.SourceKind;
import org.comptoir.connectors.harvest.SourcePage;
import org.comptoir.connectors.mapping.JsonPages;
import org.comptoir.connectors.mapping.OffsetPaging;
import org.comptoir.connectors.source.SourceKinds;
import tools.jackson.databind.JsonNode;

/**
 * Walks an ArcGIS REST services directory ({@code <server>/arcgis/rest/services}), one request a
 * page: a page is either a directory (the root or a folder: {@code ?f=json}, which lists folders and
 * services) or a service's layers ({@code <service>/layers?f=json}, which describes every layer and
 * table of a MapServer or FeatureServer at once, fields and extent included). A directory page holds
 * no record; a service page holds one per layer or table ({@link ArcgisLayers}).
 *
 * <p>What is left to visit travels in the page URL, in a {@code comptoir-todo} parameter that
 * ArcGIS ignores: the services and folders still to see, as paths relative to the directory root,
 * comma-separated (a folder ends with {@code /}). The walk is depth-first in the directory's order,
 * so a page's next page is known without reading it ({@link #after}), and a run resumed from a page
 * URL goes on where it stopped. When a service is published both as MapServer and FeatureServer,
 * only the FeatureServer is read (same layers, and it can be queried). Other service types (image,
 * geocoding, geometry, GP...) hold no layer of data and are not visited. The directory does not
 * say how many layers it holds: runs have no total.
 */
public final class ArcgisKind implements SourceKind {
    static final String TODO = "comptoir-todo";
    private static final String SERVICES = "/rest/services";

    @Override
    public String name() {
        return SourceKinds.ARCGIS;
    }

    @Override
    public String accept() {
        return "application/json";
    }

    /** ArcGIS Server answers {@code f=json} as {@code text/plain} in many versions. */
    @Override
    public java.util.List<String> expects() {
        return java.util.List.of("application/json", "text/plain");
    }

    /** The directory's root (or a folder of it) as JSON; the page size is the server's business. */
    @Override
    public String firstPage(String url, int pageSize) {
        var path = OffsetPaging.withoutQuery(url).toString().replaceAll("/+$", "");
        if (!path.contains(SERVICES)) {
            throw new HarvestAbortedException(
                    "l'adresse " + url + " n'est pas celle d'un répertoire de services ArcGIS REST (…/rest/services)");
        }
        return path + "?f=json";
    }

    @Override
    public String after(String pageUrl) {
        return next(root(pageUrl), todo(pageUrl));
    }

    @Override
    public SourcePage read(byte[] body, String contentType, String pageUrl) {
        var json = JsonPages.read(body, contentType, pageUrl);
        var error = json.get("error");
        if (error != null && error.isObject()) {
            throw new HarvestAbortedException("le serveur ArcGIS a répondu une erreur pour " + pageUrl + " : "
                    + JsonPages.text(error, "code") + " " + JsonPages.text(error, "message"));
        }
        var root = root(pageUrl);
        var todo = todo(pageUrl);
        var path = OffsetPaging.withoutQuery(pageUrl).getPath();
        if (path.endsWith("/layers")) {
            var service = OffsetPaging.withoutQuery(pageUrl).toString();
            service = service.substring(0, service.length() - "/layers".length());
            var records = new ArrayList<HarvestedRecord>();
            for (var group : List.of("layers", "tables")) {
                for (var layer : json.path(group)) {
                    ArcgisLayers.record(service, layer).ifPresent(records::add);
                }
            }
            return new SourcePage(records, next(root, todo), null);
        }
        if (!json.has("services") && !json.has("folders")) {
            throw new HarvestAbortedException(
                    "la page " + pageUrl + " n'est pas un répertoire de services ArcGIS REST (ni services ni folders)");
        }
        var here = new ArrayList<String>();
        here.addAll(services(json));
        var folder = relative(root, OffsetPaging.withoutQuery(pageUrl).toString());
        for (var name : JsonPages.texts(json, "folders")) {
            here.add((folder.isEmpty() ? "" : folder + "/") + name + "/");
        }
        here.addAll(todo);
        return new SourcePage(List.of(), next(root, new ArrayDeque<>(here)), null);
    }

    /** The services of a directory page worth reading, FeatureServer preferred to its MapServer. */
    private static List<String> services(JsonNode directory) {
        var listed = new LinkedHashSet<String>();
        for (var service : directory.path("services")) {
            var name = JsonPages.text(service, "name");
            var type = JsonPages.text(service, "type");
            if (name != null && ("MapServer".equals(type) || "FeatureServer".equals(type))) {
                listed.add(name + "/" + type);
            }
        }
        return listed.stream()
                .filter(s -> !(s.endsWith("/MapServer")
                        && listed.contains(s.substring(0, s.length() - "MapServer".length()) + "FeatureServer")))
                .toList();
    }

    private static String next(String root, Deque<String> todo) {
        if (todo.isEmpty()) {
            return null;
        }
        var item = todo.poll();
        var url = item.endsWith("/")
                ? root + "/" + item.substring(0, item.length() - 1) + "?f=json"
                : root + "/" + item + "/layers?f=json";
        return todo.isEmpty() ? url : OffsetPaging.with(url, TODO, String.join(",", todo));
    }

    private static Deque<String> todo(String pageUrl) {
        var value = OffsetPaging.parameter(pageUrl, TODO);
        var result = new ArrayDeque<String>();
        if (value != null && !value.isBlank()) {
            Arrays.stream(value.split(",")).filter(s -> !s.isBlank()).forEach(result::add);
        }
        return result;
    }

    /** The directory's root: the URL up to {@code /rest/services}. */
    static String root(String pageUrl) {
        var path = OffsetPaging.withoutQuery(pageUrl).toString();
        int services = path.indexOf(SERVICES);
        if (services < 0) {
            throw new HarvestAbortedException("la page " + pageUrl + " n'est pas dans un répertoire ArcGIS REST");
        }
        return path.substring(0, services + SERVICES.length());
    }

    private static String relative(String root, String url) {
        var rest = url.substring(Math.min(url.length(), root.length()));
        return rest.replaceAll("^/+|/+$", "");
    }
}
