package org.comptoir.catalog.rdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.util.NodeFactoryExtra;
import org.junit.jupiter.api.Test;

class NTriplesTermsTests {
    private static final List<Node> NODES = List.of(
            NodeFactory.createURI("https://example.org/dataset/1?a=b&c=d#x"),
            NodeFactory.createURI("https://example.org/données/é"),
            NodeFactory.createURI("https://example.org/a b"),
            NodeFactory.createURI("https://example.org/{x}|y^z`w\\v\"<>"),
            NodeFactory.createURI("urn:x:\u0001"),
            NodeFactory.createBlankNode("b0"),
            NodeFactory.createBlankNode("a-b.c_d"),
            NodeFactory.createLiteralString("Qualité de l'eau « potable » 2024"),
            NodeFactory.createLiteralString(""),
            NodeFactory.createLiteralString("a \"quoted\" word"),
            NodeFactory.createLiteralString("back\\slash"),
            NodeFactory.createLiteralString("two\nlines\r\tand tab"),
            NodeFactory.createLiteralString("bell \u0007 and del \u007f"),
            NodeFactory.createLiteralString("emoji 😀 and \u00a0 nbsp"),
            NodeFactory.createLiteralLang("Eau potable", "fr"),
            NodeFactory.createLiteralLang("Drinking water", "en-GB"),
            NodeFactory.createLiteralDirLang("مياه", "ar", "rtl"),
            NodeFactory.createLiteralDT("2024-01-02", XSDDatatype.XSDdate),
            NodeFactory.createLiteralDT("12", XSDDatatype.XSDinteger),
            NodeFactory.createLiteralDT("x", NodeFactory.getType("https://example.org/type é")),
            NodeFactoryExtra.parseNode("\"POLYGON((1 2, 3 4))\"^^<http://www.opengis.net/ont/geosparql#wktLiteral>"));

    @Test
    void writesEveryTermAsJenaDoes() {
        for (var node : NODES) {
            assertThat(NTriplesTerms.append(new StringBuilder("x"), node).toString())
                    .as(node.toString())
                    .isEqualTo("x" + NodeFmtLib.strNT(node));
        }
    }

    @Test
    void writesALineAsJenaDoes() {
        var triple = Triple.create(NODES.get(0), NODES.get(1), NODES.get(14));

        assertThat(NTriplesTerms.appendLine(new StringBuilder(), triple).toString())
                .isEqualTo(NodeFmtLib.strNT(NODES.get(0)) + " " + NodeFmtLib.strNT(NODES.get(1)) + " "
                        + NodeFmtLib.strNT(NODES.get(14)) + " .\n");
    }
}
