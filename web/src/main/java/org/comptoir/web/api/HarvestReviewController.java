package org.comptoir.web.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.comptoir.catalog.ingest.DatasetIdentities;
import org.comptoir.catalog.ingest.HarvestWithdrawals;
import org.comptoir.catalog.ingest.WithdrawalHoldNotFoundException;
import org.comptoir.web.api.generated.HarvestReviewApi;
import org.comptoir.web.api.generated.model.HeldDataset;
import org.comptoir.web.api.generated.model.IdentityDecision;
import org.comptoir.web.api.generated.model.WithdrawalHold;
import org.comptoir.web.security.Viewers;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a person decides after a harvest run: confirm or dismiss the withdrawal a run held because
 * it would have withdrawn too large a share of its source, and see which records the run
 * reconciled to a known dataset (or could not tell apart).
 */
@RestController
@RequestMapping("/api/v1")
class HarvestReviewController implements HarvestReviewApi {
    private final HarvestWithdrawals withdrawals;
    private final DatasetIdentities identities;

    HarvestReviewController(HarvestWithdrawals withdrawals, DatasetIdentities identities) {
        this.withdrawals = withdrawals;
        this.identities = identities;
    }

    @Override
    public ResponseEntity<WithdrawalHold> getHeldWithdrawal(String runId) {
        return ResponseEntity.ok(
                toApi(withdrawals.hold(runId).orElseThrow(() -> new WithdrawalHoldNotFoundException(runId))));
    }

    @Override
    public ResponseEntity<WithdrawalHold> confirmHeldWithdrawal(String runId) {
        return ResponseEntity.ok(toApi(withdrawals.confirm(runId, user())));
    }

    @Override
    public ResponseEntity<WithdrawalHold> dismissHeldWithdrawal(String runId) {
        return ResponseEntity.ok(toApi(withdrawals.dismiss(runId, user())));
    }

    @Override
    public ResponseEntity<List<IdentityDecision>> listIdentityDecisions(String runId) {
        return ResponseEntity.ok(identities.ofRun(runId).stream()
                .map(d -> new IdentityDecision()
                        .kind(IdentityDecision.KindEnum.valueOf(d.kind().name()))
                        .datasetId(d.datasetId())
                        .previousKey(d.previousKey())
                        .sourceKey(d.sourceKey())
                        .candidates(new ArrayList<>(d.candidates()))
                        .decidedAt(time(d.decidedAt())))
                .toList());
    }

    private static String user() {
        return Viewers.name(SecurityContextHolder.getContext().getAuthentication());
    }

    private static WithdrawalHold toApi(org.comptoir.catalog.ingest.WithdrawalHold hold) {
        return new WithdrawalHold()
                .runId(hold.runId())
                .sourceId(hold.sourceId())
                .status(WithdrawalHold.StatusEnum.valueOf(hold.status().name()))
                .sourceDatasets(hold.sourceDatasets())
                .datasets(hold.datasets().stream()
                        .map(d -> new HeldDataset()
                                .datasetId(d.datasetId())
                                .sourceKey(d.sourceKey())
                                .title(d.title()))
                        .collect(java.util.stream.Collectors.toCollection(ArrayList::new)))
                .reason(hold.reason())
                .createdAt(time(hold.createdAt()))
                .decidedAt(time(hold.decidedAt()))
                .decidedBy(hold.decidedBy())
                .withdrawn(hold.withdrawn())
                .spared(hold.spared());
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
