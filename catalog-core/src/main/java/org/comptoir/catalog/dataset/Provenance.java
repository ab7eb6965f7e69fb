package org.comptoir.catalog.dataset;

import java.time.Instant;

/**
 * Where a dataset's description came from and when the catalogue last changed it.
 *
 * @param sourceId the harvest source, or null for a dataset registered by hand
 * @param sourceKey the dataset's key in that source (its IRI in a DCAT source)
 */
public record Provenance(String sourceId, String sourceKey, Instant createdAt, Instant updatedAt) {
    public static final Provenance MANUAL = new Provenance(null, null, null, null);

    public boolean harvested() {
        return sourceId != null;
    }
}
