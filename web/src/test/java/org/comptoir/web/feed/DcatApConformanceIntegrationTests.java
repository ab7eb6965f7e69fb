package org.comptoir.web.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.RDF;
import org.comptoir.ontologies.ProjectShapes;
import org.comptoir.ontologies.ShapeViolation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole demo catalogue, read page by page from {@code /catalog} as a harvester would, passes
 * the official DCAT-AP 3.0.1 SHACL shapes ({@code shapes.ttl}, {@code range.ttl} and the controlled
 * vocabularies of {@code mdr-vocabularies.shape.ttl}, with the EU vocabularies in the data graph)
 * and the project's own shapes, without a single violation.
 */
class DcatApConformanceIntegrationTests extends DemoCatalogueServer {
    private Path reference;

    @BeforeEach
    void referenceFolder() {
        reference = Path.of(System.getProperty("comptoir.reference.dir", "../shared/reference"));
        Assumptions.assumeTrue(Files.isDirectory(reference), "../shared/reference absent: skipping");
    }

    @Test
    void wholeDemoFeedHasNoDcatAp301Violation() throws Exception {
        var feed = wholeFeed();
        var data = ModelFactory.createDefaultModel().add(feed);
        try (Stream<Path> vocabularies = Files.list(reference.resolve("eu-vocabularies"))) {
            vocabularies
                    .filter(p -> p.toString().endsWith(".rdf"))
                    .sorted()
                    .forEach(p -> RDFDataMgr.read(data, p.toString()));
        }
        var shapesGraph = ModelFactory.createDefaultModel();
        var shacl = reference.resolve("dcat-ap/3.0.1/shacl");
        for (var file : List.of("shapes.ttl", "range.ttl", "mdr-vocabularies.shape.ttl")) {
            RDFDataMgr.read(shapesGraph, shacl.resolve(file).toString());
        }

        var shapes = Shapes.parse(shapesGraph.getGraph());
        assertThat(shapes.numRootShapes()).as("DCAT-AP shapes with targets").isGreaterThan(10);

        var report = ShaclValidator.get().validate(shapes, data.getGraph());

        var violations = entries(report.getEntries(), Severity.Violation);
        var warnings = entries(report.getEntries(), Severity.Warning);
        assertThat(violations)
                .as(
                        "DCAT-AP 3.0.1 violations in the demo feed (%d):%n%s%nwarnings (%d):%n%s",
                        violations.size(), describe(violations), warnings.size(), describe(warnings))
                .isEmpty();
    }

    @Test
    void wholeDemoFeedPassesTheProjectShapes() throws Exception {
        var feed = wholeFeed();

        List<ShapeViolation> violations = ProjectShapes.bundled().validate(feed.getGraph());

        assertThat(violations)
                .as(
                        "project shape violations:%n%s",
                        violations.stream().map(ShapeViolation::toString).collect(Collectors.joining("\n")))
                .isEmpty();
    }

    /** Every page of the feed, small pages so that paging is part of what is validated. */
    private Model wholeFeed() throws IOException, InterruptedException {
        var pages = pages(url("/catalog?size=10"), "text/turtle");
        assertThat(pages).hasSizeGreaterThan(1);
        var feed = union(pages);
        assertThat(feed.listSubjectsWithProperty(RDF.type, DCAT.Dataset).toList())
                .as("datasets in the feed")
                .hasSizeGreaterThan(30);
        return feed;
    }

    private static List<ReportEntry> entries(java.util.Collection<ReportEntry> entries, Severity severity) {
        return entries.stream().filter(e -> e.severity().equals(severity)).toList();
    }

    private static String describe(List<ReportEntry> entries) {
        return entries.stream()
                .map(e -> "  focus " + node(e.focusNode()) + " path " + e.resultPath() + " value "
                        + (e.value() == null ? "-" : node(e.value())) + ": " + e.message())
                .sorted()
                .collect(Collectors.joining("\n"));
    }

    private static String node(Node node) {
        return node.isURI() ? "<" + node.getURI() + ">" : node.toString();
    }
}
