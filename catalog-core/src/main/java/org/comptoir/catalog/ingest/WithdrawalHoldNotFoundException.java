package org.comptoir.catalog.ingest;

import org.comptoir.catalog.CatalogException;

/** The run has no held withdrawal: it withdrew what it had to, or it is unknown. */
public class WithdrawalHoldNotFoundException extends CatalogException {
    public WithdrawalHoldNotFoundException(String runId) {
        super("Le moissonnage « " + runId + " » n'a pas de retrait en attente de confirmation");
    }
}
