package org.comptoir.catalog.ingest;

import org.comptoir.catalog.CatalogException;

/** The held withdrawal was already confirmed or dismissed (by someone else, or a moment ago). */
public class WithdrawalAlreadyDecidedException extends CatalogException {
    public WithdrawalAlreadyDecidedException(WithdrawalHold hold) {
        super("Le retrait suspendu du moissonnage « " + hold.runId() + " » a déjà été "
                + (hold.status() == WithdrawalHold.Status.CONFIRMED ? "confirmé" : "écarté")
                + (hold.decidedBy() == null ? "" : " par " + hold.decidedBy()));
    }
}
