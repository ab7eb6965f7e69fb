package org.comptoir.ontologies;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** Hydra Core paging terms, current ones and the older ones still found in the wild. */
public final class Hydra {
    public static final String NS = "http://www.w3.org/ns/hydra/core#";

    public static final Resource PartialCollectionView = resource("PartialCollectionView");
    public static final Resource PagedCollection = resource("PagedCollection");
    public static final Property view = property("view");
    public static final Property first = property("first");
    public static final Property last = property("last");
    public static final Property next = property("next");
    public static final Property previous = property("previous");
    public static final Property totalItems = property("totalItems");
    /** Pre-2014 Hydra term used by older DCAT endpoints (e.g. udata). */
    public static final Property nextPage = property("nextPage");

    public static final Property itemsPerPage = property("itemsPerPage");

    private Hydra() {}

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS + local);
    }

    private static Resource resource(String local) {
        return ResourceFactory.createResource(NS + local);
    }
}
