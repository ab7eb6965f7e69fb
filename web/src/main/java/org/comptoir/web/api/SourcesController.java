package org.comptoir.web.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.comptoir.connectors.SourceNotFoundException;
import org.comptoir.connectors.harvest.HarvestEngine;
import org.comptoir.connectors.source.NewSource;
import org.comptoir.connectors.source.Source;
import org.comptoir.connectors.source.Sources;
import org.comptoir.web.api.generated.SourcesApi;
import org.comptoir.web.api.generated.model.HarvestRun;
import org.comptoir.web.api.generated.model.SourceInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Harvest sources and the runs started on them. */
@RestController
@RequestMapping("/api/v1")
class SourcesController implements SourcesApi {
    private final Sources sources;
    private final HarvestEngine engine;
    private final HttpServletRequest request;

    SourcesController(Sources sources, HarvestEngine engine, HttpServletRequest request) {
        this.sources = sources;
        this.engine = engine;
        this.request = request;
    }

    @Override
    public ResponseEntity<org.comptoir.web.api.generated.model.Source> createSource(SourceInput input) {
        var source =
                sources.create(new NewSource(input.getName(), input.getKind(), input.getUrl(), input.getSchedule()));
        return ResponseEntity.created(URI.create(request.getRequestURI() + "/" + source.id()))
                .body(toApi(source));
    }

    @Override
    public ResponseEntity<List<org.comptoir.web.api.generated.model.Source>> listSources() {
        return ResponseEntity.ok(sources.all().stream()
                .map(SourcesController::toApi)
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
    }

    @Override
    public ResponseEntity<org.comptoir.web.api.generated.model.Source> getSource(String id) {
        return ResponseEntity.ok(toApi(sources.find(id).orElseThrow(() -> new SourceNotFoundException(id))));
    }

    @Override
    public ResponseEntity<HarvestRun> startHarvest(String id) {
        var run = engine.start(id);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create(request.getContextPath() + "/api/v1/harvests/" + run.id()))
                .body(HarvestsController.toApi(run));
    }

    @Override
    public ResponseEntity<List<HarvestRun>> listHarvests(String id) {
        sources.find(id).orElseThrow(() -> new SourceNotFoundException(id));
        return ResponseEntity.ok(engine.runsOf(id).stream()
                .map(HarvestsController::toApi)
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
    }

    static org.comptoir.web.api.generated.model.Source toApi(Source source) {
        var api = new org.comptoir.web.api.generated.model.Source();
        api.setId(source.id());
        api.setName(source.name());
        api.setKind(source.kind());
        api.setUrl(source.url());
        api.setSchedule(source.schedule());
        api.setCreatedAt(source.createdAt() == null ? null : source.createdAt().atOffset(ZoneOffset.UTC));
        return api;
    }
}
