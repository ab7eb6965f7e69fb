package org.comptoir.web.pages;

import java.util.Locale;
import org.comptoir.catalog.dataset.Datasets;
import org.comptoir.catalog.dataset.StoredDataset;
import org.comptoir.catalog.search.CatalogSearch;
import org.comptoir.catalog.search.SearchHit;
import org.comptoir.catalog.search.SearchQuery;
import org.comptoir.catalog.search.Viewer;
import org.comptoir.web.security.Viewers;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The home page: a search box and the datasets the visitor may see, twenty a page. */
@Controller
class SearchController {
    static final int PAGE_SIZE = 20;
    private static final int MAX_PAGE = 10_000;
    private static final int MAX_QUERY_LENGTH = 200;

    private final CatalogSearch search;
    private final Datasets datasets;

    SearchController(CatalogSearch search, Datasets datasets) {
        this.search = search;
        this.datasets = datasets;
    }

    @GetMapping("/")
    String home(
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "page", required = false) String page,
            Authentication authentication,
            Locale locale,
            Model model) {
        var text = q == null ? "" : q.strip();
        if (text.length() > MAX_QUERY_LENGTH) {
            text = text.substring(0, MAX_QUERY_LENGTH);
        }
        int number = pageNumber(page);
        var result = search.search(
                SearchQuery.of(text, new Viewer(Viewers.audience(authentication), null), number - 1, PAGE_SIZE));
        var items = datasets
                .findAll(result.hits().stream().map(SearchHit::datasetId).toList())
                .stream()
                .map(StoredDataset::dataset)
                .toList();
        var views = new DatasetViews(locale);
        long pages = Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("query", text);
        model.addAttribute("total", result.total());
        model.addAttribute("results", items.stream().map(views::summary).toList());
        model.addAttribute("page", number);
        model.addAttribute("pages", pages);
        model.addAttribute("firstShown", items.isEmpty() ? 0 : (long) (number - 1) * PAGE_SIZE + 1);
        model.addAttribute("lastShown", (long) (number - 1) * PAGE_SIZE + items.size());
        model.addAttribute("previousPage", number > 1 ? pageUrl(text, number - 1) : null);
        model.addAttribute("nextPage", number < pages ? pageUrl(text, number + 1) : null);
        return "home";
    }

    /** The address of a page of results, the search words encoded whatever they hold. */
    static String pageUrl(String text, int page) {
        var url = UriComponentsBuilder.fromPath("/");
        if (!text.isEmpty()) {
            url.queryParam("q", "{q}");
        }
        url.queryParam("page", "{page}");
        var encoded = url.encode();
        return (text.isEmpty() ? encoded.buildAndExpand(page) : encoded.buildAndExpand(text, page)).toUriString();
    }

    /** The page asked for, one-based; 1 when the parameter is missing or not a number. */
    static int pageNumber(String page) {
        if (page == null || !page.strip().matches("\\d{1,9}")) {
            return 1;
        }
        return Math.clamp(Integer.parseInt(page.strip()), 1, MAX_PAGE);
    }
}
