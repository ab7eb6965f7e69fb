package org.comptoir.catalog.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.comptoir.catalog.dataset.Datasets;
import org.comptoir.catalog.dataset.StoredDataset;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Search straight over the relational store: every word must occur in the dataset's folded search
 * text. Good enough for a small catalogue; the Lucene and Elasticsearch adapters (issue #3) rank.
 */
public class JdbcCatalogSearch implements CatalogSearch {
    private static final Set<String> STOP_WORDS = Set.of(
            "le", "la", "les", "l", "d", "de", "des", "du", "un", "une", "et", "ou", "a", "au", "aux", "en", "the",
            "of", "and");

    private final JdbcClient jdbc;
    private final Datasets datasets;

    public JdbcCatalogSearch(JdbcClient jdbc, Datasets datasets) {
        this.jdbc = jdbc;
        this.datasets = datasets;
    }

    @Override
    public SearchResult search(SearchQuery query) {
        var where = new StringBuilder(" WHERE status <> 'WITHDRAWN'");
        var params = new ArrayList<Object>();
        if (!query.viewer().internal()) {
            where.append(" AND is_open = TRUE");
        }
        for (var word : words(query.text())) {
            where.append(" AND search_text LIKE ?");
            params.add("%" + word.replace("\\", "").replace("%", "").replace("_", "") + "%");
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM dataset" + where)
                .params(params)
                .query(Long.class)
                .single();
        var pageParams = new ArrayList<>(params);
        pageParams.add(query.size());
        pageParams.add((long) query.page() * query.size());
        List<String> ids = jdbc.sql("SELECT id FROM dataset" + where + " ORDER BY title, id LIMIT ? OFFSET ?")
                .params(pageParams)
                .query(String.class)
                .list();
        var hits = datasets.findAll(ids).stream()
                .map(StoredDataset::dataset)
                .map(d -> new SearchHit(d.id(), d.version(), 0f, Map.of()))
                .toList();
        return new SearchResult(hits, total, Map.of(), query.page(), query.size());
    }

    @Override
    public List<Suggestion> suggest(SuggestQuery query) {
        return List.of();
    }

    static List<String> words(String text) {
        return Arrays.stream(SearchText.fold(text).split(" "))
                .filter(w -> !w.isBlank() && !STOP_WORDS.contains(w))
                .toList();
    }
}
