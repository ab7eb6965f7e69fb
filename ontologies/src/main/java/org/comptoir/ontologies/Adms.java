package org.comptoir.ontologies;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** ADMS terms used by DCAT-AP. */
public final class Adms {
    public static final String NS = "http://www.w3.org/ns/adms#";

    public static final Property identifier = ResourceFactory.createProperty(NS + "identifier");
    public static final Property status = ResourceFactory.createProperty(NS + "status");
    public static final Property versionNotes = ResourceFactory.createProperty(NS + "versionNotes");
    public static final Property sample = ResourceFactory.createProperty(NS + "sample");
    public static final Resource Identifier = ResourceFactory.createResource(NS + "Identifier");

    private Adms() {}
}
