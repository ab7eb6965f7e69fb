package org.comptoir.ontologies;

import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** W3C Data Privacy Vocabulary (DPV 2) concepts used for the personal-data class. */
public final class Dpv {
    public static final String NS = "https://w3id.org/dpv#";

    public static final Resource NonPersonalData = resource("NonPersonalData");
    public static final Resource PersonalData = resource("PersonalData");
    public static final Resource SensitivePersonalData = resource("SensitivePersonalData");
    public static final Resource PseudonymisedData = resource("PseudonymisedData");
    public static final Resource AnonymisedData = resource("AnonymisedData");

    private Dpv() {}

    private static Resource resource(String local) {
        return ResourceFactory.createResource(NS + local);
    }
}
