package org.comptoir.connectors.dcat;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.TextDirection;
import org.apache.jena.graph.Triple;

/**
 * The temporary file between the two passes over a dump (ADR 0018): the dataset blocks pass 1 closed,
 * whole, and the triples no block holds, in the order they came. A binary form of our own rather
 * than RDF Thrift, which names every term again in each triple: a term is written in full the first
 * time and whenever another took its place in a table of recent terms (a slot chosen by its hash,
 * that the reader fills from what it reads exactly as the writer did), and otherwise as its slot.
 * The predicates, types, themes, publishers and licences a dump repeats thus cost a few bytes each
 * and are read back as one shared {@link Node}. Blank nodes keep their labels. The table holds
 * only short terms ({@value #KEPT_LENGTH} characters at most), so that it stays small whatever the
 * dump.
 */
final class DumpSpool {
    private static final int SLOTS = 1 << 12;
    private static final int KEPT_LENGTH = 256;
    private static final int KEPT_STRINGS = 1_024;
    private static final int BLOCK = 1;
    private static final int LOOSE = 2;
    private static final int SEEN = 0;
    private static final int IRI = 1;
    private static final int BLANK = 2;
    private static final int STRING = 3;
    private static final int LANG = 4;
    private static final int DIR_LANG = 5;
    private static final int TYPED = 6;
    private static final int TRIPLE_TERM = 7;

    private DumpSpool() {}

    /** What a spool holds, in order: the blocks pass 1 closed and the triples no block held. */
    interface Visitor {
        void block(Node dataset, List<Triple> triples);

        void loose(Triple triple);
    }

    /** Whether a term goes into the table of recent terms, the same on both sides. */
    private static boolean kept(Node node) {
        if (node.isURI()) {
            return node.getURI().length() <= KEPT_LENGTH;
        }
        if (node.isBlank()) {
            return node.getBlankNodeLabel().length() <= KEPT_LENGTH;
        }
        return node.isLiteral() && node.getLiteralLexicalForm().length() <= KEPT_LENGTH;
    }

    private static int slot(Node node) {
        int h = node.hashCode();
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }

    /** Writes a spool; {@link #close} flushes it. */
    static final class Writer implements AutoCloseable {
        private final DataOutputStream out;
        private final Node[] terms = new Node[SLOTS];
        private final Strings strings = new Strings();

        Writer(Path file) throws IOException {
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        }

        void block(Node dataset, List<Triple> triples) {
            try {
                out.writeByte(BLOCK);
                term(dataset);
                varint(triples.size());
                for (var triple : triples) {
                    triple(triple);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void loose(Triple triple) {
            try {
                out.writeByte(LOOSE);
                triple(triple);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        private void triple(Triple triple) throws IOException {
            term(triple.getSubject());
            term(triple.getPredicate());
            term(triple.getObject());
        }

        private void term(Node node) throws IOException {
            int slot = slot(node);
            var held = terms[slot];
            if (held != null && (held == node || held.equals(node))) {
                out.writeByte(SEEN);
                varint(slot);
                return;
            }
            if (node.isURI()) {
                out.writeByte(IRI);
                text(node.getURI());
            } else if (node.isBlank()) {
                out.writeByte(BLANK);
                text(node.getBlankNodeLabel());
            } else if (node.isLiteral()) {
                literal(node);
            } else if (node.isTripleTerm()) {
                out.writeByte(TRIPLE_TERM);
                triple(node.getTriple());
            } else {
                throw new IllegalArgumentException("terme RDF inattendu dans un export : " + node);
            }
            if (kept(node)) {
                terms[slot] = node;
            }
        }

        private void literal(Node node) throws IOException {
            var lang = node.getLiteralLanguage();
            var direction = node.getLiteralBaseDirection();
            if (lang != null && !lang.isEmpty()) {
                out.writeByte(direction == null ? LANG : DIR_LANG);
                text(node.getLiteralLexicalForm());
                strings.write(this, lang);
                if (direction != null) {
                    strings.write(this, direction.direction());
                }
            } else if (XSDDatatype.XSDstring.getURI().equals(node.getLiteralDatatypeURI())) {
                out.writeByte(STRING);
                text(node.getLiteralLexicalForm());
            } else {
                out.writeByte(TYPED);
                text(node.getLiteralLexicalForm());
                strings.write(this, node.getLiteralDatatypeURI());
            }
        }

        private void text(String text) throws IOException {
            var bytes = text.getBytes(StandardCharsets.UTF_8);
            varint(bytes.length);
            out.write(bytes);
        }

        private void varint(int value) throws IOException {
            while ((value & ~0x7F) != 0) {
                out.writeByte((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            out.writeByte(value);
        }
    }

    /** Reads a spool back, in the order it was written. */
    static void read(Path file, Visitor visitor) throws IOException {
        try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            var reader = new Reader(in);
            while (true) {
                int kind = in.read();
                if (kind < 0) {
                    return;
                }
                if (kind == BLOCK) {
                    var dataset = reader.term();
                    int size = reader.varint();
                    var triples = new ArrayList<Triple>(size);
                    for (int i = 0; i < size; i++) {
                        triples.add(reader.triple());
                    }
                    visitor.block(dataset, triples);
                } else if (kind == LOOSE) {
                    visitor.loose(reader.triple());
                } else {
                    throw new IOException("fichier temporaire d'export illisible : entrée " + kind);
                }
            }
        }
    }

    private static final class Reader {
        private final DataInputStream in;
        private final Node[] terms = new Node[SLOTS];
        private final Strings strings = new Strings();

        Reader(DataInputStream in) {
            this.in = in;
        }

        Triple triple() throws IOException {
            return Triple.create(term(), term(), term());
        }

        Node term() throws IOException {
            int kind = in.readUnsignedByte();
            if (kind == SEEN) {
                return terms[varint()];
            }
            var node =
                    switch (kind) {
                        case IRI -> NodeFactory.createURI(text());
                        case BLANK -> NodeFactory.createBlankNode(text());
                        case STRING -> NodeFactory.createLiteralString(text());
                        case LANG -> NodeFactory.createLiteralLang(text(), strings.read(this));
                        case DIR_LANG -> {
                            var lexical = text();
                            var lang = strings.read(this);
                            yield NodeFactory.createLiteralDirLang(
                                    lexical, lang, TextDirection.create(strings.read(this)));
                        }
                        case TYPED -> {
                            var lexical = text();
                            yield NodeFactory.createLiteralDT(
                                    lexical, TypeMapper.getInstance().getSafeTypeByName(strings.read(this)));
                        }
                        case TRIPLE_TERM -> NodeFactory.createTripleTerm(triple());
                        default -> throw new IOException("fichier temporaire d'export illisible : terme " + kind);
                    };
            if (kept(node)) {
                terms[slot(node)] = node;
            }
            return node;
        }

        String text() throws IOException {
            var bytes = new byte[varint()];
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        int varint() throws IOException {
            int value = 0;
            for (int shift = 0; shift < 32; shift += 7) {
                int b = in.read();
                if (b < 0) {
                    throw new EOFException();
                }
                value |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IOException("fichier temporaire d'export illisible : entier trop long");
        }
    }

    /**
     * The few strings literals repeat (datatypes, language tags), each written once, then by number;
     * past the first {@value #KEPT_STRINGS}, written in full every time.
     */
    private static final class Strings {
        private final List<String> known = new ArrayList<>();
        private final java.util.Map<String, Integer> numbers = new java.util.HashMap<>();

        void write(Writer writer, String value) throws IOException {
            var number = numbers.get(value);
            if (number != null) {
                writer.varint(number + 1);
            } else {
                writer.varint(0);
                writer.text(value);
                if (numbers.size() < KEPT_STRINGS) {
                    numbers.put(value, numbers.size());
                }
            }
        }

        String read(Reader reader) throws IOException {
            int number = reader.varint();
            if (number > 0) {
                return known.get(number - 1);
            }
            var value = reader.text();
            if (known.size() < KEPT_STRINGS) {
                known.add(value);
            }
            return value;
        }
    }
}
