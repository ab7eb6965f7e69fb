package org.comptoir.connectors.dcat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.comptoir.catalog.ingest.HarvestedRecord;
import org.comptoir.catalog.rdf.DatasetGraphs;
import org.comptoir.catalog.rdf.NTriplesTerms;
import org.comptoir.connectors.fetch.JsonLdContexts;
import org.comptoir.connectors.harvest.HarvestAbortedException;
import org.comptoir.connectors.harvest.SourceKind;
import org.comptoir.connectors.harvest.SourcePage;
import org.comptoir.connectors.source.SourceKinds;
import org.comptoir.ontologies.Dcat3;
import org.comptoir.ontologies.Hydra;

/**
 * Maps one page of a DCAT catalogue to harvested records, without Camel: parses it in the RDF
 * syntax its media type (else its URL's extension, else its first character) says, with the page's
 * URL as base; cuts out each {@code dcat:Dataset} and {@code dcat:DatasetSeries}; and finds the next
 * page from Hydra paging, current ({@code hydra:next}) or legacy ({@code hydra:nextPage}).
 *
 * <p>Each description gets the repairs of {@link CanonicalDcat}. A record's key is its dataset's IRI; a blank-node dataset is keyed by its {@code
 * dct:identifier}, else by a hash of its content (such a dataset, once edited at the source, comes
 * back as a new one and the old one is withdrawn). Its raw payload is its own description as received, in Turtle.
 */
public final class DcatPageReader implements SourceKind {
    static final String RAW_MEDIA_TYPE = "text/turtle";
    static final String ACCEPT = "text/turtle, application/ld+json;q=0.9, application/rdf+xml;q=0.9, "
            + "application/n-triples;q=0.8, application/n-quads;q=0.7, */*;q=0.1";
    private static final Set<String> UNINFORMATIVE = Set.of(
            "text/plain",
            "application/octet-stream",
            "application/xml",
            "text/xml",
            "application/json",
            "binary/octet-stream",
            "application/x-download");

    private static final Set<Lang> STREAMED = Set.of(Lang.TURTLE, Lang.NTRIPLES, Lang.NQUADS);
    /**
     * The version of this mapping of a streamed record ({@link CanonicalDcat} and the raw payload), part
     * of its fingerprint: to change when they change, so that the next harvest maps every record again.
     */
    static final String MAPPING_VERSION = "dcat-ap/1";
    /** Datasets a stream keeps open at once while cutting (ADR 0018). */
    static final int WINDOW = 256;

    private final JsonLdContexts contexts;
    private final long inMemoryMax;

    /** A reader that loads no remote JSON-LD context. */
    public DcatPageReader() {
        this(JsonLdContexts.none());
    }

    /** A reader that loads the remote JSON-LD contexts a page names through {@code contexts} only. */
    public DcatPageReader(JsonLdContexts contexts) {
        this(contexts, 64L * 1024 * 1024);
    }

    /**
     * @param inMemoryMax the largest stream read whole when its triples are too scattered to be cut
     *     with bounded memory (the page size limit)
     */
    public DcatPageReader(JsonLdContexts contexts, long inMemoryMax) {
        this.contexts = contexts;
        this.inMemoryMax = inMemoryMax;
    }

    /**
     * @throws HarvestAbortedException when the page is not RDF that can be read
     */
    @Override
    public String name() {
        return SourceKinds.DCAT_AP;
    }

    @Override
    public String accept() {
        return ACCEPT;
    }

    /** A DCAT source's address is its catalogue's first page; its pages are the size it chose. */
    @Override
    public String firstPage(String url, int pageSize) {
        return url;
    }

    @Override
    public SourcePage read(byte[] body, String contentType, String pageUrl) {
        var model = parse(body, contentType, pageUrl);
        var records = new ArrayList<HarvestedRecord>();
        for (var dataset : datasets(model)) {
            records.add(record(model, dataset));
        }
        return new SourcePage(records, next(model, pageUrl), totalItems(model));
    }

    /** Turtle, N-Triples and N-Quads pages are read as streams; other syntaxes are held whole. */
    @Override
    public boolean streams(String contentType, String pageUrl) {
        var mediaType = mediaType(contentType);
        var lang = mediaType == null || UNINFORMATIVE.contains(mediaType)
                ? RDFLanguages.pathnameToLang(path(pageUrl))
                : RDFLanguages.contentTypeToLang(mediaType);
        return lang != null && STREAMED.contains(lang);
    }

    /**
     * Reads a page as a stream and cuts it into one record per dataset with bounded memory (ADR
     * 0018): a first pass parses the body as it arrives and, on a second thread, copies its triples to a temporary
     * file ({@link DumpSpool}) and learns how they are ordered; only when the whole body has been read and
     * checked does a second pass over that file hand the records over, a few dozen at a time mapped
     * on every core. A body cut short or refused by a guard therefore gives no record at all. A dump
     * whose triples are too scattered to be cut that way is read whole when it is no larger than
     * {@code inMemoryMax} bytes, and refused otherwise.
     */
    @Override
    public SourcePage stream(
            java.io.InputStream body,
            String contentType,
            String pageUrl,
            java.util.function.Consumer<HarvestedRecord> records)
            throws java.io.IOException {
        var lang = language(mediaType(contentType), pageUrl, new byte[0]);
        var spool = java.nio.file.Files.createTempFile("comptoir-dump-", ".spool");
        try {
            var paging = ModelFactory.createModelSameTerm();
            var prefixes = ModelFactory.createModelSameTerm();
            long triples;
            DatasetCutter first;
            var counted = new CountedInput(body);
            try (var spooled = new DumpSpool.Writer(spool)) {
                first = new DatasetCutter(WINDOW, Math.max(1_000, inMemoryMax / 100), spooled::block, spooled::loose);
                var spooling = new Spooling(first, paging.getGraph(), prefixes);
                try (var cutting = new Handoff(spooling)) {
                    RDFParser.source(counted)
                            .lang(lang)
                            .base(pageUrl)
                            .errorHandler(LENIENT)
                            .parse(cutting);
                    cutting.awaitCut();
                } catch (RuntimeException e) {
                    rethrowGuard(e);
                    throw unreadable(pageUrl, lang.getLabel() + " : " + firstLine(deepestMessage(e)), e);
                }
                first.end();
                triples = spooling.count;
            }
            if (triples == 0) {
                throw unreadable(pageUrl, "la page ne contient aucun triplet (" + lang.getLabel() + ")");
            }
            if (!first.cuttable()) {
                if (counted.count > inMemoryMax) {
                    throw unreadable(
                            pageUrl,
                            "ses triplets ne sont pas rangés jeu de données par jeu de données (" + first.reason()
                                    + ") et l'export dépasse " + inMemoryMax
                                    + " octets, la taille qu'on peut lire en mémoire (comptoir.harvest.limits.max-page-size)");
                }
                var model = spooled(spool);
                prefixes.getNsPrefixMap().forEach(model::setNsPrefix);
                for (var dataset : datasets(model)) {
                    records.accept(record(model, dataset));
                }
            } else {
                cutAndHand(spool, first, records);
            }
            return new SourcePage(List.of(), next(paging, pageUrl), totalItems(paging));
        } finally {
            java.nio.file.Files.deleteIfExists(spool);
        }
    }

    /** A body that counts the bytes read from it. */
    private static final class CountedInput extends java.io.FilterInputStream {
        long count;

        CountedInput(java.io.InputStream in) {
            super(in);
        }

        @Override
        public int read() throws java.io.IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }

        @Override
        public long skip(long n) throws java.io.IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    /** Every triple of the spool in one model. */
    private static Model spooled(java.nio.file.Path spool) throws java.io.IOException {
        var model = ModelFactory.createModelSameTerm();
        var graph = model.getGraph();
        DumpSpool.read(spool, new DumpSpool.Visitor() {
            @Override
            public void block(org.apache.jena.graph.Node dataset, List<org.apache.jena.graph.Triple> triples) {
                triples.forEach(graph::add);
            }

            @Override
            public void loose(org.apache.jena.graph.Triple triple) {
                graph.add(triple);
            }
        });
        return model;
    }

    /** A refusal of a guard, or a network failure, that the parser wrapped: thrown as itself. */
    private static void rethrowGuard(RuntimeException e) throws java.io.IOException {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.comptoir.connectors.ConnectorException refused) {
                throw refused;
            }
            if (cause instanceof java.io.IOException io) {
                throw io;
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
    }

    /**
     * The first pass's sink: hands each triple to the cutter, which spools it ({@link DumpSpool}:
     * blank nodes keep their labels, and reading it back costs far less than parsing text) loose or
     * in its dataset's block; keeps the paging.
     */
    private static final class Spooling extends org.apache.jena.riot.system.StreamRDFBase {
        private final DatasetCutter cutter;
        private final org.apache.jena.graph.Graph paging;
        private final Model prefixes;
        long count;

        Spooling(DatasetCutter cutter, org.apache.jena.graph.Graph paging, Model prefixes) {
            this.cutter = cutter;
            this.paging = paging;
            this.prefixes = prefixes;
        }

        @Override
        public void triple(org.apache.jena.graph.Triple triple) {
            count++;
            if (triple.getPredicate().getURI().startsWith(Hydra.NS)) {
                paging.add(triple);
            }
            cutter.triple(triple);
        }

        @Override
        public void quad(org.apache.jena.sparql.core.Quad quad) {
            triple(quad.asTriple());
        }

        @Override
        public void prefix(String prefix, String iri) {
            if (!prefix.isEmpty()) {
                prefixes.setNsPrefix(prefix, iri);
            }
        }
    }

    /**
     * Pass 1 on two threads: the parser's (the caller's) reads and checks the body and hands its
     * triples over by batches to a thread of its own, which cuts and spools them. At most a few
     * batches wait between the two. A failure of the cutting thread stops the parse at its next
     * batch and is thrown by {@link #awaitCut}.
     */
    private static final class Handoff extends org.apache.jena.riot.system.StreamRDFBase implements AutoCloseable {
        private static final int BATCH = 1_024;
        private static final List<org.apache.jena.graph.Triple> END = List.of();
        private final Spooling spooling;
        private final java.util.concurrent.BlockingQueue<List<org.apache.jena.graph.Triple>> queue =
                new java.util.concurrent.ArrayBlockingQueue<>(8);
        private final java.util.concurrent.atomic.AtomicReference<RuntimeException> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        private final Thread cutter;
        private List<org.apache.jena.graph.Triple> batch = new ArrayList<>(BATCH);
        private boolean ended;

        Handoff(Spooling spooling) {
            this.spooling = spooling;
            this.cutter =
                    Thread.ofPlatform().name("comptoir-dump-spool").daemon().start(this::cut);
        }

        /** Cuts every batch until the end; after a failure, only drains the queue so that the parser never waits. */
        private void cut() {
            try {
                while (true) {
                    var triples = queue.take();
                    if (triples == END) {
                        return;
                    }
                    if (failure.get() == null) {
                        try {
                            triples.forEach(spooling::triple);
                        } catch (RuntimeException e) {
                            failure.set(e);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void triple(org.apache.jena.graph.Triple triple) {
            batch.add(triple);
            if (batch.size() == BATCH) {
                hand(batch);
                batch = new ArrayList<>(BATCH);
            }
        }

        @Override
        public void quad(org.apache.jena.sparql.core.Quad quad) {
            triple(quad.asTriple());
        }

        @Override
        public void prefix(String prefix, String iri) {
            spooling.prefix(prefix, iri);
        }

        /** Waits until every triple is cut and spooled; throws what the cutting thread failed with. */
        void awaitCut() {
            hand(batch);
            end();
            var failed = failure.get();
            if (failed != null) {
                throw failed;
            }
        }

        @Override
        public void close() {
            if (!ended) {
                cutter.interrupt();
                end();
            }
        }

        private void hand(List<org.apache.jena.graph.Triple> triples) {
            var failed = failure.get();
            if (failed != null) {
                throw failed;
            }
            try {
                queue.put(triples);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HarvestAbortedException("lecture de l'export interrompue", e);
            }
        }

        private void end() {
            ended = true;
            try {
                if (cutter.isAlive() && !cutter.isInterrupted()) {
                    queue.put(END);
                }
                cutter.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cutter.interrupt();
                throw new HarvestAbortedException("lecture de l'export interrompue", e);
            }
        }
    }

    /** Maps the cut datasets to records, handed over a few dozen at a time, in order. */
    private static final class Mapping {
        private static final int BATCH = 64;
        private final java.util.function.Consumer<List<HarvestedRecord>> batches;
        private List<HarvestedRecord> pending = new ArrayList<>(BATCH);

        Mapping(java.util.function.Consumer<List<HarvestedRecord>> batches) {
            this.batches = batches;
        }

        void add(org.apache.jena.graph.Node dataset, org.apache.jena.graph.Graph graph) {
            if (!graph.find(dataset, org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY)
                    .hasNext()) {
                return;
            }
            var model = ModelFactory.createModelForGraph(graph);
            pending.add(streamedRecord(model, model.wrapAsResource(dataset)));
            if (pending.size() >= BATCH) {
                flush();
            }
        }

        void flush() {
            if (!pending.isEmpty()) {
                batches.accept(pending);
                pending = new ArrayList<>(BATCH);
            }
        }
    }

    /**
     * The second pass, on a thread of its own, while the calling thread hands the records over: the
     * cut and the mapping of the next datasets go on while the catalogue takes in the last ones.
     * At most a few batches wait between the two.
     */
    private static void cutAndHand(
            java.nio.file.Path spool, DatasetCutter first, java.util.function.Consumer<HarvestedRecord> records) {
        var queue = new java.util.concurrent.ArrayBlockingQueue<List<HarvestedRecord>>(4);
        List<HarvestedRecord> end = new ArrayList<>();
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        var producer = Thread.ofPlatform().name("comptoir-dump-cut").daemon().start(() -> {
            try {
                var mapping = new Mapping(batch -> put(queue, batch));
                var second = first.completion(mapping::add);
                DumpSpool.read(spool, new DumpSpool.Visitor() {
                    @Override
                    public void block(org.apache.jena.graph.Node dataset, List<org.apache.jena.graph.Triple> triples) {
                        // cut in pass 1 already
                        second.block(dataset, triples);
                    }

                    @Override
                    public void loose(org.apache.jena.graph.Triple triple) {
                        // in the side graph already, or about the catalogue
                    }
                });
                second.end();
                mapping.flush();
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                try {
                    queue.put(end);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        try {
            while (true) {
                var batch = queue.take();
                if (batch == end) {
                    break;
                }
                batch.forEach(records);
            }
            producer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarvestAbortedException("lecture de l'export interrompue", e);
        } finally {
            if (producer.isAlive()) {
                producer.interrupt();
            }
        }
        var failed = failure.get();
        if (failed instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failed != null) {
            throw new IllegalStateException(failed);
        }
    }

    private static void put(
            java.util.concurrent.BlockingQueue<List<HarvestedRecord>> queue, List<HarvestedRecord> batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarvestAbortedException("lecture de l'export interrompue", e);
        }
    }

    Model parse(byte[] body, String contentType, String pageUrl) {
        if (body.length == 0) {
            throw unreadable(pageUrl, "la source a renvoyé une page vide");
        }
        var mediaType = mediaType(contentType);
        if (mediaType != null && (mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml"))) {
            throw unreadable(pageUrl, "la source a renvoyé une page HTML (" + mediaType + ") et non un catalogue RDF");
        }
        var lang = language(mediaType, pageUrl, body);
        var model = ModelFactory.createModelSameTerm();
        try {
            var parser = RDFParser.source(new ByteArrayInputStream(body))
                    .lang(lang)
                    .base(pageUrl)
                    .context(contexts.parserContext())
                    .errorHandler(LENIENT);
            if (RDFLanguages.isQuads(lang)) {
                var dataset = DatasetFactory.create();
                parser.parse(dataset);
                model.add(dataset.getDefaultModel());
                dataset.listNames().forEachRemaining(name -> model.add(dataset.getNamedModel(name)));
            } else {
                parser.parse(model);
            }
        } catch (RuntimeException e) {
            throw unreadable(pageUrl, lang.getLabel() + " : " + firstLine(deepestMessage(e)), e);
        }
        if (model.isEmpty()) {
            throw unreadable(pageUrl, "la page ne contient aucun triplet (" + lang.getLabel() + ")");
        }
        return model;
    }

    /** The syntax of a page: its media type when that says something, else its extension, else a guess. */
    static Lang language(String mediaType, String pageUrl, byte[] body) {
        if (mediaType != null && !UNINFORMATIVE.contains(mediaType)) {
            var lang = RDFLanguages.contentTypeToLang(mediaType);
            if (lang != null && RDFLanguages.isRegistered(lang) && lang != RDFLanguages.TEXT) {
                return lang;
            }
        }
        var byExtension = RDFLanguages.pathnameToLang(path(pageUrl));
        if (byExtension != null && byExtension != RDFLanguages.TEXT) {
            return byExtension;
        }
        if (mediaType != null && (mediaType.endsWith("/xml") || mediaType.endsWith("+xml"))) {
            return Lang.RDFXML;
        }
        if (mediaType != null && (mediaType.endsWith("/json") || mediaType.endsWith("+json"))) {
            return Lang.JSONLD;
        }
        return sniff(body);
    }

    private static Lang sniff(byte[] body) {
        var start = new String(body, 0, Math.min(body.length, 512), StandardCharsets.UTF_8).stripLeading();
        if (start.startsWith("\uFEFF")) {
            start = start.substring(1).stripLeading();
        }
        if (start.startsWith("<?xml") || start.startsWith("<rdf:") || start.startsWith("<!--")) {
            return Lang.RDFXML;
        }
        if (start.startsWith("{") || start.startsWith("[")) {
            return Lang.JSONLD;
        }
        return Lang.TURTLE;
    }

    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        var type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.strip().toLowerCase(Locale.ROOT);
    }

    private static String path(String url) {
        try {
            var path = new URI(url).getPath();
            return path == null ? "" : path;
        } catch (URISyntaxException e) {
            return url;
        }
    }

    /** The datasets described on the page, IRIs first in order, then blank nodes. */
    static List<Resource> datasets(Model model) {
        var found = new LinkedHashSet<Resource>();
        model.listResourcesWithProperty(RDF.type, DCAT.Dataset).forEachRemaining(found::add);
        model.listResourcesWithProperty(RDF.type, Dcat3.DatasetSeries).forEachRemaining(found::add);
        model.listObjectsOfProperty(DCAT.dataset)
                .filterKeep(RDFNode::isResource)
                .mapWith(RDFNode::asResource)
                .filterKeep(node -> node.listProperties()
                        .filterDrop(s -> s.getPredicate().equals(RDF.type))
                        .hasNext())
                .forEachRemaining(found::add);
        return found.stream()
                .filter(node -> !node.hasProperty(RDF.type, DCAT.Catalog))
                .sorted(Comparator.comparing((Resource node) -> node.isAnon())
                        .thenComparing(node -> node.isURIResource() ? node.getURI() : ""))
                .toList();
    }

    /**
     * A record of a streamed dump, received: fingerprinted on its own statements as received, and
     * mapped only if the catalogue needs it. Its raw payload is then its statements in N-Triples,
     * one line each as received, far cheaper to write than pretty Turtle for every dataset of a dump.
     * It is hashed, on its block without copying its statements out, and mapped only when the
     * catalogue asks, on the catalogue's threads: the reading thread only names its key, from its
     * IRI (a blank node's key needs its statements at once).
     */
    private static HarvestedRecord streamedRecord(Model page, Resource dataset) {
        var node = dataset.asNode();
        var key = dataset.isURIResource() ? dataset.getURI() : key(dataset, DatasetGraphs.extract(page, dataset));
        return HarvestedRecord.received(key, () -> DatasetGraphs.contentHash(page, dataset), MAPPING_VERSION, () -> {
            var received = DatasetGraphs.extract(page, dataset);
            var description = CanonicalDcat.of(received, received.wrapAsResource(node));
            var raw = new StringBuilder(received.getGraph().size() * 120);
            received.getGraph().find().forEachRemaining(t -> NTriplesTerms.appendLine(raw, t));
            return new HarvestedRecord(
                    key, description, description.wrapAsResource(node), raw.toString(), "application/n-triples");
        });
    }

    private static HarvestedRecord record(Model page, Resource dataset) {
        var received = DatasetGraphs.extract(page, dataset);
        var description = CanonicalDcat.of(received, dataset);
        var node = description.wrapAsResource(dataset.asNode());
        return new HarvestedRecord(key(node, received), description, node, turtle(received, page), RAW_MEDIA_TYPE);
    }

    static String key(Resource dataset, Model description) {
        if (dataset.isURIResource()) {
            return dataset.getURI();
        }
        var identifier = description
                .listObjectsOfProperty(dataset, DCTerms.identifier)
                .filterKeep(RDFNode::isLiteral)
                .mapWith(n -> n.asLiteral().getLexicalForm().strip())
                .filterDrop(String::isEmpty)
                .toList()
                .stream()
                .sorted()
                .findFirst();
        return identifier.orElseGet(() -> "urn:comptoir:content:" + DatasetGraphs.contentHash(description));
    }

    private static String turtle(Model description, Model page) {
        var out = ModelFactory.createModelSameTerm();
        page.getNsPrefixMap().forEach((prefix, uri) -> {
            if (!prefix.isEmpty()) {
                out.setNsPrefix(prefix, uri);
            }
        });
        out.add(description);
        var writer = new StringWriter();
        RDFDataMgr.write(writer, out, RDFFormat.TURTLE_PRETTY);
        return writer.toString();
    }

    /** The next page: {@code hydra:next}, else {@code hydra:nextPage}, preferably stated about this page. */
    static String next(Model model, String pageUrl) {
        for (var property : List.of(Hydra.next, Hydra.nextPage)) {
            var candidates = model.listStatements(null, property, (RDFNode) null).toList().stream()
                    .sorted(Comparator.comparing((Statement s) -> !isAbout(s.getSubject(), pageUrl))
                            .thenComparing(s -> s.getObject().toString()))
                    .toList();
            for (var statement : candidates) {
                var target = target(statement.getObject(), pageUrl);
                if (target != null && !target.equals(pageUrl)) {
                    return target;
                }
            }
        }
        return null;
    }

    private static boolean isAbout(Resource subject, String pageUrl) {
        return subject.isURIResource() && subject.getURI().equals(pageUrl);
    }

    private static String target(RDFNode object, String pageUrl) {
        String value;
        if (object.isURIResource()) {
            value = object.asResource().getURI();
        } else if (object.isLiteral()) {
            value = object.asLiteral().getLexicalForm().strip();
        } else {
            return null;
        }
        if (value.isEmpty()) {
            return null;
        }
        try {
            var resolved = new URI(pageUrl).resolve(new URI(value));
            var scheme =
                    resolved.getScheme() == null ? "" : resolved.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? resolved.toString() : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    static Long totalItems(Model model) {
        return model
                .listObjectsOfProperty(Hydra.totalItems)
                .filterKeep(RDFNode::isLiteral)
                .mapWith(n -> n.asLiteral().getLexicalForm().strip())
                .toList()
                .stream()
                .map(DcatPageReader::parseCount)
                .filter(count -> count != null)
                .max(Long::compare)
                .orElse(null);
    }

    private static Long parseCount(String lexical) {
        try {
            long value = Long.parseLong(lexical);
            return value >= 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static HarvestAbortedException unreadable(String pageUrl, String detail) {
        return new HarvestAbortedException("la page " + pageUrl + " n'est pas du RDF lisible : " + detail);
    }

    private static HarvestAbortedException unreadable(String pageUrl, String detail, Throwable cause) {
        return new HarvestAbortedException("la page " + pageUrl + " n'est pas du RDF lisible : " + detail, cause);
    }

    /** The message of the deepest cause that has one: Titanium wraps the reason in generic errors. */
    private static String deepestMessage(Throwable exception) {
        var message = exception.getMessage();
        for (var cause = exception.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "erreur de syntaxe";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Keeps what can be read (a bad IRI is not fatal); a syntax error stops the page. */
    private static final ErrorHandler LENIENT = new ErrorHandler() {
        @Override
        public void warning(String message, long line, long col) {}

        @Override
        public void error(String message, long line, long col) {}

        @Override
        public void fatal(String message, long line, long col) {
            throw new org.apache.jena.riot.RiotException(position(message, line, col));
        }
    };

    private static String position(String message, long line, long col) {
        return line > 0 ? message + " (ligne " + line + ", colonne " + col + ")" : message;
    }
}
