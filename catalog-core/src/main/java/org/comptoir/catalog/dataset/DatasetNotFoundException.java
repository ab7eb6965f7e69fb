package org.comptoir.catalog.dataset;

import org.comptoir.catalog.CatalogException;

/** No dataset with that identifier, or none the caller may see. */
public class DatasetNotFoundException extends CatalogException {
    public DatasetNotFoundException(String id) {
        super("Aucun jeu de données « " + id + " »");
    }
}
