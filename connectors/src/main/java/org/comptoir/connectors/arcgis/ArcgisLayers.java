package org.comptoir.connectors.arcgis;

import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.comptoir.catalog.ingest.HarvestedRecord;
import org.comptoir.connectors.mapping.DatasetDescription;
import org.comptoir.connectors.mapping.Dates;
import org.comptoir.connectors.mapping.JsonPages;
import tools.jackson.databind.JsonNode;

/**
 * Maps one layer or table of an ArcGIS service to a dataset. Its key is the layer's own URL ({@code
 * <service>/<id>}). Its fields become the schema, written as a table in the description of the
 * layer's distribution (the REST layer itself), so that a person reading the catalogue sees the
 * columns; a feature layer also gets a GeoJSON download ({@code query?where=1=1&outFields=*}). The
 * extent becomes a WGS84 bounding box when it is in WGS84 (4326) or Web Mercator (102100, 3857,
 * 102113, converted); in any other spatial reference (Lambert 93, 2154, for instance) no box is
 * written rather than a wrong one. The copyright text is a rights statement; the last edit date the
 * modification date. Group layers hold no data and are not datasets.
 */
final class ArcgisLayers {
    static final String MEDIA_TYPE = "application/json";
    private static final double EARTH_RADIUS = 6378137.0;
    private static final Set<Integer> WEB_MERCATOR = Set.of(102100, 3857, 102113, 900913);
    private static final Map<String, String> FIELD_TYPES = Map.ofEntries(
            Map.entry("esriFieldTypeOID", "identifiant"),
            Map.entry("esriFieldTypeGlobalID", "identifiant global"),
            Map.entry("esriFieldTypeGUID", "identifiant global"),
            Map.entry("esriFieldTypeString", "texte"),
            Map.entry("esriFieldTypeInteger", "entier"),
            Map.entry("esriFieldTypeSmallInteger", "entier"),
            Map.entry("esriFieldTypeBigInteger", "entier"),
            Map.entry("esriFieldTypeDouble", "nombre décimal"),
            Map.entry("esriFieldTypeSingle", "nombre décimal"),
            Map.entry("esriFieldTypeDate", "date"),
            Map.entry("esriFieldTypeDateOnly", "date"),
            Map.entry("esriFieldTypeGeometry", "géométrie"));

    private ArcgisLayers() {}

    static Optional<HarvestedRecord> record(String service, JsonNode layer) {
        var id = JsonPages.text(layer, "id");
        var type = JsonPages.text(layer, "type");
        if (id == null || "Group Layer".equals(type)) {
            return Optional.empty();
        }
        var key = service + "/" + id;
        var d = DatasetDescription.of(key, "fr")
                .title(JsonPages.text(layer, "name"))
                .description(JsonPages.text(layer, "description"))
                .identifier(key)
                .rights(JsonPages.text(layer, "copyrightText"));
        var edited = layer.path("editingInfo").path("lastEditDate");
        if (edited.canConvertToLong()) {
            d.modified(Dates.fromEpochMillis(edited.asLong()));
        }
        box(layer.path("extent")).ifPresent(box -> d.bbox(box[0], box[1], box[2], box[3]));
        var serviceType = service.substring(service.lastIndexOf('/') + 1);
        d.distribution(null)
                .title("Couche " + serviceType + " (ArcGIS REST)")
                .description(schema(layer))
                .accessUrl(key)
                .format("ArcGIS GeoServices REST API")
                .mediaType("application/json")
                .add();
        if ("Feature Layer".equals(type) || "Table".equals(type)) {
            var query = key + "/query?where=1%3D1&outFields=*&f=" + ("Table".equals(type) ? "json" : "geojson");
            d.distribution(query)
                    .title("Table".equals(type) ? "Export JSON" : "Export GeoJSON")
                    .downloadUrl(query)
                    .format("Table".equals(type) ? "JSON" : "GeoJSON")
                    .add();
        }
        return Optional.of(d.record(key, JsonPages.raw(layer), MEDIA_TYPE));
    }

    /** The fields as a table a person can read: one line per field, name, type and alias. */
    static String schema(JsonNode layer) {
        var lines = new ArrayList<String>();
        for (var field : layer.path("fields")) {
            var name = JsonPages.text(field, "name");
            if (name == null) {
                continue;
            }
            var type = JsonPages.text(field, "type");
            var alias = JsonPages.text(field, "alias");
            var line = new StringBuilder("- ").append(name).append(" (").append(FIELD_TYPES.getOrDefault(type, type));
            line.append(')');
            if (alias != null && !alias.equals(name)) {
                line.append(" : ").append(alias);
            }
            lines.add(line.toString());
        }
        return lines.isEmpty() ? null : "Champs :\n" + String.join("\n", lines);
    }

    /** The extent as west, south, east, north in WGS84 degrees, when its spatial reference allows. */
    static Optional<double[]> box(JsonNode extent) {
        var xmin = extent.path("xmin");
        var ymin = extent.path("ymin");
        var xmax = extent.path("xmax");
        var ymax = extent.path("ymax");
        if (!xmin.isNumber() || !ymin.isNumber() || !xmax.isNumber() || !ymax.isNumber()) {
            return Optional.empty();
        }
        var reference = extent.path("spatialReference");
        var wkid = reference.path("latestWkid").canConvertToInt()
                ? reference.path("latestWkid").asInt()
                : reference.path("wkid").asInt(-1);
        if (wkid == 4326) {
            return Optional.of(new double[] {xmin.asDouble(), ymin.asDouble(), xmax.asDouble(), ymax.asDouble()});
        }
        if (WEB_MERCATOR.contains(wkid)
                || WEB_MERCATOR.contains(reference.path("wkid").asInt(-1))) {
            return Optional.of(new double[] {
                longitude(xmin.asDouble()),
                latitude(ymin.asDouble()),
                longitude(xmax.asDouble()),
                latitude(ymax.asDouble())
            });
        }
        return Optional.empty();
    }

    static double longitude(double x) {
        return Math.toDegrees(x / EARTH_RADIUS);
    }

    static double latitude(double y) {
        return Math.toDegrees(2 * Math.atan(Math.exp(y / EARTH_RADIUS)) - Math.PI / 2);
    }
}
