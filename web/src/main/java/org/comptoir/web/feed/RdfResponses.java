package org.comptoir.web.feed;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFWriter;
import org.springframework.http.HttpHeaders;

/** Writes a graph to the response in the syntax chosen, with Jena, straight to the stream. */
final class RdfResponses {
    private RdfResponses() {}

    static void write(HttpServletResponse response, Model model, RdfSyntax syntax, boolean negotiated)
            throws IOException {
        response.setContentType(syntax.contentType());
        if (negotiated) {
            response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        }
        var out = response.getOutputStream();
        RDFWriter.source(model).format(syntax.format()).output(out);
        out.flush();
    }
}
