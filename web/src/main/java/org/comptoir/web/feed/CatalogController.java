package org.comptoir.web.feed;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.comptoir.web.PublicBase;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The open catalogue as DCAT-AP 3 at {@code /catalog}: the syntax by {@code Accept} (Turtle by
 * default) or by suffix ({@code /catalog.ttl}, {@code .rdf}, {@code .jsonld}, {@code .nt}); paged
 * with {@code page} (from 1) and {@code size} (100 by default, 1000 at most); {@code
 * modified_since} keeps the datasets changed since an ISO 8601 date or date-time.
 */
@Controller
class CatalogController {
    private final CatalogFeed feed;
    private final PublicBase publicBase;

    CatalogController(CatalogFeed feed, PublicBase publicBase) {
        this.feed = feed;
        this.publicBase = publicBase;
    }

    @GetMapping(
            path = "/catalog",
            produces = {
                RdfSyntax.TURTLE_TYPE,
                RdfSyntax.TURTLE_ALIAS,
                RdfSyntax.RDF_XML_TYPE,
                RdfSyntax.JSON_LD_TYPE,
                RdfSyntax.N_TRIPLES_TYPE
            })
    void negotiated(
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            @RequestParam(name = "modified_since", required = false) String modifiedSince,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        var query = FeedQuery.parse(page, size, modifiedSince);
        var base = publicBase.of(request);
        RdfResponses.write(response, feed.page(query, base, base + "catalog"), RdfSyntax.negotiate(accept), true);
    }

    @GetMapping("/catalog.{extension:" + RdfSyntax.EXTENSIONS + "}")
    void suffixed(
            @PathVariable String extension,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            @RequestParam(name = "modified_since", required = false) String modifiedSince,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        var syntax = RdfSyntax.ofExtension(extension).orElseThrow();
        var query = FeedQuery.parse(page, size, modifiedSince);
        var base = publicBase.of(request);
        RdfResponses.write(response, feed.page(query, base, base + "catalog." + extension), syntax, false);
    }
}
