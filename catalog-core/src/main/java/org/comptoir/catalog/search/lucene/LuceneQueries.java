package org.comptoir.catalog.search.lucene;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.comptoir.catalog.search.BoundingBox;
import org.comptoir.catalog.search.QueryPlan;
import org.comptoir.catalog.search.SearchFields;
import org.comptoir.catalog.search.SearchQuery;
import org.comptoir.catalog.search.SuggestPlan;
import org.comptoir.catalog.search.Viewer;

/** Translates a {@link QueryPlan} and a query's filters into Lucene queries, by the plan's rules. */
final class LuceneQueries {
    private static final int MAX_FUZZY_EXPANSIONS = 50;

    private LuceneQueries() {}

    /**
     * What a word's queries become before they are searched: themselves, or as the engine keeps them
     * per searcher, a term with its statistics already looked up and a typo-tolerant query expanded
     * into the terms it matches.
     */
    interface Words {
        Words AS_THEY_ARE = new Words() {
            @Override
            public Query exact(Term term) {
                return new TermQuery(term);
            }

            @Override
            public Query typos(FuzzyQuery fuzzy) {
                return fuzzy;
            }
        };

        Query exact(Term term);

        Query typos(FuzzyQuery fuzzy);
    }

    static Query search(SearchQuery query, QueryPlan plan) {
        return search(query, plan, Words.AS_THEY_ARE);
    }

    static Query search(SearchQuery query, QueryPlan plan, Words words) {
        var root = new BooleanQuery.Builder();
        if (plan.isEmpty()) {
            root.add(MatchAllDocsQuery.INSTANCE, Occur.MUST);
        } else {
            for (var word : plan.words()) {
                root.add(word(word, words), Occur.MUST);
            }
            for (var phrase : plan.phrases()) {
                root.add(phrase(phrase.tokens(), QueryPlan.PHRASE_BOOST), Occur.SHOULD);
            }
            if (!plan.looseTokens().isEmpty()) {
                root.add(phrase(plan.looseTokens(), QueryPlan.PROXIMITY_BOOST), Occur.SHOULD);
            }
        }
        visibility(root, query.viewer(), query.includesWithdrawn());
        query.filters()
                .forEach((facet, values) -> root.add(
                        new TermInSetQuery(
                                LuceneDocuments.FILTER + facet.apiName(),
                                values.stream().map(BytesRef::new).toList()),
                        Occur.FILTER));
        if (query.modifiedFrom() != null || query.modifiedTo() != null) {
            long from = query.modifiedFrom() == null
                    ? Long.MIN_VALUE
                    : query.modifiedFrom().toEpochDay();
            long to = query.modifiedTo() == null
                    ? Long.MAX_VALUE
                    : query.modifiedTo().toEpochDay();
            root.add(LongPoint.newRangeQuery(LuceneDocuments.MODIFIED, from, to), Occur.FILTER);
        }
        if (query.bbox() != null) {
            intersecting(root, query.bbox());
        }
        return root.build();
    }

    /** Visible datasets whose suggest field has every complete word and a word starting as the last. */
    static Query suggest(String field, SuggestPlan plan, Viewer viewer) {
        var root = new BooleanQuery.Builder();
        for (var word : plan.complete()) {
            root.add(new TermQuery(new Term(field, word)), Occur.FILTER);
        }
        root.add(new PrefixQuery(new Term(field, plan.last())), Occur.FILTER);
        visibility(root, viewer, false);
        return root.build();
    }

    private static Query word(QueryPlan.Word word, Words words) {
        var fields = new BooleanQuery.Builder();
        SearchFields.BOOSTS.forEach((field, boost) ->
                fields.add(new BoostQuery(words.exact(new Term(field, word.token())), boost), Occur.SHOULD));
        if (word.maxEdits() > 0) {
            fields.add(
                    new BoostQuery(
                            words.typos(new FuzzyQuery(
                                    new Term(SearchFields.ALL, word.token()),
                                    word.maxEdits(),
                                    QueryPlan.FUZZY_PREFIX,
                                    MAX_FUZZY_EXPANSIONS,
                                    true)),
                            QueryPlan.FUZZY_WEIGHT),
                    Occur.SHOULD);
        }
        return fields.build();
    }

    private static Query phrase(List<String> tokens, float weight) {
        var fields = new BooleanQuery.Builder();
        SearchFields.BOOSTS.forEach((field, boost) -> fields.add(
                new BoostQuery(new PhraseQuery(field, tokens.toArray(String[]::new)), weight * boost), Occur.SHOULD));
        return fields.build();
    }

    private static void visibility(BooleanQuery.Builder root, Viewer viewer, boolean withdrawnToo) {
        if (!viewer.internal()) {
            var audiences = new ArrayList<BytesRef>();
            audiences.add(new BytesRef(LuceneDocuments.PUBLIC));
            viewer.grants().forEach(grant -> audiences.add(new BytesRef(LuceneDocuments.GRANT + grant)));
            root.add(new TermInSetQuery(LuceneDocuments.VISIBLE_TO, audiences), Occur.FILTER);
        }
        if (!withdrawnToo) {
            root.add(new TermQuery(new Term(LuceneDocuments.WITHDRAWN, "true")), Occur.MUST_NOT);
        }
    }

    private static void intersecting(BooleanQuery.Builder root, BoundingBox box) {
        root.add(DoublePoint.newRangeQuery(LuceneDocuments.WEST, Double.NEGATIVE_INFINITY, box.east()), Occur.FILTER);
        root.add(DoublePoint.newRangeQuery(LuceneDocuments.EAST, box.west(), Double.POSITIVE_INFINITY), Occur.FILTER);
        root.add(DoublePoint.newRangeQuery(LuceneDocuments.SOUTH, Double.NEGATIVE_INFINITY, box.north()), Occur.FILTER);
        root.add(DoublePoint.newRangeQuery(LuceneDocuments.NORTH, box.south(), Double.POSITIVE_INFINITY), Occur.FILTER);
    }
}
