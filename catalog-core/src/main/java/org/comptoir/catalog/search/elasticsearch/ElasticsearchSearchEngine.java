package org.comptoir.catalog.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.http.HttpHost;
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
import org.comptoir.catalog.search.SearchUnavailableException;
import org.comptoir.catalog.search.SuggestPlan;
import org.comptoir.catalog.search.SuggestQuery;
import org.comptoir.catalog.search.Suggestion;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * The search engine for a cluster of Comptoir nodes: an Elasticsearch index (8.x or 9.x server)
 * shared by every node, through the official Java client. Text is analysed by the application
 * ({@link org.comptoir.catalog.search.SearchAnalysis}) and indexed as tokens, so results match the embedded Lucene engine's.
 *
 * <p>Two indices per prefix: {@code <prefix>-datasets}, and {@code <prefix>-meta} holding the outbox
 * position the datasets reflect. Both are created on first use when absent. Writes carry the dataset
 * version as an external version: a stale write never replaces a newer document, whichever node
 * sends it, so replays are harmless. The instance holds no state besides its client: any number of
 * nodes may share one prefix. A server that cannot be reached or answers with an error of its own
 * raises {@link SearchUnavailableException}.
 */
public final class ElasticsearchSearchEngine implements SearchEngine {
    /** Documents per bulk request: a few megabytes. */
    static final int BULK_SIZE = 1_000;

    /**
     * Buckets asked per dimension: the values listed, and room for a value counted under two labels
     * (its label changed between two writes), merged here.
     */
    static final int FACET_SIZE = 2 * SearchResult.MAX_FACET_VALUES;

    /**
     * Keywords counted for completion, the most frequent among the datasets with a word starting as
     * typed; those completing the text are kept.
     */
    static final int SUGGEST_KEYWORDS = 10_000;

    private static final String STATE_ID = "state";
    private static final String VERSION_CONFLICT = "version_conflict_engine_exception";
    private static final String ALREADY_EXISTS = "resource_already_exists_exception";
    private static final String INDEX_NOT_FOUND = "index_not_found_exception";
    /** Versions read per page of the consistency check's listing. */
    static final int PAGE_OF_VERSIONS = 1_000;

    private final String url;
    private final String datasets;
    private final String meta;
    private final RestClientTransport transport;
    private final ElasticsearchClient client;
    private volatile boolean indicesReady;

    /**
     * An engine on a server; nothing is sent until first use.
     *
     * @param url the server's base URL, e.g. {@code http://localhost:9200}
     * @param indexPrefix the prefix of the index names, lower case (e.g. {@code comptoir})
     */
    public ElasticsearchSearchEngine(String url, String indexPrefix) {
        var prefix = IndexLayout.checkedPrefix(indexPrefix);
        this.url = url;
        this.datasets = IndexLayout.datasets(prefix);
        this.meta = IndexLayout.meta(prefix);
        HttpHost host;
        try {
            host = HttpHost.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Adresse Elasticsearch invalide « " + url + " »", e);
        }
        this.transport = new RestClientTransport(
                RestClient.builder(host)
                        .setRequestConfigCallback(
                                config -> config.setConnectTimeout(2_000).setSocketTimeout(30_000))
                        .build(),
                new Jackson3JsonpMapper());
        this.client = new ElasticsearchClient(transport);
    }

    @Override
    public String name() {
        return "elasticsearch";
    }

    @Override
    public void upsert(Collection<SearchDocument> documents) {
        var operations = new ArrayList<BulkOperation>(Math.min(documents.size(), BULK_SIZE));
        for (var document : documents) {
            operations.add(BulkOperation.of(op -> op.index(i -> i.id(document.id())
                    .version(document.version())
                    .versionType(VersionType.External)
                    .document(IndexLayout.document(document)))));
            if (operations.size() == BULK_SIZE) {
                bulk(operations);
                operations.clear();
            }
        }
        bulk(operations);
    }

    @Override
    public void delete(Collection<String> datasetIds) {
        var operations = new ArrayList<BulkOperation>();
        for (var id : datasetIds) {
            operations.add(BulkOperation.of(op -> op.delete(d -> d.id(id))));
            if (operations.size() == BULK_SIZE) {
                bulk(operations);
                operations.clear();
            }
        }
        bulk(operations);
    }

    private void bulk(List<BulkOperation> operations) {
        if (operations.isEmpty()) {
            return;
        }
        var response = call(
                "index datasets",
                () -> client.bulk(b -> b.index(datasets).requireAlias(true).operations(operations)));
        if (response.errors()
                && response.items().stream()
                        .anyMatch(item -> item.error() != null
                                && INDEX_NOT_FOUND.equals(item.error().type()))) {
            // Another node dropped the index for a rebuild: recreate it and write again.
            indicesReady = false;
            response = call(
                    "index datasets",
                    () -> client.bulk(b -> b.index(datasets).requireAlias(true).operations(operations)));
        }
        if (!response.errors()) {
            return;
        }
        // A version conflict means the index already holds this version or a newer one: done.
        var failures = response.items().stream()
                .filter(item -> item.error() != null
                        && !VERSION_CONFLICT.equals(item.error().type()))
                .toList();
        if (!failures.isEmpty()) {
            var first = failures.getFirst();
            var message = "Elasticsearch a refusé " + failures.size() + " document(s) de l'index « " + datasets
                    + " », dont « " + first.id() + " » : " + reason(first.error());
            if (failures.stream().anyMatch(ElasticsearchSearchEngine::retriable)) {
                throw new SearchUnavailableException(message, null);
            }
            throw new SearchException(message, null);
        }
    }

    /** Why Elasticsearch refused a document, cut short: a reason may quote a whole field value. */
    private static String reason(ErrorCause error) {
        var reason = new StringBuilder();
        for (var cause = error; cause != null && reason.length() < 1_000; cause = cause.causedBy()) {
            var text = String.valueOf(cause.reason());
            reason.append(reason.isEmpty() ? "" : " ; ")
                    .append(text.length() > 200 ? text.substring(0, 200) + "…" : text);
        }
        return reason.toString();
    }

    private static boolean retriable(BulkResponseItem item) {
        return item.status() == 429 || item.status() >= 500;
    }

    @Override
    public void commit(long appliedChange) {
        call("refresh", () -> client.indices().refresh(r -> r.index(datasets)));
        try {
            // external_gte: a node committing an older position never moves it back.
            client.index(i -> i.index(meta)
                    .requireAlias(true)
                    .id(STATE_ID)
                    .version(appliedChange)
                    .versionType(VersionType.ExternalGte)
                    .document(Map.of(IndexLayout.APPLIED_CHANGE, appliedChange)));
        } catch (ElasticsearchException | IOException e) {
            if (status(e) != 409) {
                throw failure("store the applied change", e);
            }
        }
    }

    @Override
    public long appliedChange() {
        var state = call(
                "read the applied change", () -> client.get(g -> g.index(meta).id(STATE_ID), Void.class));
        return state.found() && state.version() != null ? state.version() : 0;
    }

    @Override
    public Map<String, Long> indexedVersions() {
        var versions = new HashMap<String, Long>();
        var keepAlive = Time.of(t -> t.time("1m"));
        var pit = call(
                        "open a point in time",
                        () -> client.openPointInTime(p -> p.index(datasets).keepAlive(keepAlive)))
                .id();
        try {
            List<FieldValue> after = null;
            while (true) {
                var pitId = pit;
                var from = after;
                var page = call(
                        "list indexed versions",
                        () -> client.search(
                                s -> {
                                    s.pit(p -> p.id(pitId).keepAlive(keepAlive))
                                            .size(PAGE_OF_VERSIONS)
                                            .version(true)
                                            .source(src -> src.fetch(false))
                                            .sort(SortOptions.of(o -> o.field(
                                                    f -> f.field("_shard_doc").order(SortOrder.Asc))))
                                            .trackTotalHits(t -> t.enabled(false));
                                    if (from != null) {
                                        s.searchAfter(from);
                                    }
                                    return s;
                                },
                                Void.class));
                pit = page.pitId() != null ? page.pitId() : pit;
                var hits = page.hits().hits();
                hits.forEach(hit -> versions.put(hit.id(), hit.version()));
                if (hits.size() < PAGE_OF_VERSIONS) {
                    return versions;
                }
                after = hits.getLast().sort();
            }
        } finally {
            var pitId = pit;
            call("close a point in time", () -> client.closePointInTime(c -> c.id(pitId)));
        }
    }

    @Override
    public void clear() {
        dropIndices();
        ensureIndices();
    }

    /** Deletes both indices of this prefix, for good: when a catalogue or a test is done with them. */
    public void dropIndices() {
        try {
            client.indices().delete(d -> d.index(IndexLayout.concrete(datasets), IndexLayout.concrete(meta))
                    .ignoreUnavailable(true));
        } catch (IOException | ElasticsearchException e) {
            throw failure("delete the indices", e);
        }
        indicesReady = false;
    }

    @Override
    public SearchResult search(SearchQuery query) {
        var plan = QueryPlan.parse(query.text());
        var aggregations = new LinkedHashMap<String, Aggregation>();
        for (var facet : Facet.values()) {
            if (query.viewer().internal() || !facet.internalOnly()) {
                aggregations.put(
                        facet.apiName(),
                        Aggregation.of(a -> a.terms(
                                t -> t.field(IndexLayout.countField(facet)).size(FACET_SIZE))));
            }
        }
        var response = call(
                "search",
                () -> client.search(
                        s -> s.index(datasets)
                                .query(QueryTranslation.query(query, plan))
                                .sort(QueryTranslation.sort(query, plan))
                                .from(query.page() * query.size())
                                .size(query.size())
                                .trackTotalHits(t -> t.enabled(true))
                                .version(true)
                                .source(src -> src.fetch(false))
                                .aggregations(aggregations)
                                // kept by each shard until its next refresh that changes it, hits
                                // included, as the Lucene engine keeps its searcher's results
                                .requestCache(true),
                        Void.class));
        var hits = response.hits().hits().stream()
                .map(hit -> new SearchHit(
                        hit.id(),
                        hit.version() == null ? 0 : hit.version(),
                        hit.score() == null ? 0f : hit.score().floatValue()))
                .toList();
        var facets = new LinkedHashMap<Facet, List<FacetValue>>();
        aggregations.keySet().forEach(name -> Facet.ofApiName(name)
                .ifPresent(facet ->
                        facets.put(facet, facetValues(response.aggregations().get(name), query.language()))));
        var total = response.hits().total() == null
                ? hits.size()
                : response.hits().total().value();
        return new SearchResult(hits, total, facets, query.page(), query.size());
    }

    /** The buckets of a dimension, merged by value (labels may have changed between two writes). */
    private static List<FacetValue> facetValues(Aggregate aggregate, String language) {
        var byValue = new LinkedHashMap<String, FacetValue>();
        for (var bucket : aggregate.sterms().buckets().array()) {
            var term = IndexLayout.facetTerm(bucket.key().stringValue());
            byValue.merge(
                    term.value(),
                    new FacetValue(term.value(), term.label(language), bucket.docCount()),
                    (a, b) -> new FacetValue(
                            a.value(), a.count() >= b.count() ? a.label() : b.label(), a.count() + b.count()));
        }
        return byValue.values().stream()
                .sorted(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value))
                .limit(SearchResult.MAX_FACET_VALUES)
                .toList();
    }

    @Override
    public List<Suggestion> suggest(SuggestQuery query) {
        var parsed = SuggestPlan.parse(query.prefix());
        if (parsed.isEmpty()) {
            return List.of();
        }
        var plan = parsed.get();
        int limit = query.limit();
        var titles = call(
                "suggest titles",
                () -> client.search(
                        s -> s.index(datasets)
                                .query(QueryTranslation.suggest(SearchFields.SUGGEST_TITLE, plan, query.viewer()))
                                .size(limit * 2)
                                .sort(QueryTranslation.BY_MODIFIED, QueryTranslation.BY_ID)
                                .trackTotalHits(t -> t.enabled(false))
                                .source(src ->
                                        src.filter(f -> f.includes(IndexLayout.TEXTS + "." + SearchFields.TITLE))),
                        StoredTexts.class));
        var titleSuggestions = new ArrayList<Suggestion>();
        for (var hit : titles.hits().hits()) {
            var values = hit.source() == null || hit.source().texts() == null
                    ? List.<String>of()
                    : hit.source().texts().getOrDefault(SearchFields.TITLE, List.of());
            values.stream()
                    .filter(plan::matches)
                    .findFirst()
                    .ifPresent(title -> titleSuggestions.add(new Suggestion(title, Suggestion.Kind.TITLE, hit.id())));
        }
        var keywords = plan.completing(
                counts(SearchFields.SUGGEST_KEYWORD, IndexLayout.KEYWORDS, plan, query),
                Suggestion.Kind.KEYWORD,
                limit);
        var owners = query.viewer().internal()
                ? plan.completing(
                        counts(SearchFields.SUGGEST_OWNER, IndexLayout.countField(Facet.OWNER), plan, query),
                        Suggestion.Kind.OWNER,
                        limit)
                : List.<Suggestion>of();
        return SuggestPlan.merge(titleSuggestions, keywords, owners, limit);
    }

    /** How many visible datasets whose suggest field starts as typed have each value of a field. */
    private Map<String, Long> counts(String suggestField, String countedField, SuggestPlan plan, SuggestQuery query) {
        var response = call(
                "suggest",
                () -> client.search(
                        s -> s.index(datasets)
                                .query(QueryTranslation.suggest(suggestField, plan, query.viewer()))
                                .size(0)
                                .trackTotalHits(t -> t.enabled(false))
                                .aggregations(
                                        "values",
                                        a -> a.terms(t -> t.field(countedField).size(SUGGEST_KEYWORDS))),
                        Void.class));
        var counts = new HashMap<String, Long>();
        for (var bucket :
                response.aggregations().get("values").sterms().buckets().array()) {
            var value = IndexLayout.facetTerm(bucket.key().stringValue()).value();
            counts.merge(value, bucket.docCount(), Long::sum);
        }
        return counts;
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (IOException e) {
            // the connections are gone either way
        }
    }

    /** Creates the indices when absent; another node creating them at the same time is fine. */
    private void ensureIndices() {
        if (indicesReady) {
            return;
        }
        createIfAbsent(datasets, IndexLayout.datasetsMapping());
        createIfAbsent(meta, IndexLayout.metaMapping());
        indicesReady = true;
    }

    private void createIfAbsent(String alias, TypeMapping mapping) {
        try {
            if (client.indices().exists(e -> e.index(alias)).value()) {
                return;
            }
            client.indices().create(c -> c.index(IndexLayout.concrete(alias))
                    .aliases(alias, a -> a)
                    .settings(IndexLayout.settings())
                    .mappings(mapping));
        } catch (ElasticsearchException e) {
            if (!ALREADY_EXISTS.equals(e.error().type())) {
                throw failure("create the index " + alias, e);
            }
        } catch (IOException e) {
            throw failure("create the index " + alias, e);
        }
    }

    private <T> T call(String action, ElasticsearchCall<T> call) {
        ensureIndices();
        try {
            return call.run();
        } catch (ElasticsearchException e) {
            if (!INDEX_NOT_FOUND.equals(e.error().type())) {
                throw failure(action, e);
            }
        } catch (IOException e) {
            throw failure(action, e);
        }
        // Another node dropped the indices for a rebuild: recreate them and try again.
        indicesReady = false;
        ensureIndices();
        try {
            return call.run();
        } catch (IOException | ElasticsearchException e) {
            throw failure(action, e);
        }
    }

    /**
     * Unreachable, overloaded or failing: {@link SearchUnavailableException}; a request the server
     * refused as such is a defect of this engine: {@link SearchException}.
     */
    private SearchException failure(String action, Exception cause) {
        int status = status(cause);
        if (status >= 400 && status < 500 && status != 429) {
            return new SearchException(
                    "Elasticsearch (" + url + ") a refusé la requête (" + action + ") : " + cause.getMessage(), cause);
        }
        return new SearchUnavailableException(
                "Le moteur de recherche Elasticsearch (" + url + ") ne répond pas (" + action + ") : "
                        + cause.getMessage(),
                cause);
    }

    /** The HTTP status of a failed call, 0 when the server did not answer. */
    private static int status(Exception failure) {
        if (failure instanceof ElasticsearchException refused) {
            return refused.status();
        }
        if (failure instanceof ResponseException answered) {
            return answered.getResponse().getStatusLine().getStatusCode();
        }
        return 0;
    }

    @FunctionalInterface
    private interface ElasticsearchCall<T> {
        T run() throws IOException;
    }

    /** The part of a stored document a title suggestion needs: its original texts. */
    record StoredTexts(Map<String, List<String>> texts) {}
}
