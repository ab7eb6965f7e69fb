package org.comptoir.ontologies;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** Comptoir's own governance terms, projected into a dataset's RDF view. */
public final class Cpt {
    public static final String NS = "https://w3id.org/comptoir/ns#";

    /** Personal-data class of a dataset; the object is one of the DPV concepts in {@link Dpv}. */
    public static final Property personalData = property("personalData");
    /** Publication status; the object is one of {@link #Draft}, {@link #Submitted}, ... */
    public static final Property publicationStatus = property("publicationStatus");
    /** Name of the accountable organisation unit (a direction, a service, a commune). */
    public static final Property orgUnit = property("orgUnit");
    /** Name of the accountable data owner. */
    public static final Property ownerName = property("ownerName");
    /** E-mail of the accountable data owner. */
    public static final Property ownerEmail = property("ownerEmail");

    /** IANA media type of a file-type concept in the bundled authority tables (a plain literal). */
    public static final Property mediaType = property("mediaType");
    /** Usual file-name extension of a file-type concept, without the dot (a plain literal). */
    public static final Property extension = property("extension");
    /** {@code true} on a licence of the bundled table that satisfies the Open Definition. */
    public static final Property openLicence = property("openLicence");

    /** Concept scheme of the licences Comptoir bundles. */
    public static final Resource Licences = ResourceFactory.createResource("https://w3id.org/comptoir/licences");

    public static final Resource Draft = resource("Draft");
    public static final Resource Submitted = resource("Submitted");
    public static final Resource Published = resource("Published");
    public static final Resource Withdrawn = resource("Withdrawn");

    private Cpt() {}

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS + local);
    }

    private static Resource resource(String local) {
        return ResourceFactory.createResource(NS + local);
    }
}
