package org.comptoir.web;

import jakarta.servlet.http.HttpServletRequest;
import org.comptoir.catalog.rdf.LocalIris;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public base of the catalogue's IRIs: {@code comptoir.base-uri} when set (production), else
 * the base of the request being answered, so that every IRI served dereferences.
 */
@Component
public class PublicBase {
    private final String configured;

    public PublicBase(@Value("${comptoir.base-uri:}") String configured) {
        this.configured = configured == null || configured.isBlank()
                ? null
                : configured.endsWith("/") ? configured : configured + "/";
    }

    public String of(HttpServletRequest request) {
        if (configured != null) {
            return configured;
        }
        return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString() + "/";
    }

    public String datasetIri(HttpServletRequest request, String id) {
        return of(request) + "datasets/" + id;
    }

    /** A stored IRI as the public sees it. */
    public String publicIri(HttpServletRequest request, String iri) {
        return iri == null ? null : LocalIris.publicIri(iri, of(request));
    }

    /** A public IRI of this catalogue back to its stored form. */
    public String storedIri(HttpServletRequest request, String iri) {
        var base = of(request);
        return iri != null && iri.startsWith(base) ? LocalIris.PLACEHOLDER_BASE + iri.substring(base.length()) : iri;
    }
}
