package org.comptoir.connectors.dcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.TextDirection;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpSpoolTests {
    @TempDir
    Path folder;

    @Test
    void readsBackEveryBlockAndLooseTripleInOrderWithTheSameTerms() throws Exception {
        var random = new SplittableRandom(7);
        var written = new ArrayList<Object>();
        var spool = folder.resolve("dump.spool");
        try (var writer = new DumpSpool.Writer(spool)) {
            for (int i = 0; i < 3_000; i++) {
                if (random.nextInt(4) == 0) {
                    var triple = triple(random, i);
                    writer.loose(triple);
                    written.add(triple);
                } else {
                    var dataset = NodeFactory.createURI("https://example.org/dataset/" + i);
                    var block = new ArrayList<Triple>();
                    for (int j = random.nextInt(30); j >= 0; j--) {
                        block.add(
                                j % 3 == 0 ? Triple.create(dataset, iri(random), term(random, i)) : triple(random, i));
                    }
                    writer.block(dataset, block);
                    written.add(new Block(dataset, block));
                }
            }
        }

        var read = new ArrayList<Object>();
        DumpSpool.read(spool, new DumpSpool.Visitor() {
            @Override
            public void block(Node dataset, List<Triple> triples) {
                read.add(new Block(dataset, triples));
            }

            @Override
            public void loose(Triple triple) {
                read.add(triple);
            }
        });

        // Triple and Node equality is term equality: same label, lexical form, datatype, language
        assertThat(read).containsExactlyElementsOf(written);
    }

    @Test
    void writesATermAlreadyWrittenAsItsPlaceInTheTable() throws Exception {
        var spool = folder.resolve("themes.spool");
        var dataset = NodeFactory.createURI("https://example.org/dataset/1");
        var theme = NodeFactory.createURI("http://www.w3.org/ns/dcat#theme");
        var block = new ArrayList<Triple>();
        for (int i = 0; i < 10_000; i++) {
            block.add(Triple.create(
                    dataset,
                    theme,
                    NodeFactory.createURI("http://publications.europa.eu/resource/authority/data-theme/T" + i % 20)));
        }
        try (var writer = new DumpSpool.Writer(spool)) {
            writer.block(dataset, block);
        }

        // three terms of a byte and a slot each, rather than about 130 bytes of text
        assertThat(Files.size(spool)).isLessThan(10L * block.size());
    }

    private record Block(Node dataset, List<Triple> triples) {}

    private static Triple triple(SplittableRandom random, int i) {
        var subject = random.nextBoolean()
                ? NodeFactory.createBlankNode("b" + random.nextInt(i + 1))
                : NodeFactory.createURI("https://example.org/distribution/" + random.nextInt(i + 1));
        return Triple.create(subject, iri(random), term(random, i));
    }

    private static Node iri(SplittableRandom random) {
        return NodeFactory.createURI("http://purl.org/dc/terms/p" + random.nextInt(40));
    }

    private static Node term(SplittableRandom random, int i) {
        return switch (random.nextInt(9)) {
            case 0 -> NodeFactory.createURI("https://example.org/theme/" + random.nextInt(20));
            case 1 -> NodeFactory.createBlankNode("b" + random.nextInt(i + 1));
            case 2 -> NodeFactory.createLiteralString("mot " + random.nextInt(500));
            case 3 ->
                NodeFactory.createLiteralLang("titre " + random.nextInt(i + 1), random.nextBoolean() ? "fr" : "en-GB");
            case 4 -> NodeFactory.createLiteralDirLang("عنوان " + random.nextInt(50), "ar", TextDirection.RTL);
            case 5 -> NodeFactory.createLiteralDT(Integer.toString(random.nextInt(100)), XSDDatatype.XSDinteger);
            case 6 -> NodeFactory.createLiteralDT("pas un nombre", XSDDatatype.XSDint);
            case 7 -> NodeFactory.createLiteralString("é".repeat(200 + random.nextInt(200))); // some too long to keep
            default ->
                NodeFactory.createTripleTerm(
                        NodeFactory.createURI("https://example.org/dataset/" + i),
                        iri(random),
                        NodeFactory.createLiteralString("cité"));
        };
    }
}
