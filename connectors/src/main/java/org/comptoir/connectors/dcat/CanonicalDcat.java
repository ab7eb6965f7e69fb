package org.comptoir.connectors.dcat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.DCAT;

/**
 * The repairs a harvested description gets before it enters the catalogue, each one a reading of
 * what the source plainly meant; the raw payload keeps what it said.
 *
 * <ul>
 *   <li>a link given as a literal ({@code "https://..."} or {@code "https://..."^^xsd:anyURI}) where
 *       DCAT expects a resource ({@code dcat:accessURL}, {@code dcat:downloadURL}, {@code
 *       dcat:landingPage}, {@code dcat:endpointURL}, {@code foaf:page}...) becomes that IRI;
 *   <li>a distribution with a download URL and no access URL gets the download URL as access URL,
 *       as DCAT-AP's usage notes recommend;
 *   <li>a distribution the page names but does not describe at all is left out: nothing can be said
 *       about it, and it would otherwise make the whole dataset fail.
 * </ul>
 */
final class CanonicalDcat {
    private static final String FOAF = "http://xmlns.com/foaf/0.1/";
    private static final List<Property> LINKS = List.of(
            DCAT.accessURL,
            DCAT.downloadURL,
            DCAT.landingPage,
            DCAT.endpointURL,
            DCAT.endpointDescription,
            ResourceFactory.createProperty(FOAF + "page"),
            ResourceFactory.createProperty(FOAF + "homepage"));
    private static final Set<String> WEB_SCHEMES = Set.of("http", "https", "ftp");

    private CanonicalDcat() {}

    /** A repaired copy of {@code description}; the original is left as it is. */
    static Model of(Model description, Resource dataset) {
        var result = ModelFactory.createModelSameTerm().add(description);
        for (var property : LINKS) {
            for (var statement :
                    result.listStatements(null, property, (RDFNode) null).toList()) {
                if (statement.getObject().isLiteral()) {
                    var iri = webIri(statement.getLiteral().getLexicalForm());
                    if (iri != null) {
                        result.remove(statement);
                        result.add(statement.getSubject(), property, result.createResource(iri));
                    }
                }
            }
        }
        var node = result.wrapAsResource(dataset.asNode());
        for (var statement :
                result.listStatements(node, DCAT.distribution, (RDFNode) null).toList()) {
            var object = statement.getObject();
            if (object.isResource()
                    && !result.listStatements(object.asResource(), null, (RDFNode) null)
                            .hasNext()) {
                result.remove(statement);
            }
        }
        for (var distribution :
                result.listObjectsOfProperty(node, DCAT.distribution).toList()) {
            if (!distribution.isResource() || distribution.asResource().hasProperty(DCAT.accessURL)) {
                continue;
            }
            result
                    .listObjectsOfProperty(distribution.asResource(), DCAT.downloadURL)
                    .filterKeep(RDFNode::isURIResource)
                    .mapWith(n -> n.asResource().getURI())
                    .toList()
                    .stream()
                    .sorted()
                    .findFirst()
                    .ifPresent(
                            url -> distribution.asResource().addProperty(DCAT.accessURL, result.createResource(url)));
        }
        return result;
    }

    /** The IRI a literal spells, when it is one absolute web address and nothing else. */
    static String webIri(String lexical) {
        var value = lexical.strip();
        if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
            return null;
        }
        try {
            var uri = new URI(value);
            var scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            return uri.isAbsolute() && WEB_SCHEMES.contains(scheme) && uri.getHost() != null ? value : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
