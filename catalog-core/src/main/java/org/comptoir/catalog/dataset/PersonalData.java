package org.comptoir.catalog.dataset;

import org.comptoir.ontologies.Dpv;

/** Whether a dataset holds personal data (RGPD), as a W3C DPV concept. */
public enum PersonalData {
    NONE(Dpv.NonPersonalData.getURI()),
    PERSONAL(Dpv.PersonalData.getURI()),
    SENSITIVE(Dpv.SensitivePersonalData.getURI()),
    PSEUDONYMISED(Dpv.PseudonymisedData.getURI()),
    ANONYMISED(Dpv.AnonymisedData.getURI());

    private final String iri;

    PersonalData(String iri) {
        this.iri = iri;
    }

    public String iri() {
        return iri;
    }

    /** True when the data may never be opened: personal, sensitive or merely pseudonymised. */
    public boolean identifiesPeople() {
        return this == PERSONAL || this == SENSITIVE || this == PSEUDONYMISED;
    }

    public static PersonalData fromIri(String iri) {
        for (var value : values()) {
            if (value.iri.equals(iri)) {
                return value;
            }
        }
        return null;
    }
}
