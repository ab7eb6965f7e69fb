package org.comptoir.catalog.search.elasticsearch;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.comptoir.catalog.search.QueryPlan;
import org.comptoir.catalog.search.SearchFields;
import org.comptoir.catalog.search.SearchQuery;
import org.comptoir.catalog.search.SuggestPlan;
import org.comptoir.catalog.search.Viewer;

/**
 * A search as Elasticsearch queries: the shared {@link QueryPlan} as scored clauses over the token
 * fields, everything else (filters, dates, box, visibility) in filter context, which Elasticsearch
 * caches and does not score.
 */
final class QueryTranslation {
    /** The terms a typo-tolerant word expands to at most, as in the Lucene engine. */
    static final int MAX_FUZZY_EXPANSIONS = 50;

    private QueryTranslation() {}

    /** The whole query of a search: what it asks, within what the viewer may see. */
    static Query query(SearchQuery search, QueryPlan plan) {
        var filters = new ArrayList<Query>();
        filters.addAll(visibility(search.viewer(), search.includesWithdrawn()));
        search.filters().forEach((facet, values) -> filters.add(terms(IndexLayout.filterField(facet), values)));
        if (search.modifiedFrom() != null || search.modifiedTo() != null) {
            filters.add(Query.of(q -> q.range(r -> r.date(d -> {
                d.field(IndexLayout.MODIFIED);
                if (search.modifiedFrom() != null) {
                    d.gte(DateTimeFormatter.ISO_LOCAL_DATE.format(search.modifiedFrom()));
                }
                if (search.modifiedTo() != null) {
                    d.lte(DateTimeFormatter.ISO_LOCAL_DATE.format(search.modifiedTo()));
                }
                return d;
            }))));
        }
        var box = search.bbox();
        if (box != null) {
            // Two boxes intersect when each starts before the other ends, on both axes.
            filters.add(atMost(IndexLayout.WEST, box.east()));
            filters.add(atLeast(IndexLayout.EAST, box.west()));
            filters.add(atMost(IndexLayout.SOUTH, box.north()));
            filters.add(atLeast(IndexLayout.NORTH, box.south()));
        }
        return Query.of(q -> q.bool(b -> b.filter(filters).must(words(plan)).should(bonuses(plan))));
    }

    /**
     * What the viewer may see: everything for the authority's roles; otherwise open datasets and
     * those the viewer's agreements grant. Withdrawn datasets only when asked for.
     */
    static List<Query> visibility(Viewer viewer, boolean withdrawnToo) {
        var filters = new ArrayList<Query>();
        if (!viewer.internal()) {
            var open = Query.of(q -> q.term(t -> t.field(IndexLayout.OPEN).value(true)));
            if (viewer.grants().isEmpty()) {
                filters.add(open);
            } else {
                filters.add(Query.of(q -> q.bool(b -> b.should(open)
                        .should(terms(IndexLayout.GRANTS, viewer.grants()))
                        .minimumShouldMatch("1"))));
            }
        }
        if (!withdrawnToo) {
            filters.add(Query.of(q -> q.bool(b ->
                    b.mustNot(n -> n.term(t -> t.field(IndexLayout.WITHDRAWN).value(true))))));
        }
        return filters;
    }

    /**
     * The plan's rules ({@link QueryPlan}): each word must match, exactly in a weighted field or
     * within its typos in {@link SearchFields#ALL}.
     */
    static List<Query> words(QueryPlan plan) {
        var clauses = new ArrayList<Query>();
        for (var word : plan.words()) {
            var alternatives = new ArrayList<Query>();
            SearchFields.BOOSTS.forEach((field, boost) -> alternatives.add(
                    Query.of(q -> q.term(t -> t.field(field).value(word.token()).boost(boost)))));
            if (word.maxEdits() > 0) {
                alternatives.add(Query.of(q -> q.fuzzy(f -> f.field(SearchFields.ALL)
                        .value(word.token())
                        .fuzziness(String.valueOf(word.maxEdits()))
                        .prefixLength(QueryPlan.FUZZY_PREFIX)
                        .maxExpansions(MAX_FUZZY_EXPANSIONS)
                        .transpositions(true)
                        .boost(QueryPlan.FUZZY_WEIGHT))));
            }
            clauses.add(Query.of(q -> q.bool(b -> b.should(alternatives))));
        }
        return clauses;
    }

    /** What ranks higher without being required: quoted phrases, and unquoted words side by side. */
    static List<Query> bonuses(QueryPlan plan) {
        var bonuses = new ArrayList<Query>();
        for (var phrase : plan.phrases()) {
            bonuses.add(phrases(phrase.tokens(), QueryPlan.PHRASE_BOOST));
        }
        if (!plan.looseTokens().isEmpty()) {
            bonuses.add(phrases(plan.looseTokens(), QueryPlan.PROXIMITY_BOOST));
        }
        return bonuses;
    }

    private static Query phrases(List<String> tokens, float weight) {
        var text = String.join(" ", tokens);
        var fields = new ArrayList<Query>();
        SearchFields.BOOSTS.forEach((field, boost) -> fields.add(
                Query.of(q -> q.matchPhrase(m -> m.field(field).query(text).boost(weight * boost)))));
        return Query.of(q -> q.bool(b -> b.should(fields)));
    }

    /** Visible datasets whose suggest field has every complete word and a word starting as the last. */
    static Query suggest(String field, SuggestPlan plan, Viewer viewer) {
        var clauses = new ArrayList<Query>(visibility(viewer, false));
        plan.complete()
                .forEach(word ->
                        clauses.add(Query.of(q -> q.term(t -> t.field(field).value(word)))));
        clauses.add(Query.of(q -> q.prefix(p -> p.field(field).value(plan.last()))));
        return Query.of(q -> q.bool(b -> b.filter(clauses)));
    }

    /** Most recently modified first, datasets without a date last. */
    static final SortOptions BY_MODIFIED = SortOptions.of(s ->
            s.field(f -> f.field(IndexLayout.MODIFIED).order(SortOrder.Desc).missing("_last")));

    /** The tie-breaker of every order, as in the Lucene engine. */
    static final SortOptions BY_ID =
            SortOptions.of(s -> s.field(f -> f.field(IndexLayout.ID).order(SortOrder.Asc)));

    static List<SortOptions> sort(SearchQuery search, QueryPlan plan) {
        var byModified = BY_MODIFIED;
        var byId = BY_ID;
        return switch (search.sort()) {
            case RELEVANCE ->
                plan.isEmpty()
                        ? List.of(byModified, byId)
                        : List.of(SortOptions.of(s -> s.score(c -> c.order(SortOrder.Desc))), byModified, byId);
            case MODIFIED -> List.of(byModified, byId);
            case TITLE ->
                List.of(
                        SortOptions.of(s -> s.field(f -> f.field(IndexLayout.TITLE_SORT)
                                .order(SortOrder.Asc)
                                .missing("_last"))),
                        byId);
        };
    }

    static Query terms(String field, Collection<String> values) {
        var list = values.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(list))));
    }

    private static Query atMost(String field, double value) {
        return Query.of(q -> q.range(r -> r.number(n -> n.field(field).lte(value))));
    }

    private static Query atLeast(String field, double value) {
        return Query.of(q -> q.range(r -> r.number(n -> n.field(field).gte(value))));
    }
}
