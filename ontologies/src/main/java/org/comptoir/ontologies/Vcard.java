package org.comptoir.ontologies;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** vCard terms used for contact points (Jena's VCARD4 lacks the class IRIs DCAT-AP ranges expect). */
public final class Vcard {
    public static final String NS = "http://www.w3.org/2006/vcard/ns#";

    public static final Resource Kind = ResourceFactory.createResource(NS + "Kind");
    public static final Resource Organization = ResourceFactory.createResource(NS + "Organization");
    public static final Property fn = ResourceFactory.createProperty(NS + "fn");
    public static final Property hasEmail = ResourceFactory.createProperty(NS + "hasEmail");
    public static final Property hasURL = ResourceFactory.createProperty(NS + "hasURL");
    public static final Property hasTelephone = ResourceFactory.createProperty(NS + "hasTelephone");

    private Vcard() {}
}
