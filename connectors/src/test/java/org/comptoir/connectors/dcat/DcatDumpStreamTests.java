package org.comptoir.connectors.dcat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.RDF;
import org.comptoir.catalog.ingest.HarvestedRecord;
import org.comptoir.connectors.fetch.JsonLdContexts;
import org.junit.jupiter.api.Test;

/**
 * A DCAT dump read as a stream ({@link DcatPageReader#stream}) gives the records a page held whole
 * gives ({@link DcatPageReader#read}), whatever the order of its triples, without holding it whole.
 */
class DcatDumpStreamTests {
    private static final String URL = "https://data.ville.example/catalogue.nt";

    /** A reader that may hold no more than 1 KiB in memory: any dump must be cut as a stream. */
    private final DcatPageReader reader = new DcatPageReader(JsonLdContexts.none(), 1024);

    @Test
    void cutsADumpFarLargerThanWhatMayBeHeldIntoTheSameRecordsAsAWholePage() throws IOException {
        var dump = dump(600);

        var streamed = stream(ntriples(dump), "application/n-triples");

        assertThat(streamed).hasSize(600);
        assertSameRecords(streamed, whole(dump));
    }

    @Test
    void cutsTheRightDatasetsWhenTheTriplesComeInAnyOrderAsLongAsTheyFitInMemory() throws IOException {
        var dump = dump(40);
        var lines = new ArrayList<>(List.of(ntriples(dump).split("\n")));
        Collections.shuffle(lines, new Random(7));
        var shuffled = String.join("\n", lines) + "\n";
        var roomy = new DcatPageReader(JsonLdContexts.none(), 10 << 20);

        var records = new ArrayList<HarvestedRecord>();
        roomy.stream(bytes(shuffled), "application/n-triples", URL, records::add);

        assertThat(records).hasSize(40);
        assertSameRecords(records, whole(dump));
    }

    @Test
    void cutsADumpWhosePublishersAndDistributionsAreDescribedApartFromTheirDatasets() throws IOException {
        var dump = dump(500);
        // distributions and publishers described at the end, after every dataset: a common layout
        var reordered = describedLast(ntriples(dump));
        // room aside for what is out of order (a hundredth of the cap, in triples), not for the whole dump
        int cap = 400 * 1024;
        assertThat(reordered.length()).isGreaterThan(cap);
        var streamed = new ArrayList<HarvestedRecord>();
        new DcatPageReader(JsonLdContexts.none(), cap)
                .stream(bytes(reordered), "application/n-triples", URL, streamed::add);

        assertThat(streamed).hasSize(500);
        assertSameRecords(streamed, whole(dump));
    }

    @Test
    void readsADumpWholeFromItsSpoolWhenItCannotBeCutButFitsInMemory() throws IOException {
        // every blank node described before the dataset that cites it: 30,000 triples wait at once
        var blanks = new StringBuilder();
        var datasets = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            datasets.append("<d:")
                    .append(i)
                    .append("> <")
                    .append(RDF.type.getURI())
                    .append("> <")
                    .append(DCAT.Dataset.getURI())
                    .append("> .\n");
            datasets.append("<d:").append(i).append("> <p:t> \"").append(i).append("\" .\n");
            for (int j = 0; j < 10; j++) {
                for (int k = 0; k < 10; k++) {
                    blanks.append("_:b")
                            .append(i)
                            .append('x')
                            .append(j)
                            .append(" <p:v> \"")
                            .append(k)
                            .append("\" .\n");
                }
                datasets.append("<d:")
                        .append(i)
                        .append("> <p:k> _:b")
                        .append(i)
                        .append('x')
                        .append(j)
                        .append(" .\n");
            }
        }
        var dump = blanks.toString() + datasets;
        // a side budget of 1,000 triples, and a dump larger than 100,000 bytes: refused
        assertThatThrownBy(() -> new DcatPageReader(JsonLdContexts.none(), 100_000)
                        .stream(bytes(dump), "application/n-triples", URL, r -> {}))
                .hasMessageContaining("pas rangés jeu de données par jeu de données");

        // a side budget of 29,000 triples, still too few to cut it, and room for the dump: read whole
        var records = new ArrayList<HarvestedRecord>();
        new DcatPageReader(JsonLdContexts.none(), 2_900_000)
                .stream(bytes(dump), "application/n-triples", URL, records::add);

        var model = ModelFactory.createDefaultModel();
        RDFParser.fromString(dump, Lang.NTRIPLES).parse(model);
        assertThat(records).hasSize(300);
        assertSameRecords(records, whole(model));
    }

    @Test
    void refusesAScatteredDumpLargerThanWhatMayBeHeld() {
        var lines = new ArrayList<>(List.of(ntriples(dump(300)).split("\n")));
        Collections.shuffle(lines, new Random(3));
        var records = new ArrayList<HarvestedRecord>();

        assertThatThrownBy(() -> reader.stream(
                        bytes(String.join("\n", lines) + "\n"), "application/n-triples", URL, records::add))
                .hasMessageContaining("pas rangés jeu de données par jeu de données")
                .hasMessageContaining("max-page-size");
        assertThat(records).isEmpty();
    }

    @Test
    void handsNoRecordOverWhenTheBodyIsCutShort() {
        var body = ntriples(dump(300)).getBytes(StandardCharsets.UTF_8);
        var records = new ArrayList<HarvestedRecord>();
        InputStream cut = new ByteArrayInputStream(body, 0, body.length / 2) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                int n = super.read(b, off, len);
                if (n < 0) {
                    throw new java.io.UncheckedIOException(new IOException("connexion coupée"));
                }
                return n;
            }
        };

        assertThatThrownBy(() -> reader.stream(cut, "application/n-triples", URL, records::add))
                .hasMessageContaining("connexion coupée");
        assertThat(records).as("nothing of a truncated dump is taken in").isEmpty();
        assertThat(Thread.getAllStackTraces().keySet())
                .as("the thread that cut the first pass has stopped")
                .noneMatch(t -> t.getName().equals("comptoir-dump-spool"));
    }

    @Test
    void fingerprintsEachRecordOnTheStatementsReceivedWhateverTheirOrderAndBlankNodeLabels() throws IOException {
        var dump = dump(40);
        var lines = new ArrayList<>(List.of(ntriples(dump).split("\n")));
        Collections.shuffle(lines, new Random(11));
        var shuffled = String.join("\n", lines).replace("_:", "_:x") + "\n";
        var roomy = new DcatPageReader(JsonLdContexts.none(), 10 << 20);
        var again = new ArrayList<HarvestedRecord>();
        roomy.stream(bytes(shuffled), "application/n-triples", URL, again::add);
        var changed = new ArrayList<HarvestedRecord>();
        roomy.stream(
                bytes(ntriples(dump).replace("\"Jeu 7\"@fr", "\"Jeu 7, corrigé\"@fr")),
                "application/n-triples",
                URL,
                changed::add);

        var first = fingerprints(stream(ntriples(dump), "application/n-triples"));

        assertThat(first).hasSize(40).doesNotContainValue(null);
        assertThat(fingerprints(again)).isEqualTo(first);
        var edited = fingerprints(changed);
        assertThat(edited.keySet()).isEqualTo(first.keySet());
        assertThat(edited.keySet())
                .filteredOn(key -> !edited.get(key).equals(first.get(key)))
                .containsExactly("https://data.ville.example/jeux/7");
    }

    @Test
    void fingerprintsARecordOnWhatItsBlockGainsAfterItClosed() throws IOException {
        // publishers and distributions described after every dataset: pass 1 closes each dataset's
        // block without them, pass 2 completes it
        var inOrder = ntriples(dump(300));
        var late = describedLast(inOrder);
        var renamed = describedLast(inOrder.replace("\"Service 2\"@fr", "\"Service 2, renommé\"@fr"));
        var cap = 400 * 1024;
        assertThat(late.length()).isGreaterThan(cap);
        var small = new DcatPageReader(JsonLdContexts.none(), cap);
        var lateRecords = new ArrayList<HarvestedRecord>();
        small.stream(bytes(late), "application/n-triples", URL, lateRecords::add);
        var renamedRecords = new ArrayList<HarvestedRecord>();
        small.stream(bytes(renamed), "application/n-triples", URL, renamedRecords::add);

        var first = fingerprints(stream(inOrder, "application/n-triples"));

        assertThat(fingerprints(lateRecords)).hasSize(300).isEqualTo(first);
        var edited = fingerprints(renamedRecords);
        assertThat(edited.keySet())
                .filteredOn(key -> !edited.get(key).equals(first.get(key)))
                .as("the datasets of publisher 2, whose name comes after their blocks closed")
                .hasSize(60)
                .allMatch(key -> Integer.parseInt(key.substring(key.lastIndexOf('/') + 1)) % 5 == 2);
    }

    /** The dump with every statement that is not about a dataset moved after the datasets'. */
    private static String describedLast(String ntriples) {
        var lines = List.of(ntriples.split("\n"));
        var datasets = lines.stream()
                .filter(l -> l.startsWith("<https://data.ville.example/jeux/"))
                .toList();
        var others = lines.stream()
                .filter(l -> !l.startsWith("<https://data.ville.example/jeux/"))
                .toList();
        return String.join("\n", datasets) + "\n" + String.join("\n", others) + "\n";
    }

    @Test
    void readsTurtleAsAStreamToo() throws IOException {
        var dump = dump(300);
        var turtle = new StringWriter();
        RDFDataMgr.write(turtle, dump, Lang.TURTLE);

        var streamed = stream(turtle.toString(), "text/turtle; charset=utf-8");

        assertSameRecords(streamed, whole(dump));
        assertThat(reader.streams("text/turtle", URL)).isTrue();
        assertThat(reader.streams("application/ld+json", URL)).isFalse();
    }

    private List<HarvestedRecord> stream(String body, String contentType) throws IOException {
        var records = new ArrayList<HarvestedRecord>();
        reader.stream(bytes(body), contentType, URL, records::add);
        return records;
    }

    private static Map<String, String> fingerprints(List<HarvestedRecord> records) {
        var prints = new LinkedHashMap<String, String>();
        records.forEach(record -> prints.put(record.sourceKey(), record.fingerprint()));
        return prints;
    }

    private static List<HarvestedRecord> whole(Model dump) {
        return new DcatPageReader()
                .read(ntriples(dump).getBytes(StandardCharsets.UTF_8), "application/n-triples", URL)
                .records();
    }

    private static void assertSameRecords(List<HarvestedRecord> actual, List<HarvestedRecord> expected) {
        Map<String, Model> byKey = new LinkedHashMap<>();
        actual.forEach(r -> byKey.put(r.sourceKey(), r.description()));
        assertThat(byKey.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        expected.stream().map(HarvestedRecord::sourceKey).toList());
        for (var record : expected) {
            var got = byKey.get(record.sourceKey());
            assertThat(got.isIsomorphicWith(record.description()))
                    .as(() -> record.sourceKey() + "\nmissing: "
                            + record.description()
                                    .difference(got)
                                    .listStatements()
                                    .toList() + "\nextra: "
                            + got.difference(record.description())
                                    .listStatements()
                                    .toList())
                    .isTrue();
        }
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The dump in N-Triples as a portal writes it: dataset by dataset, publishers repeated; each
     * dataset's statements first, then those of the nodes it leads to, in the order it reaches them.
     */
    private static String ntriples(Model model) {
        var out = new StringBuilder();
        var catalogue = model.createResource("https://data.ville.example/catalogue");
        catalogue.listProperties().forEach(s -> line(out, s.asTriple()));
        model.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, org.apache.jena.vocabulary.DCAT.Dataset)
                .forEach(dataset -> {
                    var description = org.comptoir.catalog.rdf.DatasetGraphs.extract(model, dataset)
                            .getGraph();
                    var queue = new java.util.ArrayDeque<org.apache.jena.graph.Node>();
                    var seen = new java.util.HashSet<org.apache.jena.graph.Node>();
                    queue.add(dataset.asNode());
                    while (!queue.isEmpty()) {
                        var node = queue.poll();
                        if (seen.add(node)) {
                            description
                                    .find(node, org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY)
                                    .forEach(t -> {
                                        line(out, t);
                                        if (!t.getObject().isLiteral()) {
                                            queue.add(t.getObject());
                                        }
                                    });
                        }
                    }
                });
        return out.toString();
    }

    private static void line(StringBuilder out, org.apache.jena.graph.Triple t) {
        out.append(org.apache.jena.riot.out.NodeFmtLib.strNT(t.getSubject()))
                .append(' ')
                .append(org.apache.jena.riot.out.NodeFmtLib.strNT(t.getPredicate()))
                .append(' ')
                .append(org.apache.jena.riot.out.NodeFmtLib.strNT(t.getObject()))
                .append(" .\n");
    }

    /** A catalogue of {@code size} datasets with blank and IRI distributions, shared publishers, contacts. */
    static Model dump(int size) {
        var turtle = new StringBuilder("""
                @prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
                @prefix foaf: <http://xmlns.com/foaf/0.1/> . @prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
                <https://data.ville.example/catalogue> a dcat:Catalog ; dct:title "Catalogue"@fr .
                """);
        for (int p = 0; p < 5; p++) {
            turtle.append("<https://data.ville.example/org/")
                    .append(p)
                    .append("> a foaf:Agent ; foaf:name \"Service ")
                    .append(p)
                    .append("\"@fr .\n");
        }
        for (int i = 0; i < size; i++) {
            var iri = "https://data.ville.example/jeux/" + i;
            turtle.append("<https://data.ville.example/catalogue> dcat:dataset <")
                    .append(iri)
                    .append("> .\n");
            turtle.append("<")
                    .append(iri)
                    .append("> a dcat:Dataset ; dct:title \"Jeu ")
                    .append(i)
                    .append("\"@fr ; dct:description \"Description du jeu ")
                    .append(i)
                    .append(
                            ".\"@fr ; dcat:keyword \"voirie\", \"arbres\" ; dct:publisher <https://data.ville.example/org/")
                    .append(i % 5)
                    .append("> ; dcat:contactPoint [ a vcard:Kind ; vcard:fn \"Contact ")
                    .append(i)
                    .append(
                            "\" ] ; dcat:distribution [ a dcat:Distribution ; dcat:accessURL <https://files.ville.example/")
                    .append(i)
                    .append(".csv> ], <https://data.ville.example/distributions/")
                    .append(i)
                    .append("> .\n<https://data.ville.example/distributions/")
                    .append(i)
                    .append("> a dcat:Distribution ; dcat:downloadURL <https://files.ville.example/")
                    .append(i)
                    .append(".json> .\n");
        }
        var model = ModelFactory.createDefaultModel();
        org.apache.jena.riot.RDFParser.fromString(turtle.toString(), Lang.TURTLE)
                .parse(model);
        return model;
    }
}
