package org.comptoir.catalog.dataset;

import org.comptoir.catalog.CatalogException;

/** A conditional write named a version that is no longer the current one. */
public class StaleDatasetException extends CatalogException {
    private final long currentVersion;

    public StaleDatasetException(String id, long expected, long currentVersion) {
        super("Le jeu de données « " + id + " » a été modifié entre-temps (version attendue " + expected
                + ", version actuelle " + currentVersion + ")");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
