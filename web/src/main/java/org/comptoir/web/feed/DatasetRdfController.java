package org.comptoir.web.feed;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.comptoir.catalog.dataset.DatasetNotFoundException;
import org.comptoir.web.PublicBase;
import org.comptoir.web.security.Viewers;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * A dataset's IRI dereferenced by a machine: its DCAT-AP description when the {@code Accept}
 * header asks for RDF (browsers get the HTML page), or at {@code /datasets/{id}.ttl}, {@code .rdf},
 * {@code .jsonld}, {@code .nt}. The public reads open datasets only; the authority's own users read
 * any, with the owner's name.
 */
@Controller
class DatasetRdfController {
    private static final String ID = "{id:[0-9a-f-]{36}}";

    private final CatalogFeed feed;
    private final PublicBase publicBase;

    DatasetRdfController(CatalogFeed feed, PublicBase publicBase) {
        this.feed = feed;
        this.publicBase = publicBase;
    }

    @GetMapping(
            path = "/datasets/" + ID,
            produces = {
                RdfSyntax.TURTLE_TYPE,
                RdfSyntax.TURTLE_ALIAS,
                RdfSyntax.RDF_XML_TYPE,
                RdfSyntax.JSON_LD_TYPE,
                RdfSyntax.N_TRIPLES_TYPE
            })
    void negotiated(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        write(id, RdfSyntax.negotiate(accept), true, request, response);
    }

    @GetMapping("/datasets/" + ID + ".{extension:" + RdfSyntax.EXTENSIONS + "}")
    void suffixed(
            @PathVariable String id,
            @PathVariable String extension,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        write(id, RdfSyntax.ofExtension(extension).orElseThrow(), false, request, response);
    }

    private void write(
            String id, RdfSyntax syntax, boolean negotiated, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        var audience = Viewers.audience(SecurityContextHolder.getContext().getAuthentication());
        var model =
                feed.dataset(id, publicBase.of(request), audience).orElseThrow(() -> new DatasetNotFoundException(id));
        RdfResponses.write(response, model, syntax, negotiated);
    }
}
