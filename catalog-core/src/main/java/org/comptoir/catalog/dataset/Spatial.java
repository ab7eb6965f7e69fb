package org.comptoir.catalog.dataset;

import java.util.List;

/**
 * Spatial coverage: named places (IRIs of a gazetteer) and/or a geometry.
 *
 * @param places IRIs of places (EU place/country tables, GeoNames, INSEE...)
 * @param bbox bounding box as a WKT polygon
 * @param geometry any geometry, as WKT or GeoJSON
 */
public record Spatial(List<String> places, String bbox, String geometry) {
    public Spatial {
        places = places == null ? List.of() : List.copyOf(places);
    }

    public boolean isEmpty() {
        return places.isEmpty() && bbox == null && geometry == null;
    }
}
