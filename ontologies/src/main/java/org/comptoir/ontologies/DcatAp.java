package org.comptoir.ontologies;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.ResourceFactory;

/** DCAT-AP terms (namespace {@code http://data.europa.eu/r5r/}) that DCAT itself lacks. */
public final class DcatAp {
    public static final String NS = "http://data.europa.eu/r5r/";

    public static final Property availability = property("availability");
    public static final Property applicableLegislation = property("applicableLegislation");
    public static final Property hvdCategory = property("hvdCategory");

    private DcatAp() {}

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS + local);
    }
}
