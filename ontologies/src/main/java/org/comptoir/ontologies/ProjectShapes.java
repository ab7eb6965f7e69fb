package org.comptoir.ontologies;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.Path;

/**
 * Comptoir's own SHACL shapes, checked at every write of a dataset: a title (one in French), a description,
 * well-typed dates, IRIs where the catalogue links, an access URL on every distribution.
 *
 * <p>The shapes are parsed once; {@link #validate(Graph)} is meant for the small graph of one dataset and
 * is safe to call from several threads. Results are returned as data, never thrown.
 */
public final class ProjectShapes {

    private static final String RESOURCE = "shapes/comptoir-dataset.ttl";

    private final Shapes shapes;

    private ProjectShapes(Shapes shapes) {
        this.shapes = shapes;
    }

    /** The shapes shipped with Comptoir, parsed once. */
    public static ProjectShapes bundled() {
        return Bundled.INSTANCE;
    }

    /** The parsed shapes, for callers that combine them with others or publish them. */
    public Shapes shapes() {
        return shapes;
    }

    /** The violations the data graph commits against the shapes; empty when it conforms. */
    public List<ShapeViolation> validate(Graph data) {
        ValidationReport report = ShaclValidator.get().validate(shapes, data);
        if (report.conforms()) {
            return List.of();
        }
        List<ShapeViolation> violations = new ArrayList<>();
        for (ReportEntry entry : report.getEntries()) {
            if (Severity.Violation.equals(entry.severity())) {
                violations.add(new ShapeViolation(
                        nodeString(entry.focusNode()),
                        pathString(entry.resultPath()),
                        message(entry),
                        entry.severity().level().getLocalName()));
            }
        }
        return List.copyOf(violations);
    }

    private static String nodeString(Node node) {
        if (node == null) {
            return null;
        }
        if (node.isURI()) {
            return node.getURI();
        }
        if (node.isBlank()) {
            return "_:" + node.getBlankNodeLabel();
        }
        return node.toString();
    }

    private static String pathString(Path path) {
        if (path == null) {
            return null;
        }
        return path instanceof P_Link link ? link.getNode().getURI() : path.toString();
    }

    /** The French message, else the English one, else any, else Jena's own description. */
    private static String message(ReportEntry entry) {
        Collection<Node> messages = entry.messages();
        String fallback = null;
        String english = null;
        for (Node message : messages) {
            if (!message.isLiteral()) {
                continue;
            }
            String lang = message.getLiteralLanguage().toLowerCase(Locale.ROOT);
            if (lang.equals("fr") || lang.startsWith("fr-")) {
                return message.getLiteralLexicalForm();
            }
            if (english == null && (lang.equals("en") || lang.startsWith("en-"))) {
                english = message.getLiteralLexicalForm();
            }
            if (fallback == null) {
                fallback = message.getLiteralLexicalForm();
            }
        }
        if (english != null) {
            return english;
        }
        return fallback != null ? fallback : entry.message();
    }

    private static ProjectShapes load() {
        Graph graph = GraphFactory.createDefaultGraph();
        try (InputStream in = ProjectShapes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Bundled shapes missing: " + RESOURCE);
            }
            RDFParser.source(in).lang(Lang.TURTLE).parse(graph);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read bundled shapes " + RESOURCE, e);
        }
        return new ProjectShapes(Shapes.parse(graph));
    }

    private static final class Bundled {
        static final ProjectShapes INSTANCE = load();
    }
}
