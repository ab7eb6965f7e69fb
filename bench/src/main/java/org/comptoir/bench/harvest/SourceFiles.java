package org.comptoir.bench.harvest;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VCARD4;
import org.comptoir.bench.search.SyntheticCatalogue;
import org.comptoir.catalog.dataset.Dataset;
import org.comptoir.ontologies.Hydra;

/**
 * A source's files, written once per size and kept: the catalogue of {@link SyntheticCatalogue} as a
 * DCAT-AP portal would publish it (its own IRIs, a vCard contact point, a licence per distribution)
 * in Turtle pages linked by Hydra, and as one dump in Turtle and in N-Triples.
 */
final class SourceFiles {
    static final String BASE = "https://portail.bench.example/";
    private static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    private static final String LOCN = "http://www.w3.org/ns/locn#";
    private static final String GSP = "http://www.opengis.net/ont/geosparql#";
    private static final String FOAF = "http://xmlns.com/foaf/0.1/";

    /** Triples per dataset in the last files written or read, on average. */
    static final java.util.concurrent.atomic.AtomicLong TRIPLES_PER_DATASET =
            new java.util.concurrent.atomic.AtomicLong();

    private SourceFiles() {}

    /** Writes (unless already there) the files of {@code datasets} datasets under {@code dir}; returns the page count. */
    static int write(Path dir, int datasets, int pageSize) throws IOException {
        int pages = (datasets + pageSize - 1) / pageSize;
        var done = dir.resolve(".complete");
        if (Files.exists(done)) {
            var written = Files.readString(done).split(" ");
            TRIPLES_PER_DATASET.set(written.length > 1 ? Long.parseLong(written[1]) : 0);
            return pages;
        }
        long count = 0;
        Files.createDirectories(dir.resolve("pages"));
        var catalogue = new SyntheticCatalogue();
        try (var ttl = new BufferedOutputStream(Files.newOutputStream(dir.resolve("dump.ttl")), 1 << 16);
                var nt = new BufferedOutputStream(Files.newOutputStream(dir.resolve("dump.nt")), 1 << 16)) {
            var turtle = start(ttl, RDFFormat.TURTLE_BLOCKS);
            var ntriples = start(nt, RDFFormat.NTRIPLES);
            for (int page = 1; page <= pages; page++) {
                try (var out = new BufferedOutputStream(
                        Files.newOutputStream(dir.resolve("pages").resolve(page + ".ttl")), 1 << 16)) {
                    var paged = start(out, RDFFormat.TURTLE_BLOCKS);
                    // relative IRIs: the page's own address, and the next one beside it, wherever it is served
                    var view = uri(Integer.toString(page));
                    paged.triple(Triple.create(view, RDF.type.asNode(), Hydra.PartialCollectionView.asNode()));
                    paged.triple(Triple.create(
                            view,
                            Hydra.totalItems.asNode(),
                            NodeFactory.createLiteralDT(
                                    Integer.toString(datasets), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)));
                    if (page < pages) {
                        paged.triple(Triple.create(view, Hydra.next.asNode(), uri(Integer.toString(page + 1))));
                    }
                    for (int n = (page - 1) * pageSize; n < Math.min(datasets, page * pageSize); n++) {
                        var triples = triples(catalogue.dataset(n), n);
                        count += triples.size();
                        triples.forEach(paged::triple);
                        triples.forEach(turtle::triple);
                        triples.forEach(ntriples::triple);
                    }
                    paged.finish();
                }
            }
            turtle.finish();
            ntriples.finish();
        }
        TRIPLES_PER_DATASET.set(count / datasets);
        Files.writeString(done, datasets + " " + count / datasets);
        return pages;
    }

    private static StreamRDF start(OutputStream out, RDFFormat format) {
        var stream = StreamRDFWriter.getWriterStream(out, format);
        stream.start();
        if (format != RDFFormat.NTRIPLES) {
            stream.prefix("dcat", DCAT.NS);
            stream.prefix("dct", DCTerms.NS);
            stream.prefix("vcard", VCARD4.NS);
            stream.prefix("foaf", FOAF);
            stream.prefix("locn", LOCN);
            stream.prefix("xsd", XSD);
            stream.prefix("hydra", Hydra.NS);
        }
        return stream;
    }

    /** The triples of dataset {@code n}, grouped by subject as a portal writes them. */
    static List<Triple> triples(Dataset dataset, int n) {
        var out = new ArrayList<Triple>(64);
        var d = dataset.description();
        var node = uri(BASE + "jeux/" + dataset.id());
        var catalog = uri(BASE + "catalogue");
        out.add(Triple.create(catalog, DCAT.dataset.asNode(), node));
        out.add(Triple.create(node, RDF.type.asNode(), DCAT.Dataset.asNode()));
        d.title()
                .values()
                .forEach((lang, text) -> out.add(Triple.create(node, DCTerms.title.asNode(), lit(text, lang))));
        d.description()
                .values()
                .forEach((lang, text) -> out.add(Triple.create(node, DCTerms.description.asNode(), lit(text, lang))));
        out.add(Triple.create(node, DCTerms.identifier.asNode(), NodeFactory.createLiteralString(dataset.id())));
        d.keywords().forEach(k -> out.add(Triple.create(node, DCAT.keyword.asNode(), lit(k, "fr"))));
        d.themes().forEach(t -> out.add(Triple.create(node, DCAT.theme.asNode(), uri(t))));
        var publisher = uri(d.publisher().iri());
        out.add(Triple.create(node, DCTerms.publisher.asNode(), publisher));
        if (d.issued() != null) {
            out.add(Triple.create(node, DCTerms.issued.asNode(), typed(d.issued() + "-01-01", "date")));
        }
        out.add(Triple.create(node, DCTerms.modified.asNode(), typed(d.modified(), "date")));
        d.languages().forEach(l -> out.add(Triple.create(node, DCTerms.language.asNode(), uri(l))));
        out.add(Triple.create(node, DCAT.landingPage.asNode(), uri(BASE + "jeux/" + dataset.id() + ".html")));
        var contact = NodeFactory.createBlankNode();
        out.add(Triple.create(node, DCAT.contactPoint.asNode(), contact));
        Node spatial = null;
        if (d.spatial() != null && d.spatial().bbox() != null) {
            spatial = NodeFactory.createBlankNode();
            out.add(Triple.create(node, DCTerms.spatial.asNode(), spatial));
        }
        var distributions = new ArrayList<Node>();
        for (int i = 0; i < d.distributions().size(); i++) {
            var dist = uri(BASE + "jeux/" + dataset.id() + "/distributions/" + (i + 1));
            distributions.add(dist);
            out.add(Triple.create(node, DCAT.distribution.asNode(), dist));
        }
        // the publisher, described with each dataset as portals' exports do
        out.add(Triple.create(publisher, RDF.type.asNode(), uri(FOAF + "Agent")));
        out.add(Triple.create(
                publisher, uri(FOAF + "name"), lit(d.publisher().name().best("fr"), "fr")));
        var owner = dataset.governance().owner();
        out.add(Triple.create(contact, RDF.type.asNode(), VCARD4.Organization.asNode()));
        out.add(Triple.create(contact, VCARD4.fn.asNode(), lit(owner.orgUnit(), "fr")));
        out.add(Triple.create(contact, VCARD4.hasEmail.asNode(), uri("mailto:donnees+" + (n % 97) + "@bench.example")));
        if (spatial != null) {
            out.add(Triple.create(spatial, RDF.type.asNode(), DCTerms.Location.asNode()));
            out.add(Triple.create(
                    spatial,
                    DCAT.bbox.asNode(),
                    NodeFactory.createLiteralDT(
                            d.spatial().bbox(),
                            org.apache.jena.datatypes.TypeMapper.getInstance().getSafeTypeByName(GSP + "wktLiteral"))));
        }
        for (int i = 0; i < distributions.size(); i++) {
            var dist = distributions.get(i);
            var source = d.distributions().get(i);
            out.add(Triple.create(dist, RDF.type.asNode(), DCAT.Distribution.asNode()));
            source.title()
                    .values()
                    .forEach((lang, text) -> out.add(Triple.create(dist, DCTerms.title.asNode(), lit(text, lang))));
            var file = source.downloadUrl().replace("https://bench.comptoir.example/files/", BASE + "fichiers/");
            out.add(Triple.create(dist, DCAT.accessURL.asNode(), uri(file)));
            out.add(Triple.create(dist, DCAT.downloadURL.asNode(), uri(file)));
            out.add(Triple.create(dist, DCTerms.format.asNode(), uri(source.format())));
            out.add(Triple.create(dist, DCTerms.license.asNode(), uri(source.license())));
            out.add(Triple.create(
                    dist, DCAT.byteSize.asNode(), typed(Long.toString(source.byteSize()), "nonNegativeInteger")));
        }
        return out;
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static Node lit(String text, String lang) {
        return NodeFactory.createLiteralLang(text, lang.toLowerCase(Locale.ROOT));
    }

    private static Node typed(String lexical, String xsd) {
        return NodeFactory.createLiteralDT(
                lexical, org.apache.jena.datatypes.TypeMapper.getInstance().getSafeTypeByName(XSD + xsd));
    }
}
