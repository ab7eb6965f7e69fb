package org.comptoir.ontologies;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.ResourceFactory;

/** ISA Core Location vocabulary and GeoSPARQL literal types for spatial coverage. */
public final class Locn {
    public static final String NS = "http://www.w3.org/ns/locn#";
    public static final String GSP_NS = "http://www.opengis.net/ont/geosparql#";

    public static final Property geometry = ResourceFactory.createProperty(NS + "geometry");
    public static final String WKT_LITERAL = GSP_NS + "wktLiteral";
    public static final String GEOJSON_LITERAL = GSP_NS + "geoJSONLiteral";

    private Locn() {}
}
