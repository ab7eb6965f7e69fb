package org.comptoir.web.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.comptoir.catalog.dataset.Audience;
import org.comptoir.catalog.dataset.DatasetNotFoundException;
import org.comptoir.catalog.dataset.DatasetRegistration;
import org.comptoir.catalog.dataset.Datasets;
import org.comptoir.catalog.dataset.FieldProblem;
import org.comptoir.catalog.dataset.Governance;
import org.comptoir.catalog.dataset.InvalidDatasetException;
import org.comptoir.catalog.dataset.Owner;
import org.comptoir.catalog.dataset.PublicationStatus;
import org.comptoir.catalog.search.CatalogSearch;
import org.comptoir.catalog.search.Facet;
import org.comptoir.catalog.search.SearchHighlighter;
import org.comptoir.catalog.search.SearchHit;
import org.comptoir.catalog.search.SuggestQuery;
import org.comptoir.catalog.search.Viewer;
import org.comptoir.web.api.generated.DatasetsApi;
import org.comptoir.web.api.generated.model.Dataset;
import org.comptoir.web.api.generated.model.DatasetInput;
import org.comptoir.web.api.generated.model.DatasetPage;
import org.comptoir.web.search.SearchRequest;
import org.comptoir.web.security.Viewers;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Datasets through the API: search, read, register, change, withdraw. */
@RestController
@RequestMapping("/api/v1")
class DatasetsController implements DatasetsApi {
    private final Datasets datasets;
    private final CatalogSearch search;
    private final DatasetRegistration registration;
    private final DatasetRepresentations representations;
    private final HttpServletRequest request;

    DatasetsController(
            Datasets datasets,
            CatalogSearch search,
            DatasetRegistration registration,
            DatasetRepresentations representations,
            HttpServletRequest request) {
        this.datasets = datasets;
        this.search = search;
        this.registration = registration;
        this.representations = representations;
        this.request = request;
    }

    @Override
    public ResponseEntity<DatasetPage> listDatasets(
            String q,
            List<String> theme,
            List<String> publisher,
            List<String> owner,
            List<String> orgUnit,
            List<String> format,
            List<String> license,
            List<String> accessLevel,
            List<String> personalData,
            List<String> status,
            List<String> sourceKind,
            List<String> source,
            LocalDate modifiedFrom,
            LocalDate modifiedTo,
            String bbox,
            String sort,
            Integer page,
            Integer size,
            String lang,
            String acceptLanguage) {
        var filters = new EnumMap<Facet, List<String>>(Facet.class);
        putIfPresent(filters, Facet.THEME, theme);
        putIfPresent(filters, Facet.PUBLISHER, publisher);
        putIfPresent(filters, Facet.OWNER, owner);
        putIfPresent(filters, Facet.ORG_UNIT, orgUnit);
        putIfPresent(filters, Facet.FORMAT, format);
        putIfPresent(filters, Facet.LICENSE, license);
        putIfPresent(filters, Facet.ACCESS_LEVEL, accessLevel);
        putIfPresent(filters, Facet.PERSONAL_DATA, personalData);
        putIfPresent(filters, Facet.STATUS, status);
        putIfPresent(filters, Facet.SOURCE_KIND, sourceKind);
        putIfPresent(filters, Facet.SOURCE, source);
        var viewer = viewer();
        var query = new SearchRequest(q, filters, modifiedFrom, modifiedTo, bbox, sort, page, size)
                .toQuery(viewer, SearchRequest.language(lang, acceptLanguage));
        var result = search.search(query);
        var highlighter = SearchHighlighter.of(query);
        var items = new ArrayList<Dataset>();
        // decoded from the projections stored with the rows, not parsed from their RDF
        datasets.projected(result.hits().stream().map(SearchHit::datasetId).toList()).stream()
                // the index follows the store by a fraction of a second: the store has the last word
                .filter(d -> viewer.internal() || d.isOpen())
                .forEach(d -> {
                    var item = representations.toApi(d, request);
                    // from the dataset shown, as the store gives it
                    var highlights = highlighter.highlight(d.description());
                    if (!highlights.isEmpty()) {
                        item.setHighlights(new HashMap<>(highlights));
                    }
                    items.add(item);
                });
        var facets = new LinkedHashMap<String, List<org.comptoir.web.api.generated.model.FacetValue>>();
        result.facets()
                .forEach((facet, values) -> facets.put(
                        facet.apiName(),
                        values.stream()
                                .map(v -> new org.comptoir.web.api.generated.model.FacetValue(
                                        v.value(), v.label(), v.count()))
                                .collect(Collectors.toCollection(ArrayList::new))));
        var body = new DatasetPage(items, result.total(), result.page(), result.size());
        body.setFacets(facets);
        return ResponseEntity.ok(body);
    }

    @Override
    public ResponseEntity<List<org.comptoir.web.api.generated.model.Suggestion>> suggestDatasets(
            String q, Integer limit) {
        var query = new SuggestQuery(q, viewer(), limit);
        var suggestions = search.suggest(query);
        return ResponseEntity.ok(suggestions.stream()
                .map(s -> new org.comptoir.web.api.generated.model.Suggestion(
                                s.text(),
                                org.comptoir.web.api.generated.model.Suggestion.KindEnum.fromValue(
                                        s.kind().name().toLowerCase(Locale.ROOT)))
                        .datasetId(s.datasetId()))
                .collect(Collectors.toCollection(ArrayList::new)));
    }

    @Override
    public ResponseEntity<Dataset> getDataset(String id) {
        var dataset = datasets.find(id)
                .map(s -> s.dataset())
                .filter(d -> audience() == Audience.INTERNAL || d.isOpen())
                .orElseThrow(() -> new DatasetNotFoundException(id));
        return ResponseEntity.ok().eTag(ETags.of(dataset.version())).body(representations.toApi(dataset, request));
    }

    @Override
    public ResponseEntity<Dataset> createDataset(DatasetInput input) {
        requireFrenchTitle(input);
        var user = Viewers.name(SecurityContextHolder.getContext().getAuthentication());
        var defaults = new Governance(new Owner(null, user, null), null, null, PublicationStatus.DRAFT);
        var created = registration.register(
                representations.kind(input),
                representations.description(input, request),
                representations.governance(input, defaults),
                user);
        return ResponseEntity.created(URI.create(request.getRequestURI() + "/" + created.id()))
                .eTag(ETags.of(created.version()))
                .body(representations.toApi(created, request));
    }

    @Override
    public ResponseEntity<Dataset> updateDataset(String id, String ifMatch, DatasetInput input) {
        requireFrenchTitle(input);
        long expected = ETags.version(ifMatch);
        var current = datasets.find(id)
                .orElseThrow(() -> new DatasetNotFoundException(id))
                .dataset();
        var updated = registration.update(
                id,
                expected,
                representations.kind(input),
                representations.description(input, request),
                representations.governance(input, current.governance()),
                Viewers.name(SecurityContextHolder.getContext().getAuthentication()));
        return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(representations.toApi(updated, request));
    }

    @Override
    public ResponseEntity<Dataset> withdrawDataset(String id, String ifMatch) {
        var withdrawn = registration.withdraw(
                id,
                ETags.version(ifMatch),
                Viewers.name(SecurityContextHolder.getContext().getAuthentication()));
        return ResponseEntity.ok().eTag(ETags.of(withdrawn.version())).body(representations.toApi(withdrawn, request));
    }

    /** People write in French first: a dataset registered by hand needs a French title. */
    private static void requireFrenchTitle(DatasetInput input) {
        var fr = input.getTitle() == null ? null : input.getTitle().get("fr");
        if (fr == null || fr.isBlank()) {
            throw new InvalidDatasetException(List.of(new FieldProblem(
                    "title.fr",
                    "Le titre en français est obligatoire, par exemple {\"fr\": \"Arbres d'alignement\"}.")));
        }
    }

    private static void putIfPresent(Map<Facet, List<String>> filters, Facet facet, List<String> values) {
        if (values != null && !values.isEmpty()) {
            filters.put(facet, values);
        }
    }

    private static Viewer viewer() {
        return Viewers.viewer(SecurityContextHolder.getContext().getAuthentication());
    }

    private static Audience audience() {
        return Viewers.audience(SecurityContextHolder.getContext().getAuthentication());
    }
}
