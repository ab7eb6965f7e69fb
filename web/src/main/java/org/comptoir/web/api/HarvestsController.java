package org.comptoir.web.api;

import java.time.ZoneOffset;
import java.util.ArrayList;
import org.comptoir.connectors.HarvestRunNotFoundException;
import org.comptoir.connectors.harvest.HarvestEngine;
import org.comptoir.web.api.generated.HarvestsApi;
import org.comptoir.web.api.generated.model.Counts;
import org.comptoir.web.api.generated.model.HarvestRun;
import org.comptoir.web.api.generated.model.RecordError;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Harvest runs: status, progress, counts and per-record errors. */
@RestController
@RequestMapping("/api/v1")
class HarvestsController implements HarvestsApi {
    private final HarvestEngine engine;

    HarvestsController(HarvestEngine engine) {
        this.engine = engine;
    }

    @Override
    public ResponseEntity<HarvestRun> getHarvest(String runId) {
        return ResponseEntity.ok(toApi(engine.run(runId).orElseThrow(() -> new HarvestRunNotFoundException(runId))));
    }

    static HarvestRun toApi(org.comptoir.connectors.harvest.HarvestRun run) {
        var api = new HarvestRun();
        api.setId(run.id());
        api.setSourceId(run.sourceId());
        api.setStatus(HarvestRun.StatusEnum.valueOf(run.status().name()));
        api.setStartedAt(run.startedAt() == null ? null : run.startedAt().atOffset(ZoneOffset.UTC));
        api.setFinishedAt(run.finishedAt() == null ? null : run.finishedAt().atOffset(ZoneOffset.UTC));
        api.setSeen(run.seen());
        api.setTotal(run.total());
        var c = run.counts();
        api.setCounts(new Counts(c.added(), c.updated(), c.unchanged(), c.withdrawn(), c.failed())
                .reconciled(c.reconciled())
                .held(c.held()));
        api.setErrors(run.errors().stream()
                .map(e -> new RecordError().sourceKey(e.sourceKey()).reason(e.reason()))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
        api.setFailureReason(run.failureReason());
        return api;
    }
}
