package org.comptoir.ontologies;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** DCAT 3 terms (namespace {@code http://www.w3.org/ns/dcat#}) that Jena's {@code DCAT} vocabulary lacks. */
public final class Dcat3 {
    public static final String NS = "http://www.w3.org/ns/dcat#";

    public static final Resource DatasetSeries = ResourceFactory.createResource(NS + "DatasetSeries");
    public static final Property inSeries = ResourceFactory.createProperty(NS + "inSeries");
    public static final Property seriesMember = ResourceFactory.createProperty(NS + "seriesMember");
    public static final Property hasVersion = ResourceFactory.createProperty(NS + "hasVersion");
    public static final Property version = ResourceFactory.createProperty(NS + "version");

    private Dcat3() {}
}
