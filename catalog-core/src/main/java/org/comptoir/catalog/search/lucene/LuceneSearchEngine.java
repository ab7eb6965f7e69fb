package org.comptoir.catalog.search.lucene;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOSupplier;
import org.comptoir.catalog.search.Facet;
import org.comptoir.catalog.search.FacetValue;
import org.comptoir.catalog.search.QueryPlan;
import org.comptoir.catalog.search.SearchDocument;
import org.comptoir.catalog.search.SearchEngine;
import org.comptoir.catalog.search.SearchException;
import org.comptoir.catalog.search.SearchFields;
import org.comptoir.catalog.search.SearchHit;
import org.comptoir.catalog.search.SearchQuery;
import org.comptoir.catalog.search.SearchResult;
import org.comptoir.catalog.search.SuggestPlan;
import org.comptoir.catalog.search.SuggestQuery;
import org.comptoir.catalog.search.Suggestion;

/**
 * The embedded search engine: a Lucene index on disk, for one node. Texts are analysed by the
 * application ({@link org.comptoir.catalog.search.SearchAnalysis}) and indexed as tokens; queries
 * follow the shared {@link QueryPlan}; facets are counted by Lucene's facet module over the
 * matching documents; the viewer's visibility is a filter of every query, suggestions included.
 *
 * <p>A write is searchable within {@link #REFRESH_INTERVAL_MS} milliseconds, at once after {@link
 * #commit}, which also makes it durable with the outbox position it reflects. A write not committed
 * is lost on close or crash and is replayed from the {@linkplain #appliedChange() last applied
 * change}. Thread-safe: searches run in parallel, writes one at a time.
 */
public final class LuceneSearchEngine implements SearchEngine {
    /** The longest a write waits before searches see it without a commit. */
    public static final long REFRESH_INTERVAL_MS = 500;

    private static final String APPLIED_CHANGE = "comptoir.appliedChange";
    private static final long DELETED = Long.MIN_VALUE;
    private static final int PARALLEL_BATCH = 64;

    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ScheduledExecutorService refresher;
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Versions written since the searchers last refreshed, which searches cannot see yet. */
    private final Map<String, Long> pending = new HashMap<>();

    private boolean dirty;
    /**
     * Between a {@link #clear} and the next {@link #commit}: a rebuild. Searches keep seeing the index
     * as it was until the commit shows the new one whole; the writer is not made to flush small
     * segments every {@link #REFRESH_INTERVAL_MS} (which then cost merges).
     */
    private boolean rebuilding;

    private volatile long appliedChange;

    /**
     * Opens the index in this folder, creating it (and the folder) when there is none.
     *
     * @throws SearchException when the index cannot be opened, for instance when another process
     *     holds it
     */
    public LuceneSearchEngine(Path folder) {
        try {
            directory = FSDirectory.open(folder);
            var config = new IndexWriterConfig(LuceneDocuments.TOKENS)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCommitOnClose(false)
                    .setRAMBufferSizeMB(64);
            writer = new IndexWriter(directory, config);
            appliedChange = readAppliedChange(writer);
            searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
                    return new CatalogSearcher(reader);
                }
            });
        } catch (IOException e) {
            throw new SearchException("L'index de recherche " + folder + " ne peut pas être ouvert", e);
        }
        refresher = Executors.newSingleThreadScheduledExecutor(task -> {
            var thread = new Thread(task, "lucene-search-refresh");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(
                this::refreshQuietly, REFRESH_INTERVAL_MS, REFRESH_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public String name() {
        return "lucene";
    }

    // --- searching ------------------------------------------------------------------------------

    @Override
    public SearchResult search(SearchQuery query) {
        var plan = QueryPlan.parse(query.text());
        var sort = sort(query.sort(), plan);
        int window = (query.page() + 1) * query.size();
        return withSearcher(searcher -> {
            // terms looked up and typos expanded once per searcher and word, not at every search
            var lucene = LuceneQueries.search(query, plan, searcher);
            // the viewer's visibility is in the query; which facets and labels it sees, in the key
            var key = new ResultKey(
                    lucene,
                    sort,
                    query.page(),
                    query.size(),
                    query.language(),
                    query.viewer().internal());
            return searcher.result(key, () -> search(searcher, lucene, sort, window, query));
        });
    }

    /** The hits of a window of the sorted matches, their total and their facets. */
    private static SearchResult search(CatalogSearcher searcher, Query lucene, Sort sort, int window, SearchQuery query)
            throws IOException {
        // scores come with the sort values: no second pass over the hits to score them again
        var result = FacetsCollectorManager.search(searcher, lucene, window, sort, false, new FacetsCollectorManager());
        var collector = result.facetsCollector();
        long total = collector.getMatchingDocs().stream()
                .mapToLong(m -> m.totalHits())
                .sum();
        var hits = new ArrayList<SearchHit>();
        var scoreDocs = result.topDocs().scoreDocs;
        boolean scored = sort.getSort()[0].getType() == SortField.Type.SCORE;
        var leaves = searcher.getIndexReader().leaves();
        for (int i = query.page() * query.size(); i < scoreDocs.length; i++) {
            // the identifier is the last sort value, the version a doc value: no stored field is read
            var values = ((FieldDoc) scoreDocs[i]).fields;
            var leaf = leaves.get(ReaderUtil.subIndex(scoreDocs[i].doc, leaves));
            var versions = DocValues.getNumeric(leaf.reader(), LuceneDocuments.VERSION);
            long version = versions.advanceExact(scoreDocs[i].doc - leaf.docBase) ? versions.longValue() : 0;
            hits.add(new SearchHit(
                    ((BytesRef) values[values.length - 1]).utf8ToString(), version, scored ? (Float) values[0] : 0f));
        }
        return new SearchResult(hits, total, facets(searcher, collector, query), query.page(), query.size());
    }

    @Override
    public List<Suggestion> suggest(SuggestQuery query) {
        var parsed = SuggestPlan.parse(query.prefix());
        if (parsed.isEmpty()) {
            return List.of();
        }
        var plan = parsed.get();
        int limit = query.limit();
        return withSearcher(searcher -> {
            var titles = new ArrayList<Suggestion>();
            var top = searcher.search(
                    LuceneQueries.suggest(SearchFields.SUGGEST_TITLE, plan, query.viewer()),
                    limit * 2,
                    new Sort(modifiedDescending(), idAscending()));
            var stored = searcher.storedFields();
            for (var scoreDoc : top.scoreDocs) {
                var doc = stored.document(scoreDoc.doc, Set.of(LuceneDocuments.ID, stored(SearchFields.TITLE)));
                for (var title : doc.getValues(stored(SearchFields.TITLE))) {
                    if (plan.matches(title)) {
                        titles.add(new Suggestion(title, Suggestion.Kind.TITLE, doc.get(LuceneDocuments.ID)));
                        break;
                    }
                }
            }
            var keywords = plan.completing(
                    counts(
                            searcher,
                            searcher.keywordState(),
                            LuceneQueries.suggest(SearchFields.SUGGEST_KEYWORD, plan, query.viewer()),
                            LuceneDocuments.KEYWORD_DIM),
                    Suggestion.Kind.KEYWORD,
                    limit);
            var owners = query.viewer().internal()
                    ? plan.completing(
                            counts(
                                    searcher,
                                    searcher.facetState(),
                                    LuceneQueries.suggest(SearchFields.SUGGEST_OWNER, plan, query.viewer()),
                                    Facet.OWNER.apiName()),
                            Suggestion.Kind.OWNER,
                            limit)
                    : List.<Suggestion>of();
            return SuggestPlan.merge(titles, keywords, owners, limit);
        });
    }

    private static Sort sort(SearchQuery.Sort sort, QueryPlan plan) {
        return switch (sort) {
            case RELEVANCE ->
                plan.isEmpty()
                        ? new Sort(modifiedDescending(), idAscending())
                        : new Sort(SortField.FIELD_SCORE, modifiedDescending(), idAscending());
            case MODIFIED -> new Sort(modifiedDescending(), idAscending());
            case TITLE -> new Sort(new SortField(LuceneDocuments.TITLE_SORT, SortField.Type.STRING), idAscending());
        };
    }

    private static SortField modifiedDescending() {
        var field = new SortField(LuceneDocuments.MODIFIED_SORT, SortField.Type.LONG, true);
        field.setMissingValue(Long.MIN_VALUE);
        return field;
    }

    private static SortField idAscending() {
        return new SortField(LuceneDocuments.ID_SORT, SortField.Type.STRING_VAL);
    }

    private static Map<Facet, List<FacetValue>> facets(
            CatalogSearcher searcher, FacetsCollector collector, SearchQuery query) throws IOException {
        var state = searcher.facetState();
        var facets = new EnumMap<Facet, List<FacetValue>>(Facet.class);
        if (state == null) {
            return facets;
        }
        var counts = new SortedSetDocValuesFacetCounts(state, collector);
        var dims = new HashSet<String>();
        state.getDims().forEach(dims::add);
        for (var facet : Facet.values()) {
            if (facet.internalOnly() && !query.viewer().internal()) {
                continue;
            }
            var values = dims.contains(facet.apiName())
                    ? values(counts.getAllChildren(facet.apiName()), query.language())
                    : List.<FacetValue>of();
            facets.put(facet, values);
        }
        return facets;
    }

    /** Merges the counts of one value under different labels, then keeps the largest. */
    private static List<FacetValue> values(FacetResult result, String language) {
        if (result == null) {
            return List.of();
        }
        var byValue = new LinkedHashMap<String, FacetValue>();
        for (var labelAndValue : result.labelValues) {
            var parts = LuceneDocuments.unpack(labelAndValue.label);
            var label = "en".equals(language) ? parts[2] : parts[1];
            long count = labelAndValue.value.longValue();
            byValue.merge(
                    parts[0],
                    new FacetValue(parts[0], label, count),
                    (a, b) -> new FacetValue(
                            a.value(), a.count() >= b.count() ? a.label() : b.label(), a.count() + b.count()));
        }
        return byValue.values().stream()
                .filter(v -> v.count() > 0)
                .sorted(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value))
                .limit(SearchResult.MAX_FACET_VALUES)
                .toList();
    }

    /** How many documents matching the query have each value of a dimension. */
    private static Map<String, Long> counts(
            IndexSearcher searcher, SortedSetDocValuesReaderState state, Query query, String dim) throws IOException {
        var counts = new HashMap<String, Long>();
        if (state == null) {
            return counts;
        }
        var collector = searcher.search(query, new FacetsCollectorManager());
        var dims = new HashSet<String>();
        state.getDims().forEach(dims::add);
        if (!dims.contains(dim)) {
            return counts;
        }
        var result = new SortedSetDocValuesFacetCounts(state, collector).getAllChildren(dim);
        if (result != null) {
            for (var labelAndValue : result.labelValues) {
                var value = LuceneDocuments.KEYWORD_DIM.equals(dim)
                        ? labelAndValue.label
                        : LuceneDocuments.unpack(labelAndValue.label)[0];
                if (labelAndValue.value.longValue() > 0) {
                    counts.merge(value, labelAndValue.value.longValue(), Long::sum);
                }
            }
        }
        return counts;
    }

    // --- indexing -------------------------------------------------------------------------------

    @Override
    public void upsert(Collection<SearchDocument> documents) {
        boolean parallel = documents.size() >= PARALLEL_BATCH;
        var built = (parallel ? documents.parallelStream() : documents.stream())
                .map(d -> Map.entry(d, LuceneDocuments.of(d)))
                .toList();
        write(() -> {
            // One write per dataset, its newest version: parallel writes of one id would race.
            var newer = new LinkedHashMap<String, Map.Entry<SearchDocument, Document>>();
            var searcher = searchers.acquire();
            try {
                for (var entry : built) {
                    var document = entry.getKey();
                    // in a rebuild the searcher still shows the index being replaced: only this rebuild's writes count
                    long indexed = rebuilding
                            ? pending.getOrDefault(document.id(), DELETED)
                            : indexedVersion(searcher, document.id());
                    if (indexed <= document.version()) {
                        newer.put(document.id(), entry);
                        pending.put(document.id(), document.version());
                    }
                }
            } finally {
                searchers.release(searcher);
            }
            // IndexWriter inverts documents on every thread that hands it some: both cores work.
            try {
                (parallel ? newer.values().parallelStream() : newer.values().stream()).forEach(entry -> {
                    try {
                        writer.updateDocument(
                                new Term(LuceneDocuments.ID, entry.getKey().id()), entry.getValue());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } finally {
                dirty = true;
            }
        });
    }

    @Override
    public void delete(Collection<String> datasetIds) {
        write(() -> {
            for (var id : datasetIds) {
                writer.deleteDocuments(new Term(LuceneDocuments.ID, id));
                pending.put(id, DELETED);
                dirty = true;
            }
        });
    }

    @Override
    public void commit(long appliedChange) {
        write(() -> {
            writer.setLiveCommitData(
                    Map.of(APPLIED_CHANGE, Long.toString(appliedChange)).entrySet());
            writer.commit();
            this.appliedChange = appliedChange;
            rebuilding = false;
            refreshLocked();
        });
    }

    @Override
    public long appliedChange() {
        return appliedChange;
    }

    @Override
    public Map<String, Long> indexedVersions() {
        write(this::refreshLocked);
        return withSearcher(searcher -> {
            var versions = new HashMap<String, Long>();
            for (var leaf : searcher.getIndexReader().leaves()) {
                var ids = DocValues.getSorted(leaf.reader(), LuceneDocuments.ID);
                var numbers = DocValues.getNumeric(leaf.reader(), LuceneDocuments.VERSION);
                var live = leaf.reader().getLiveDocs();
                for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
                    if ((live == null || live.get(doc)) && numbers.advanceExact(doc)) {
                        versions.put(ids.lookupOrd(ids.ordValue()).utf8ToString(), numbers.longValue());
                    }
                }
            }
            return versions;
        });
    }

    @Override
    public void clear() {
        write(() -> {
            writer.deleteAll();
            pending.clear();
            dirty = true;
            rebuilding = true;
        });
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        writeLock.lock();
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new SearchException("L'index de recherche ne se ferme pas proprement", e);
        } finally {
            writeLock.unlock();
        }
    }

    /** The version of a dataset the index holds, written or pending; {@link #DELETED} when none. */
    private long indexedVersion(IndexSearcher searcher, String id) throws IOException {
        var written = pending.get(id);
        if (written != null) {
            return written;
        }
        var term = new BytesRef(id);
        for (var leaf : searcher.getIndexReader().leaves()) {
            var terms = leaf.reader().terms(LuceneDocuments.ID);
            if (terms == null) {
                continue;
            }
            var termsEnum = terms.iterator();
            if (!termsEnum.seekExact(term)) {
                continue;
            }
            var postings = termsEnum.postings(null);
            var live = leaf.reader().getLiveDocs();
            var versions = DocValues.getNumeric(leaf.reader(), LuceneDocuments.VERSION);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if ((live == null || live.get(doc)) && versions.advanceExact(doc)) {
                    return versions.longValue();
                }
            }
        }
        return DELETED;
    }

    private void refreshQuietly() {
        try {
            write(() -> {
                if (!rebuilding) {
                    refreshLocked();
                }
            });
        } catch (RuntimeException e) {
            // the next write or commit reports the failure; the refresher keeps running
        }
    }

    /** Makes every write so far visible to searches; call with the write lock held. */
    private void refreshLocked() throws IOException {
        if (dirty) {
            searchers.maybeRefreshBlocking();
            pending.clear();
            dirty = false;
        }
    }

    private void write(IndexWork work) {
        writeLock.lock();
        try {
            work.run();
        } catch (IOException e) {
            throw new SearchException("L'index de recherche ne peut pas être écrit", e);
        } finally {
            writeLock.unlock();
        }
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            var searcher = (CatalogSearcher) searchers.acquire();
            try {
                return work.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new SearchException("L'index de recherche ne peut pas être lu", e);
        } catch (UncheckedIOException e) {
            throw new SearchException("L'index de recherche ne peut pas être lu", e.getCause());
        }
    }

    private static long readAppliedChange(IndexWriter writer) {
        var data = writer.getLiveCommitData();
        if (data != null) {
            for (var entry : data) {
                if (APPLIED_CHANGE.equals(entry.getKey())) {
                    return Long.parseLong(entry.getValue());
                }
            }
        }
        return 0;
    }

    private static String stored(String field) {
        return LuceneDocuments.STORED + field;
    }

    /** What a search's result depends on beyond the reader: everything {@link #search(SearchQuery)} reads. */
    private record ResultKey(Query query, Sort sort, int page, int size, String language, boolean internal) {}

    @FunctionalInterface
    private interface IndexWork {
        void run() throws IOException;
    }

    @FunctionalInterface
    private interface SearcherWork<T> {
        T run(CatalogSearcher searcher) throws IOException;
    }

    /**
     * A searcher with the facet module's ordinals of its reader, built on first use, and the words
     * searched on it: each term with its statistics in every segment, each typo-tolerant query with
     * its expansion.
     */
    private static final class CatalogSearcher extends IndexSearcher implements LuceneQueries.Words {
        /** Most typo expansions kept per searcher, the most used; beyond, the others are expanded again. */
        private static final int TYPOS_KEPT = 2_048;

        /** Most looked-up terms kept per searcher (a few hundred bytes each); beyond, the same. */
        private static final int TERMS_KEPT = 8_192;

        /** Most search results kept per searcher (a page of hits and the facets: a few kilobytes each). */
        private static final int RESULTS_KEPT = 2_048;

        private final Cache<Query, Query> typos =
                Caffeine.newBuilder().maximumSize(TYPOS_KEPT).build();
        private final Cache<Term, Query> terms =
                Caffeine.newBuilder().maximumSize(TERMS_KEPT).build();
        private final Cache<ResultKey, SearchResult> results =
                Caffeine.newBuilder().maximumSize(RESULTS_KEPT).build();
        private SortedSetDocValuesReaderState facetState;
        private SortedSetDocValuesReaderState keywordState;
        private boolean facetStateBuilt;
        private boolean keywordStateBuilt;

        CatalogSearcher(IndexReader reader) {
            super(reader);
        }

        /**
         * A term query that carries the term's state and statistics in each segment of this
         * searcher's reader: the same query, scored alike, without seeking the term in every
         * segment's dictionary at each search.
         */
        @Override
        public Query exact(Term term) {
            return kept(terms, term, () -> new TermQuery(term, TermStates.build(this, term, true)));
        }

        /**
         * A typo-tolerant query rewritten into the terms it matches in this searcher's reader, with
         * their weights: the same query as Lucene would rewrite at each search (its terms' statistics
         * are this reader's), expanded once.
         */
        @Override
        public Query typos(FuzzyQuery fuzzy) {
            return kept(typos, fuzzy, () -> rewrite(fuzzy));
        }

        /**
         * The result of a search on this searcher, found once: the same query with the same sort,
         * window and viewer finds the same on the same reader, until a refresh opens a new searcher
         * (the searches people make are few and come back again and again: the empty one of the
         * public page first, one subject's word next).
         */
        SearchResult result(ResultKey key, IOSupplier<SearchResult> search) {
            return kept(results, key, search);
        }

        /** What {@code cache} keeps for {@code key}, else what {@code build} gives, kept. */
        private static <K, V> V kept(Cache<K, V> cache, K key, IOSupplier<V> build) {
            return cache.get(key, k -> {
                try {
                    return build.get();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        synchronized SortedSetDocValuesReaderState facetState() throws IOException {
            if (!facetStateBuilt) {
                facetState = state(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
                facetStateBuilt = true;
            }
            return facetState;
        }

        synchronized SortedSetDocValuesReaderState keywordState() throws IOException {
            if (!keywordStateBuilt) {
                keywordState = state(LuceneDocuments.KEYWORD_FACET_FIELD);
                keywordStateBuilt = true;
            }
            return keywordState;
        }

        /** Null for an index without any value in that field yet. */
        private SortedSetDocValuesReaderState state(String field) throws IOException {
            var reader = getIndexReader();
            if (FieldInfos.getMergedFieldInfos(reader).fieldInfo(field) == null) {
                return null;
            }
            return new DefaultSortedSetDocValuesReaderState(reader, field, LuceneDocuments.FACETS);
        }
    }
}
