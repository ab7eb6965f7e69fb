package org.comptoir.web.feed;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.jena.riot.RDFFormat;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** The RDF syntaxes the feed speaks, by media type and by file extension. */
enum RdfSyntax {
    TURTLE("ttl", RDFFormat.TURTLE_PRETTY, RdfSyntax.TURTLE_TYPE, RdfSyntax.TURTLE_ALIAS),
    RDF_XML("rdf", RDFFormat.RDFXML_PRETTY, RdfSyntax.RDF_XML_TYPE),
    JSON_LD("jsonld", RDFFormat.JSONLD_PRETTY, RdfSyntax.JSON_LD_TYPE),
    N_TRIPLES("nt", RDFFormat.NTRIPLES_UTF8, RdfSyntax.N_TRIPLES_TYPE);

    static final String TURTLE_TYPE = "text/turtle";
    static final String RDF_XML_TYPE = "application/rdf+xml";
    static final String JSON_LD_TYPE = "application/ld+json";
    static final String N_TRIPLES_TYPE = "application/n-triples";
    static final String TURTLE_ALIAS = "application/x-turtle";

    /** The extensions of the suffixed addresses ({@code /catalog.ttl}), as a path-pattern regex. */
    static final String EXTENSIONS = "ttl|rdf|jsonld|nt";

    private final String extension;
    private final RDFFormat format;
    private final List<MediaType> mediaTypes;

    RdfSyntax(String extension, RDFFormat format, String... mediaTypes) {
        this.extension = extension;
        this.format = format;
        this.mediaTypes =
                Arrays.stream(mediaTypes).map(MediaType::parseMediaType).toList();
    }

    String extension() {
        return extension;
    }

    RDFFormat format() {
        return format;
    }

    /** The media type the response announces, with its charset. */
    String contentType() {
        return mediaTypes.getFirst() + ";charset=UTF-8";
    }

    static Optional<RdfSyntax> ofExtension(String extension) {
        return Arrays.stream(values())
                .filter(s -> s.extension.equals(extension))
                .findFirst();
    }

    /**
     * The syntax an {@code Accept} header prefers: the acceptable type of highest quality that one
     * of the syntaxes serves, Turtle for a wildcard or a missing or malformed header.
     */
    static RdfSyntax negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return TURTLE;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return TURTLE;
        }
        return accepted.stream()
                .filter(type -> type.getQualityValue() > 0)
                .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
                .map(RdfSyntax::servedAs)
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(TURTLE);
    }

    private static Optional<RdfSyntax> servedAs(MediaType accepted) {
        if (accepted.isWildcardType()) {
            return Optional.of(TURTLE);
        }
        return Arrays.stream(values())
                .filter(syntax -> accepted.includes(syntax.mediaTypes.getFirst()))
                .findFirst()
                .or(() -> Arrays.stream(values())
                        .filter(syntax -> syntax.mediaTypes.stream().anyMatch(accepted::includes))
                        .findFirst());
    }
}
