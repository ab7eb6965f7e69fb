package org.comptoir.web.pages;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.comptoir.catalog.dataset.Datasets;
import org.comptoir.catalog.dataset.FieldProblem;
import org.comptoir.catalog.search.CatalogSearch;
import org.comptoir.catalog.search.Facet;
import org.comptoir.catalog.search.QueryPlan;
import org.comptoir.catalog.search.SearchException;
import org.comptoir.catalog.search.SearchHighlighter;
import org.comptoir.catalog.search.SearchHit;
import org.comptoir.catalog.search.SearchQuery;
import org.comptoir.catalog.search.SearchResult;
import org.comptoir.catalog.search.SuggestQuery;
import org.comptoir.web.pages.Views.ActiveFilter;
import org.comptoir.web.pages.Views.FacetChoice;
import org.comptoir.web.pages.Views.FacetView;
import org.comptoir.web.pages.Views.SortChoice;
import org.comptoir.web.search.InvalidSearchException;
import org.comptoir.web.search.SearchRequest;
import org.comptoir.web.security.Viewers;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The search screens, twenty results a page with facets a visitor clicks to filter: the public
 * catalogue at {@code /} and, for the authority's own roles, the internal catalogue at {@code
 * /catalogue} with the governance dimensions (owner, access level, personal data, status, source).
 * Both work without JavaScript; with it, the search box suggests as one types.
 */
@Controller
class SearchController {
    static final int PAGE_SIZE = 20;
    static final String PUBLIC_PATH = "/";
    static final String INTERNAL_PATH = "/catalogue";
    private static final int MAX_PAGE = SearchQuery.MAX_WINDOW / PAGE_SIZE;
    private static final int MAX_QUERY_LENGTH = 200;
    private static final String MODIFIED_FROM = "modifiedFrom";
    private static final String MODIFIED_TO = "modifiedTo";
    /** Values listed per dimension; the selected ones are always listed. */
    private static final int FACET_VALUES = 8;

    private static final List<Facet> PUBLIC_FACETS =
            List.of(Facet.THEME, Facet.PUBLISHER, Facet.ORG_UNIT, Facet.FORMAT, Facet.LICENSE);
    private static final List<Facet> INTERNAL_FACETS = List.of(
            Facet.THEME,
            Facet.OWNER,
            Facet.ORG_UNIT,
            Facet.ACCESS_LEVEL,
            Facet.PERSONAL_DATA,
            Facet.STATUS,
            Facet.PUBLISHER,
            Facet.FORMAT,
            Facet.LICENSE,
            Facet.SOURCE_KIND,
            Facet.SOURCE);

    private final CatalogSearch search;
    private final Datasets datasets;

    SearchController(CatalogSearch search, Datasets datasets) {
        this.search = search;
        this.datasets = datasets;
    }

    @GetMapping(PUBLIC_PATH)
    String home(
            @RequestParam MultiValueMap<String, String> parameters,
            Authentication authentication,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        return render(PUBLIC_PATH, PUBLIC_FACETS, parameters, authentication, locale, model, response);
    }

    @GetMapping(INTERNAL_PATH)
    String catalogue(
            @RequestParam MultiValueMap<String, String> parameters,
            Authentication authentication,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        return render(INTERNAL_PATH, INTERNAL_FACETS, parameters, authentication, locale, model, response);
    }

    /** Completions of what is typed in a search box, for the few lines of script of the pages. */
    @GetMapping(path = "/suggestions", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<Completion> suggestions(@RequestParam(name = "q", required = false) String q, Authentication authentication) {
        var prefix = q == null ? "" : q.strip();
        if (prefix.isEmpty() || prefix.length() > 100) {
            return List.of();
        }
        var query = new SuggestQuery(prefix, Viewers.viewer(authentication), 8);
        return search.suggest(query).stream()
                .map(s -> new Completion(
                        s.text(),
                        s.kind().name().toLowerCase(Locale.ROOT),
                        s.datasetId() == null ? null : "/datasets/" + s.datasetId()))
                .toList();
    }

    /**
     * A completion as the page's script shows it.
     *
     * @param href where choosing it leads: the dataset of a title; null to search for the text
     */
    record Completion(String text, String kind, String href) {}

    private String render(
            String path,
            List<Facet> dimensions,
            MultiValueMap<String, String> parameters,
            Authentication authentication,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        var text =
                parameters.getFirst("q") == null ? "" : parameters.getFirst("q").strip();
        if (text.length() > MAX_QUERY_LENGTH) {
            text = text.substring(0, MAX_QUERY_LENGTH);
        }
        var filters = new EnumMap<Facet, List<String>>(Facet.class);
        for (var facet : dimensions) {
            var values = parameters.get(facet.apiName());
            if (values != null) {
                var kept = values.stream().filter(v -> !v.isBlank()).distinct().toList();
                if (!kept.isEmpty()) {
                    filters.put(facet, kept);
                }
            }
        }
        var sort = sort(parameters.getFirst("sort"));
        int number = pageNumber(parameters.getFirst("page"));
        var problems = new ArrayList<FieldProblem>();
        var from = date(parameters.getFirst(MODIFIED_FROM), MODIFIED_FROM, problems);
        var to = date(parameters.getFirst(MODIFIED_TO), MODIFIED_TO, problems);
        var state = new State(path, text, filters, from, to, sort);
        var views = new DatasetViews(locale);
        var language = views.language();
        model.addAttribute("path", path);
        model.addAttribute("internal", path.equals(INTERNAL_PATH));
        model.addAttribute("query", text);
        model.addAttribute("sort", sort.name().toLowerCase(Locale.ROOT));
        model.addAttribute(
                "sorts",
                List.of(SearchQuery.Sort.values()).stream()
                        .map(s -> new SortChoice(s.name().toLowerCase(Locale.ROOT), s == sort))
                        .toList());
        model.addAttribute("filters", hiddenFilters(filters));
        model.addAttribute("modifiedFrom", from == null ? "" : from.toString());
        model.addAttribute("modifiedTo", to == null ? "" : to.toString());
        SearchResult result;
        try {
            if (!problems.isEmpty()) {
                throw new InvalidSearchException(problems);
            }
            var query = new SearchRequest(text, filters, from, to, null, sort.name(), number - 1, PAGE_SIZE)
                    .toQuery(Viewers.viewer(authentication), language);
            result = search.search(query);
        } catch (InvalidSearchException e) {
            model.addAttribute("problems", e.problems());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            result = new SearchResult(List.of(), 0, Map.of(), number - 1, PAGE_SIZE);
        } catch (SearchException e) {
            model.addAttribute("unavailable", true);
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            result = new SearchResult(List.of(), 0, Map.of(), number - 1, PAGE_SIZE);
        }
        var viewer = Viewers.viewer(authentication);
        var highlighter = new SearchHighlighter(QueryPlan.parse(text));
        // decoded from the projections stored with the rows, not parsed from their RDF
        var items = datasets
                .projected(result.hits().stream().map(SearchHit::datasetId).toList())
                .stream()
                // the index follows the store by a fraction of a second: the store has the last word
                .filter(d -> viewer.internal() || d.isOpen())
                .map(d -> {
                    // from the dataset shown, as the store gives it
                    var highlights = highlighter.highlight(d.description());
                    var summary = views.summary(d);
                    return summary.withHighlights(
                            Highlights.title(highlights, summary.title().text()), Highlights.snippet(highlights));
                })
                .toList();
        long pages = Math.max(1, Math.min(MAX_PAGE, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("total", result.total());
        model.addAttribute("results", items);
        model.addAttribute("facets", facets(dimensions, result, state));
        model.addAttribute("active", active(result, state, views));
        model.addAttribute("clearAll", state.without(null, null).url(1));
        model.addAttribute("page", number);
        model.addAttribute("pages", pages);
        model.addAttribute("firstShown", items.isEmpty() ? 0 : (long) (number - 1) * PAGE_SIZE + 1);
        model.addAttribute("lastShown", (long) (number - 1) * PAGE_SIZE + items.size());
        model.addAttribute("previousPage", number > 1 ? state.url(number - 1) : null);
        model.addAttribute("nextPage", number < pages ? state.url(number + 1) : null);
        return "home";
    }

    private static List<FacetView> facets(List<Facet> dimensions, SearchResult result, State state) {
        var views = new ArrayList<FacetView>();
        for (var facet : dimensions) {
            var values = result.facets().getOrDefault(facet, List.of());
            var selected = new LinkedHashSet<>(state.filters().getOrDefault(facet, List.of()));
            var choices = new ArrayList<FacetChoice>();
            int listed = 0;
            for (var value : values) {
                boolean isSelected = selected.contains(value.value());
                if (isSelected || listed < FACET_VALUES) {
                    choices.add(new FacetChoice(
                            value.label(),
                            value.count(),
                            isSelected,
                            isSelected
                                    ? state.without(facet, value.value()).url(1)
                                    : state.with(facet, value.value()).url(1)));
                    listed += isSelected ? 0 : 1;
                }
            }
            if (!choices.isEmpty()) {
                views.add(new FacetView(facet.apiName(), choices, values.size() - choices.size()));
            }
        }
        return views;
    }

    private static List<ActiveFilter> active(SearchResult result, State state, DatasetViews views) {
        var active = new ArrayList<ActiveFilter>();
        if (state.from() != null) {
            active.add(new ActiveFilter(
                    MODIFIED_FROM,
                    views.day(state.from().toString()).text(),
                    state.between(null, state.to()).url(1)));
        }
        if (state.to() != null) {
            active.add(new ActiveFilter(
                    MODIFIED_TO,
                    views.day(state.to().toString()).text(),
                    state.between(state.from(), null).url(1)));
        }
        state.filters().forEach((facet, values) -> {
            var labels = new HashMap<String, String>();
            result.facets().getOrDefault(facet, List.of()).forEach(v -> labels.put(v.value(), v.label()));
            values.forEach(value -> active.add(new ActiveFilter(
                    facet.apiName(),
                    labels.getOrDefault(value, value),
                    state.without(facet, value).url(1))));
        });
        return active;
    }

    /** The filters as name and value pairs, for the hidden fields that keep them when sorting. */
    private static List<Map.Entry<String, String>> hiddenFilters(Map<Facet, List<String>> filters) {
        var fields = new ArrayList<Map.Entry<String, String>>();
        filters.forEach((facet, values) -> values.forEach(v -> fields.add(Map.entry(facet.apiName(), v))));
        return fields;
    }

    /** A day typed in a date field ({@code yyyy-mm-dd}), or null when empty; a problem when unreadable. */
    private static LocalDate date(String value, String name, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(
                    name,
                    "Date illisible « " + (value.length() > 40 ? value.substring(0, 40) + "…" : value)
                            + " » : attendue sous la forme AAAA-MM-JJ, par exemple 2026-03-01."));
            return null;
        }
    }

    /**
     * What a search page shows, so that its links can say the same with one change.
     *
     * @param from first day of last modification kept, or null
     * @param to last day of last modification kept, or null
     */
    record State(
            String path,
            String text,
            Map<Facet, List<String>> filters,
            LocalDate from,
            LocalDate to,
            SearchQuery.Sort sort) {
        State with(Facet facet, String value) {
            var copy = copy();
            copy.computeIfAbsent(facet, f -> new ArrayList<>()).add(value);
            return new State(path, text, copy, from, to, sort);
        }

        /** Without one value of a dimension; without any filter, dates included, when {@code facet} is null. */
        State without(Facet facet, String value) {
            if (facet == null) {
                return new State(path, text, Map.of(), null, null, sort);
            }
            var copy = copy();
            copy.computeIfPresent(facet, (f, values) -> {
                values.remove(value);
                return values.isEmpty() ? null : values;
            });
            return new State(path, text, copy, from, to, sort);
        }

        /** With other bounds of the last modification. */
        State between(LocalDate first, LocalDate last) {
            return new State(path, text, filters, first, last, sort);
        }

        /** The address of a page of this search, every value encoded whatever it holds. */
        String url(int page) {
            var url = UriComponentsBuilder.fromPath(path);
            var values = new ArrayList<Object>();
            if (!text.isEmpty()) {
                url.queryParam("q", "{v" + values.size() + "}");
                values.add(text);
            }
            for (var entry : filters.entrySet()) {
                for (var value : entry.getValue()) {
                    url.queryParam(entry.getKey().apiName(), "{v" + values.size() + "}");
                    values.add(value);
                }
            }
            if (from != null) {
                url.queryParam(MODIFIED_FROM, from);
            }
            if (to != null) {
                url.queryParam(MODIFIED_TO, to);
            }
            if (sort != SearchQuery.Sort.RELEVANCE) {
                url.queryParam("sort", sort.name().toLowerCase(Locale.ROOT));
            }
            if (page > 1) {
                url.queryParam("page", page);
            }
            return url.encode().buildAndExpand(values.toArray()).toUriString();
        }

        private EnumMap<Facet, List<String>> copy() {
            var copy = new EnumMap<Facet, List<String>>(Facet.class);
            filters.forEach((facet, values) -> copy.put(facet, new ArrayList<>(values)));
            return copy;
        }
    }

    /** The address of a page of results on the public page, the search words encoded whatever they hold. */
    static String pageUrl(String text, int page) {
        return new State(PUBLIC_PATH, text, Map.of(), null, null, SearchQuery.Sort.RELEVANCE).url(page);
    }

    /** The order asked for; relevance when the parameter is missing or unknown. */
    static SearchQuery.Sort sort(String sort) {
        if (sort == null) {
            return SearchQuery.Sort.RELEVANCE;
        }
        return Set.of(SearchQuery.Sort.values()).stream()
                .filter(s -> s.name().equalsIgnoreCase(sort.strip()))
                .findFirst()
                .orElse(SearchQuery.Sort.RELEVANCE);
    }

    /** The page asked for, one-based; 1 when the parameter is missing or not a number. */
    static int pageNumber(String page) {
        if (page == null || !page.strip().matches("\\d{1,9}")) {
            return 1;
        }
        return Math.clamp(Integer.parseInt(page.strip()), 1, MAX_PAGE);
    }
}
