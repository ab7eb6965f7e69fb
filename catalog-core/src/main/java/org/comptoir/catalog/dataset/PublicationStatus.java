package org.comptoir.catalog.dataset;

import org.comptoir.ontologies.Cpt;

/** Where a dataset stands in the publication workflow: DRAFT -> SUBMITTED -> PUBLISHED, WITHDRAWN. */
public enum PublicationStatus {
    DRAFT(Cpt.Draft.getURI()),
    SUBMITTED(Cpt.Submitted.getURI()),
    PUBLISHED(Cpt.Published.getURI()),
    WITHDRAWN(Cpt.Withdrawn.getURI());

    private final String iri;

    PublicationStatus(String iri) {
        this.iri = iri;
    }

    public String iri() {
        return iri;
    }

    public static PublicationStatus fromIri(String iri) {
        for (var value : values()) {
            if (value.iri.equals(iri)) {
                return value;
            }
        }
        return null;
    }
}
