package org.comptoir.web.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.comptoir.catalog.dataset.Audience;
import org.comptoir.catalog.dataset.DatasetNotFoundException;
import org.comptoir.catalog.dataset.DatasetRegistration;
import org.comptoir.catalog.dataset.Datasets;
import org.comptoir.catalog.dataset.FieldProblem;
import org.comptoir.catalog.dataset.Governance;
import org.comptoir.catalog.dataset.InvalidDatasetException;
import org.comptoir.catalog.dataset.Owner;
import org.comptoir.catalog.dataset.PublicationStatus;
import org.comptoir.catalog.dataset.StoredDataset;
import org.comptoir.catalog.search.CatalogSearch;
import org.comptoir.catalog.search.SearchHit;
import org.comptoir.catalog.search.SearchQuery;
import org.comptoir.catalog.search.Viewer;
import org.comptoir.web.api.generated.DatasetsApi;
import org.comptoir.web.api.generated.model.Dataset;
import org.comptoir.web.api.generated.model.DatasetInput;
import org.comptoir.web.api.generated.model.DatasetPage;
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
    public ResponseEntity<DatasetPage> listDatasets(String q, Integer page, Integer size) {
        var result = search.search(SearchQuery.of(q, new Viewer(audience(), null), page, size));
        var ids = result.hits().stream().map(SearchHit::datasetId).toList();
        var items = datasets.findAll(ids).stream()
                .map(StoredDataset::dataset)
                .map(d -> representations.toApi(d, request))
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        return ResponseEntity.ok(new DatasetPage(items, result.total(), result.page(), result.size()));
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

    private static Audience audience() {
        return Viewers.audience(SecurityContextHolder.getContext().getAuthentication());
    }
}
