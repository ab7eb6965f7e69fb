package org.comptoir.catalog.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.SKOS;
import org.comptoir.catalog.dataset.Description;
import org.comptoir.ontologies.Adms;

/**
 * The identity keys of a harvested description: its landing page, its distributions' download and
 * access URLs, its {@code dct:identifier} and {@code adms:identifier} values. URLs are normalised
 * (scheme and host in lower case, default port, fragment and trailing slash dropped) so that the
 * same address written two ways is one key.
 */
final class IdentityKeys {
    /** Keys beyond this many are not kept: a record listing thousands of files is not told apart by them. */
    static final int MAX_KEYS = 200;

    private IdentityKeys() {}

    /**
     * @param dataset the dataset's node in its description graph, for the {@code adms:identifier}s
     *     that the catalogue's records do not model
     */
    static Map<String, IdentityKey> of(Description description, Resource dataset) {
        var keys = new LinkedHashMap<String, IdentityKey>();
        add(keys, IdentityKey.Kind.LANDING_PAGE, description.landingPage());
        dataset.listProperties(DCTerms.identifier)
                .forEach(s -> add(keys, IdentityKey.Kind.IDENTIFIER, text(s.getObject())));
        dataset.listProperties(Adms.identifier)
                .forEach(s -> add(keys, IdentityKey.Kind.IDENTIFIER, text(s.getObject())));
        for (var distribution : description.distributions()) {
            add(keys, IdentityKey.Kind.DOWNLOAD_URL, distribution.downloadUrl());
            add(keys, IdentityKey.Kind.ACCESS_URL, distribution.accessUrl());
        }
        return keys;
    }

    private static void add(Map<String, IdentityKey> keys, IdentityKey.Kind kind, String value) {
        if (value == null || value.isBlank() || keys.size() >= MAX_KEYS) {
            return;
        }
        var key = new IdentityKey(kind, normalise(value));
        keys.putIfAbsent(key.hash(), key);
    }

    /** An identifier's text: a literal's lexical form, an {@code adms:Identifier}'s notation, or an IRI. */
    private static String text(RDFNode node) {
        if (node.isLiteral()) {
            return node.asLiteral().getLexicalForm();
        }
        var resource = node.asResource();
        var notation = resource.getProperty(SKOS.notation);
        if (notation != null && notation.getObject().isLiteral()) {
            return notation.getString();
        }
        return resource.isURIResource() ? resource.getURI() : null;
    }

    /**
     * An http(s) URL with its scheme and host in lower case, without default port, fragment or
     * trailing slash; any other value trimmed, as it is.
     */
    static String normalise(String value) {
        var trimmed = value.strip();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            return trimmed;
        }
        var scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getRawAuthority() == null) {
            return trimmed;
        }
        var host = uri.getHost() == null ? uri.getRawAuthority() : uri.getHost();
        var port = uri.getPort();
        var defaultPort = "http".equals(scheme) ? 80 : 443;
        var path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        var userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@";
        return scheme + "://" + userInfo + host.toLowerCase(Locale.ROOT)
                + (port == -1 || port == defaultPort ? "" : ":" + port)
                + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
