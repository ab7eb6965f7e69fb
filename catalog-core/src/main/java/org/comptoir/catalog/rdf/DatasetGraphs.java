package org.comptoir.catalog.rdf;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.util.ResourceUtils;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.RDF;

/** Operations on one dataset's RDF description: cutting it out of a page, hashing, storing. */
public final class DatasetGraphs {
    private static final int MAX_DEPTH = 6;
    private static final Node TYPE = RDF.type.asNode();
    /** The nodes a description stops at: other datasets, catalogues. */
    private static final List<Node> ENTITIES =
            List.of(DCAT.Dataset.asNode(), DCAT.Catalog.asNode(), org.comptoir.ontologies.Dcat3.DatasetSeries.asNode());

    private DatasetGraphs() {}

    /**
     * The part of {@code page} that describes {@code dataset}: its statements, and those of every
     * node it leads to (distributions, contact points, locations...), without crossing into other
     * datasets or catalogues.
     */
    public static Model extract(Model page, Resource dataset) {
        var result = ModelFactory.createModelSameTerm();
        var into = result.getGraph();
        reach(page.getGraph(), dataset.asNode()).forEach(into::add);
        return result;
    }

    /** The statements {@link #extract} takes, in the order it finds them, each once. */
    private static List<Triple> reach(org.apache.jena.graph.Graph graph, Node start) {
        var reached = new ArrayList<Triple>();
        var seen = new HashSet<Node>();
        var nodes = new ArrayDeque<Node>();
        var depths = new ArrayDeque<Integer>();
        nodes.add(start);
        depths.add(0);
        while (!nodes.isEmpty()) {
            var node = nodes.poll();
            int depth = depths.poll();
            if (!seen.add(node)) {
                continue;
            }
            graph.find(node, Node.ANY, Node.ANY).forEachRemaining(t -> {
                reached.add(t);
                var object = t.getObject();
                if ((object.isURI() || object.isBlank()) && depth < MAX_DEPTH && !isOtherEntity(graph, object, start)) {
                    nodes.add(object);
                    depths.add(depth + 1);
                }
            });
        }
        return reached;
    }

    private static boolean isOtherEntity(org.apache.jena.graph.Graph page, Node node, Node dataset) {
        if (node.equals(dataset)) {
            return false;
        }
        for (var type : ENTITIES) {
            if (page.contains(node, TYPE, type)) {
                return true;
            }
        }
        return false;
    }

    /** Renames {@code from} to {@code to} everywhere in {@code model}. */
    public static Resource rename(Resource from, Resource to) {
        return ResourceUtils.renameResource(from, to.getURI());
    }

    /** Gives blank distributions of {@code dataset} stable IRIs under the catalogue's own base. */
    public static void nameDistributions(Model model, Resource dataset, String datasetId) {
        var blanks = model.listObjectsOfProperty(dataset, DCAT.distribution)
                .filterKeep(RDFNode::isAnon)
                .mapWith(RDFNode::asResource)
                .toList();
        var taken = new HashSet<String>();
        model.listObjectsOfProperty(dataset, DCAT.distribution)
                .filterKeep(RDFNode::isURIResource)
                .forEach(n -> taken.add(n.asResource().getURI()));
        int index = 1;
        for (var blank : blanks) {
            String iri;
            do {
                iri = LocalIris.distribution(datasetId, index++);
            } while (taken.contains(iri));
            ResourceUtils.renameResource(blank, iri);
        }
    }

    /**
     * A hash of the description that does not depend on blank-node labels or statement order: two
     * fetches of an unchanged record hash the same.
     */
    public static String contentHash(Model model) {
        var graph = model.getGraph();
        return contentHash(graph.find().toList(), node -> graph.find(node, Node.ANY, Node.ANY)
                .toList());
    }

    /**
     * The {@linkplain #contentHash(Model) content hash} of {@code dataset}'s {@linkplain #extract
     * description in} {@code page}, without copying it out into a model of its own: what an unchanged
     * record of a harvest costs.
     */
    public static String contentHash(Model page, Resource dataset) {
        var statements = reach(page.getGraph(), dataset.asNode());
        var blankSubjects = new HashMap<Node, List<Triple>>();
        for (var t : statements) {
            if (t.getSubject().isBlank()) {
                blankSubjects
                        .computeIfAbsent(t.getSubject(), n -> new ArrayList<>())
                        .add(t);
            }
        }
        return contentHash(statements, node -> blankSubjects.getOrDefault(node, List.of()));
    }

    /**
     * @param statements every statement of the description, each once
     * @param about the statements of {@code statements} about a blank node
     */
    private static String contentHash(List<Triple> statements, Function<Node, List<Triple>> about) {
        var texts = new HashMap<Node, String>();
        var lines = new ArrayList<String>(statements.size());
        var path = new HashSet<Node>(); // the blank nodes being named, always empty between lines
        var line = new StringBuilder(256); // one for every line: a long description grows it once
        for (var t : statements) {
            line.setLength(0);
            term(line, about, t.getSubject(), texts, path).append(' ');
            term(line, about, t.getPredicate(), texts, path).append(' ');
            lines.add(term(line, about, t.getObject(), texts, path).toString());
        }
        lines.sort(String::compareTo);
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (var text : lines) {
                digest.update(text.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A term in N-Triples, an IRI written once per hash (a description names its dataset and its
     * properties many times); a blank node is named by the hash of what it says (its outgoing
     * statements).
     */
    private static StringBuilder term(
            StringBuilder out, Function<Node, List<Triple>> about, Node node, Map<Node, String> texts, Set<Node> path) {
        if (node.isURI()) {
            var text = texts.get(node);
            if (text == null) {
                text = NTriplesTerms.append(new StringBuilder(node.getURI().length() + 2), node)
                        .toString();
                texts.put(node, text);
            }
            return out.append(text);
        }
        if (!node.isBlank()) {
            return NTriplesTerms.append(out, node);
        }
        var known = texts.get(node);
        if (known != null) {
            return out.append(known);
        }
        if (!path.add(node)) {
            return out.append("_:cycle");
        }
        var parts = new ArrayList<String>();
        for (var t : about.apply(node)) {
            var part = new StringBuilder(80);
            term(part, about, t.getPredicate(), texts, path).append(' ');
            parts.add(term(part, about, t.getObject(), texts, path).toString());
        }
        path.remove(node);
        parts.sort(String::compareTo);
        var label = "_:" + Integer.toHexString(String.join("|", parts).hashCode());
        texts.put(node, label);
        return out.append(label);
    }

    /** The description in N-Triples, one statement a line, as Jena's N-Triples writer gives it. */
    public static String toNTriples(Model model) {
        var graph = model.getGraph();
        var out = new StringBuilder(graph.size() * 120);
        graph.find().forEachRemaining(t -> NTriplesTerms.appendLine(out, t));
        return out.toString();
    }

    public static Model fromNTriples(String ntriples) {
        var model = ModelFactory.createModelSameTerm();
        RDFParser.create()
                .source(new StringReader(ntriples))
                .lang(Lang.NTRIPLES)
                // written by the catalogue itself (toNTriples): checking every IRI again only costs time
                .checking(false)
                .parse(model);
        return model;
    }

    /** The stored description with the catalogue's placeholder IRIs turned into public ones. */
    public static Model publicView(Model stored, String publicBase) {
        var result = ModelFactory.createModelSameTerm();
        stored.getGraph().find().forEach(t -> result.getGraph()
                .add(Triple.create(
                        publicNode(t.getSubject(), publicBase),
                        t.getPredicate(),
                        publicNode(t.getObject(), publicBase))));
        return result;
    }

    private static Node publicNode(Node node, String publicBase) {
        if (node.isURI() && LocalIris.isLocal(node.getURI())) {
            return NodeFactory.createURI(LocalIris.publicIri(node.getURI(), publicBase));
        }
        return node;
    }
}
