package org.comptoir.connectors.dcat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.RDF;
import org.comptoir.ontologies.Dcat3;
import org.comptoir.ontologies.Hydra;

/**
 * Cuts a stream of triples into one block per dataset with a bounded window, for dumps too large to
 * hold: a dataset's block opens when the stream says it is a dataset and takes every triple whose
 * subject it reaches (its distributions, contact point...); it closes when more than {@code window}
 * blocks are open, and is handed, already grouped, to {@code closed} (the first pass spools it,
 * ADR 0018). A triple no open block reaches (a publisher described once at the end, a late
 * statement about a closed dataset) goes to a side graph and to {@code loose}; the statements about
 * a node two datasets share are learnt too. The cutter tells whether the dump can be cut this way
 * at all ({@link #cuttable()}: no blank node is described out of its block, the side graph stays
 * within its budget); when it cannot, every triple it held goes to {@code loose} and it holds no
 * more. Once the whole stream is read, {@link #completion} completes each closed block, in the
 * order they closed, with what it reaches in the side graph.
 */
final class DatasetCutter {
    private static final Node DATASET = DCAT.Dataset.asNode();
    private static final Node SERIES = Dcat3.DatasetSeries.asNode();
    private static final Node CATALOG = DCAT.Catalog.asNode();
    private static final Node TYPE = RDF.type.asNode();
    private static final Node HAS_DATASET = DCAT.dataset.asNode();
    private static final int MAX_DEPTH = 6;

    private final int window;
    private final long sideBudget;
    private final BiConsumer<Node, List<Triple>> closedBlocks;
    private final Consumer<Triple> loose;
    private final Graph side = GraphFactory.createGraphMem();
    private final Set<Node> shared = new HashSet<>();
    private final Set<Node> datasets = new HashSet<>();
    private final Set<Node> catalogs = new HashSet<>();
    private final Map<Node, Block> owner = new HashMap<>();
    private final LinkedHashMap<Node, Block> open = new LinkedHashMap<>();
    private final Map<Node, List<Triple>> waiting = new HashMap<>();
    /** The IRIs closed datasets cite, as 64-bit hashes (8 bytes each): statements about them go aside. */
    private final LongSet released = new LongSet();
    /** Datasets whose block opened already: a statement about one of them after it closed goes aside. */
    private final Set<Node> closed = new HashSet<>();

    private long waitingCount;
    private boolean cuttable = true;
    private String reason;

    private static final class Block {
        final Node dataset;
        final List<Node> nodes = new ArrayList<>();
        final List<Triple> triples = new ArrayList<>();

        Block(Node dataset) {
            this.dataset = dataset;
        }
    }

    /**
     * @param closedBlocks takes each block as it closes: its dataset and its triples, in order
     * @param loose takes each triple no block holds, as it comes
     */
    DatasetCutter(int window, long sideBudget, BiConsumer<Node, List<Triple>> closedBlocks, Consumer<Triple> loose) {
        this.window = window;
        this.sideBudget = sideBudget;
        this.closedBlocks = closedBlocks;
        this.loose = loose;
    }

    boolean cuttable() {
        return cuttable;
    }

    /** Why the dump cannot be cut with bounded memory, when it cannot. */
    String reason() {
        return reason;
    }

    /** Takes the next triple, to a block or to {@code loose}. */
    void triple(Triple triple) {
        if (!cuttable) {
            loose.accept(triple);
            return;
        }
        if (!take(triple)) {
            loose.accept(triple);
        }
        if (!cuttable) {
            giveUp();
        }
    }

    /** Whether a block holds the triple now, or may adopt it later (a blank node waiting). */
    private boolean take(Triple triple) {
        var s = triple.getSubject();
        var p = triple.getPredicate();
        var o = triple.getObject();
        if (p.equals(TYPE) && (o.equals(DATASET) || o.equals(SERIES))) {
            becomesDataset(s);
        } else if (p.equals(TYPE) && o.equals(CATALOG)) {
            catalogs.add(s);
        } else if (p.equals(HAS_DATASET) && !o.isLiteral() && !catalogs.contains(o)) {
            catalogs.add(s);
            becomesDataset(o);
            return false;
        }
        if (p.getURI().startsWith(Hydra.NS) || catalogs.contains(s)) {
            return false; // about the catalogue or its paging, never part of a dataset
        }
        var block = owner.get(s);
        if (block == null && datasets.contains(s) && closed.add(s)) {
            block = open(s);
        }
        if (s.isURI() && released.contains(hash(s))) {
            // about a node a closed dataset cites: that dataset needs it from the side graph
            aside(triple);
        }
        if (block == null) {
            if (s.isBlank()) {
                // Turtle gives a nested blank node's statements before the one that cites it
                waiting.computeIfAbsent(s, n -> new ArrayList<>()).add(triple);
                if (++waitingCount > sideBudget) {
                    cuttable = false;
                    reason = "plus de " + sideBudget
                            + " triplets de nœuds anonymes attendent le jeu de données qui les cite";
                }
                return true;
            }
            aside(triple);
            return false;
        }
        attach(triple, block);
        return true;
    }

    /** The dump cannot be cut: what the blocks and the waiting list hold goes loose, and nothing more is held. */
    private void giveUp() {
        open.values().forEach(block -> block.triples.forEach(loose));
        waiting.values().forEach(triples -> triples.forEach(loose));
        open.clear();
        waiting.clear();
        owner.clear();
        side.clear();
    }

    private void aside(Triple triple) {
        side.add(triple);
        if (side.size() > sideBudget) {
            cuttable = false;
            reason = "plus de " + sideBudget + " triplets sont hors de l'ordre jeu par jeu";
        }
    }

    private void attach(Triple triple, Block block) {
        block.triples.add(triple);
        var o = triple.getObject();
        if (!o.isLiteral() && !datasets.contains(o) && !catalogs.contains(o)) {
            var holder = owner.get(o);
            if (holder == null) {
                if (o.isURI() && released.contains(hash(o))) {
                    shared.add(o); // a closed dataset cites it too
                }
                owner.put(o, block);
                block.nodes.add(o);
                var early = o.isBlank() ? waiting.remove(o) : null;
                if (early != null) {
                    waitingCount -= early.size();
                    early.forEach(t -> attach(t, block));
                }
            } else if (holder != block) {
                shared.add(o);
            }
        }
    }

    /** Marks a dataset; its block opens with its first statement, so a list of datasets up front opens none. */
    private void becomesDataset(Node node) {
        if (catalogs.contains(node) || !datasets.add(node)) {
            return;
        }
        var held = owner.get(node);
        if (held != null && !held.dataset.equals(node)) {
            // reached first from another dataset: it is its own now
            held.nodes.remove(node);
            owner.remove(node);
        }
    }

    private Block open(Node dataset) {
        var block = new Block(dataset);
        owner.put(dataset, block);
        block.nodes.add(dataset);
        open.put(dataset, block);
        if (open.size() > window) {
            close(open.pollFirstEntry().getValue());
        }
        return block;
    }

    /** Ends the stream: every open block closes. */
    void end() {
        if (cuttable) {
            // blank nodes no block adopted: a dataset that came back later reaches them aside
            waiting.values()
                    .forEach(triples -> triples.forEach(t -> {
                        loose.accept(t);
                        aside(t);
                    }));
            waiting.clear();
        }
        while (cuttable && !open.isEmpty()) {
            close(open.pollFirstEntry().getValue());
        }
        if (!cuttable) {
            giveUp();
        }
    }

    private void close(Block block) {
        for (var node : block.nodes) {
            if (owner.get(node) == block) {
                owner.remove(node);
                if (node.isURI()) {
                    released.add(hash(node));
                }
            }
        }
        closedBlocks.accept(block.dataset, block.triples);
    }

    /**
     * The second pass, once the whole stream is read and {@link #cuttable()}: takes the blocks in the
     * order they closed and hands each, completed with what it reaches in the side graph, to {@code
     * consumer}.
     */
    Completion completion(BiConsumer<Node, Graph> consumer) {
        return new Completion(consumer);
    }

    /**
     * Completes the closed blocks. A block adds to the side graph its statements about shared
     * nodes, and is completed once {@code window} blocks after it are in: it then finds there at
     * least what it would have found when it closed in the stream.
     */
    final class Completion {
        private final BiConsumer<Node, Graph> consumer;
        private final ArrayDeque<Map.Entry<Node, Graph>> ready = new ArrayDeque<>();

        private Completion(BiConsumer<Node, Graph> consumer) {
            this.consumer = consumer;
        }

        void block(Node dataset, List<Triple> triples) {
            var graph = GraphFactory.createGraphMem();
            for (var t : triples) {
                graph.add(t);
                if (shared.contains(t.getSubject())) {
                    side.add(t);
                }
            }
            ready.add(Map.entry(dataset, graph));
            if (ready.size() > window) {
                complete(ready.poll());
            }
        }

        void end() {
            while (!ready.isEmpty()) {
                complete(ready.poll());
            }
        }

        private void complete(Map.Entry<Node, Graph> block) {
            var dataset = block.getKey();
            var graph = block.getValue();
            // what it reaches in the side graph: statements that came out of order, shared descriptions
            var queue = new ArrayList<Map.Entry<Node, Integer>>();
            graph.find().forEach(t -> {
                queue.add(Map.entry(t.getSubject(), 0));
                if (!t.getObject().isLiteral()) {
                    queue.add(Map.entry(t.getObject(), 1));
                }
            });
            queue.add(Map.entry(dataset, 0));
            var visited = new HashSet<Node>();
            for (int i = 0; i < queue.size(); i++) {
                var entry = queue.get(i);
                var node = entry.getKey();
                if (!visited.add(node)
                        || (!node.equals(dataset) && (datasets.contains(node) || catalogs.contains(node)))) {
                    continue;
                }
                side.find(node, Node.ANY, Node.ANY).forEach(t -> {
                    graph.add(t);
                    if (!t.getObject().isLiteral() && entry.getValue() < MAX_DEPTH) {
                        queue.add(Map.entry(t.getObject(), entry.getValue() + 1));
                    }
                });
            }
            consumer.accept(dataset, graph);
        }
    }

    /** A 64-bit FNV-1a hash of an IRI; a collision only sets a statement aside for nothing. */
    private static long hash(Node iri) {
        var text = iri.getURI();
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h == 0 ? 1 : h;
    }

    /**
     * A set of non-zero longs in segments chosen by the value's top bits, each an open-addressing
     * table that grows alone: no single large array, so that millions of IRIs cost the collector no
     * humongous allocation and a growth copies one segment, not the whole set.
     */
    static final class LongSet {
        private static final int SEGMENT_BITS = 8;
        private final long[][] segments = new long[1 << SEGMENT_BITS][];
        private final int[] sizes = new int[1 << SEGMENT_BITS];

        boolean contains(long value) {
            var slots = segments[segment(value)];
            if (slots == null) {
                return false;
            }
            int mask = slots.length - 1;
            for (int i = mix(value) & mask; ; i = (i + 1) & mask) {
                if (slots[i] == value) {
                    return true;
                }
                if (slots[i] == 0) {
                    return false;
                }
            }
        }

        void add(long value) {
            int segment = segment(value);
            var slots = segments[segment];
            if (slots == null) {
                slots = segments[segment] = new long[16];
            } else if (sizes[segment] * 2 >= slots.length) {
                var old = slots;
                slots = segments[segment] = new long[old.length * 2];
                for (long v : old) {
                    if (v != 0) {
                        insert(slots, v);
                    }
                }
            }
            if (insert(slots, value)) {
                sizes[segment]++;
            }
        }

        private static boolean insert(long[] slots, long value) {
            int mask = slots.length - 1;
            for (int i = mix(value) & mask; ; i = (i + 1) & mask) {
                if (slots[i] == value) {
                    return false;
                }
                if (slots[i] == 0) {
                    slots[i] = value;
                    return true;
                }
            }
        }

        private static int segment(long value) {
            return (int) (value >>> (64 - SEGMENT_BITS));
        }

        private static int mix(long value) {
            return (int) (value ^ (value >>> 29) ^ (value >>> 47));
        }
    }
}
