package org.comptoir.web.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.stream.Collectors;
import org.comptoir.connectors.HarvestRunNotFoundException;
import org.comptoir.connectors.harvest.HarvestEngine;
import org.comptoir.web.api.generated.HarvestsApi;
import org.comptoir.web.api.generated.model.Counts;
import org.comptoir.web.api.generated.model.HarvestRun;
import org.comptoir.web.api.generated.model.RecordError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Harvest runs: status, live progress, counts, per-record errors; and their cancellation. */
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

    @Override
    public ResponseEntity<HarvestRun> cancelHarvest(String runId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(toApi(engine.cancel(runId, SourcesController.currentUser())));
    }

    static HarvestRun toApi(org.comptoir.connectors.harvest.HarvestRun run) {
        var now = Instant.now();
        var api = new HarvestRun();
        api.setId(run.id());
        api.setSourceId(run.sourceId());
        api.setStatus(HarvestRun.StatusEnum.valueOf(run.status().name()));
        api.setTrigger(HarvestRun.TriggerEnum.valueOf(run.trigger().kind().name()));
        api.setTriggeredBy(run.trigger().user());
        api.setStartedAt(run.startedAt() == null ? null : run.startedAt().atOffset(ZoneOffset.UTC));
        api.setFinishedAt(run.finishedAt() == null ? null : run.finishedAt().atOffset(ZoneOffset.UTC));
        api.setDurationSeconds(run.duration(now).toMillis() / 1000.0);
        api.setSeen(run.seen());
        api.setTotal(run.total());
        api.setPages(run.pages());
        api.setCurrentPage(run.currentUrl());
        api.setRatePerSecond(Math.round(run.ratePerSecond(now) * 10) / 10.0);
        api.setCancelRequestedBy(run.cancelRequestedBy());
        var c = run.counts();
        api.setCounts(new Counts(c.added(), c.updated(), c.unchanged(), c.withdrawn(), c.failed())
                .reconciled(c.reconciled())
                .held(c.held()));
        api.setErrors(run.errors().stream()
                .map(e -> new RecordError().sourceKey(e.sourceKey()).reason(e.reason()))
                .collect(Collectors.toCollection(ArrayList::new)));
        api.setFailureReason(run.failureReason());
        return api;
    }
}
