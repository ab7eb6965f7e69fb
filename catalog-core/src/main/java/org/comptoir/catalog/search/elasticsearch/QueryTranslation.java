package org.comptoir.catalog.search.elasticsearch;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.comptoir.catalog.search.Facet;
import org.comptoir.catalog.search.QueryPlan;
import org.comptoir.catalog.search.SearchFields;
import org.comptoir.catalog.search.SearchQuery;
import org.comptoir.catalog.search.Viewer;

/**
 * A search as Elasticsearch queries: the shared {@link QueryPlan} as scored clauses over the token
 * fields, everything else (filters, dates, box, visibility) in filter context, which Elasticsearch
 * caches and does not score.
 */
final class QueryTranslation {
    private QueryTranslation() {}

    /** The whole query of a search: what it asks, within what the viewer may see. */
    static Query query(SearchQuery search, QueryPlan plan) {
        var filters = new ArrayList<Query>();
        filters.addAll(visibility(search.viewer(), search.filters().containsKey(Facet.STATUS)));
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
        return Query.of(q -> q.bool(b -> {
            b.filter(filters);
            if (!plan.isEmpty()) {
                b.must(text(plan));
            }
            return b;
        }));
    }

    /**
     * What the viewer may see: everything for the authority's roles; otherwise open datasets and
     * those the viewer's agreements grant. Withdrawn datasets only for a search filtered on status.
     */
    static List<Query> visibility(Viewer viewer, boolean filteredOnStatus) {
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
        if (!filteredOnStatus) {
            filters.add(Query.of(q -> q.bool(b ->
                    b.mustNot(n -> n.term(t -> t.field(IndexLayout.WITHDRAWN).value(true))))));
        }
        return filters;
    }

    /**
     * The plan's rules ({@link QueryPlan}): each word must match, exactly in a weighted field or
     * within its typos in {@link SearchFields#ALL}; quoted phrases and adjacent unquoted words add
     * their boosts.
     */
    static List<Query> text(QueryPlan plan) {
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
                        .transpositions(true)
                        .boost(QueryPlan.FUZZY_WEIGHT))));
            }
            clauses.add(Query.of(q -> q.bool(b -> b.should(alternatives).minimumShouldMatch("1"))));
        }
        var bonuses = new ArrayList<Query>();
        for (var phrase : plan.phrases()) {
            bonuses.addAll(phrases(phrase.tokens(), QueryPlan.PHRASE_BOOST));
        }
        if (!plan.looseTokens().isEmpty()) {
            bonuses.addAll(phrases(plan.looseTokens(), QueryPlan.PROXIMITY_BOOST));
        }
        if (bonuses.isEmpty()) {
            return clauses;
        }
        return List.of(Query.of(q -> q.bool(b -> b.must(clauses).should(bonuses))));
    }

    private static List<Query> phrases(List<String> tokens, float weight) {
        var text = String.join(" ", tokens);
        var queries = new ArrayList<Query>();
        SearchFields.BOOSTS.forEach((field, boost) -> queries.add(
                Query.of(q -> q.matchPhrase(m -> m.field(field).query(text).boost(weight * boost)))));
        return queries;
    }

    static List<SortOptions> sort(SearchQuery search, QueryPlan plan) {
        var byModified = SortOptions.of(s ->
                s.field(f -> f.field(IndexLayout.MODIFIED).order(SortOrder.Desc).missing("_last")));
        var byId = SortOptions.of(s -> s.field(f -> f.field(IndexLayout.ID).order(SortOrder.Asc)));
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
