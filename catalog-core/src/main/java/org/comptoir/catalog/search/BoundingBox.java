package org.comptoir.catalog.search;

/** A rectangle in WGS 84 degrees; a search with one keeps datasets whose coverage intersects it. */
public record BoundingBox(double west, double south, double east, double north) {
    public BoundingBox {
        if (!(west >= -180 && east <= 180 && west <= east)) {
            throw new IllegalArgumentException("bbox longitudes must satisfy -180 <= west <= east <= 180");
        }
        if (!(south >= -90 && north <= 90 && south <= north)) {
            throw new IllegalArgumentException("bbox latitudes must satisfy -90 <= south <= north <= 90");
        }
    }

    public boolean intersects(BoundingBox other) {
        return west <= other.east && other.west <= east && south <= other.north && other.south <= north;
    }
}
