package org.comptoir.catalog.rdf;

import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * IRIs the catalogue mints for its own resources. They are stored under a placeholder base and
 * rewritten to the configured public base URI when a description goes out, so a change of host name
 * (or a test on a random port) never leaves stale IRIs in the store.
 */
public final class LocalIris {
    /** The base stored descriptions use; {@code .invalid} is reserved and never resolves. */
    public static final String PLACEHOLDER_BASE = "https://comptoir.invalid/";

    private LocalIris() {}

    public static Resource dataset(String id) {
        return ResourceFactory.createResource(PLACEHOLDER_BASE + "datasets/" + id);
    }

    public static String distribution(String datasetId, int index) {
        return PLACEHOLDER_BASE + "datasets/" + datasetId + "/distributions/" + index;
    }

    /** The public form of an IRI: the placeholder base replaced by {@code publicBase}. */
    public static String publicIri(String iri, String publicBase) {
        return iri.startsWith(PLACEHOLDER_BASE) ? publicBase + iri.substring(PLACEHOLDER_BASE.length()) : iri;
    }

    public static boolean isLocal(String iri) {
        return iri.startsWith(PLACEHOLDER_BASE);
    }
}
