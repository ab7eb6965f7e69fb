package org.comptoir.catalog.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.comptoir.catalog.dataset.Dataset;
import org.comptoir.catalog.dataset.DatasetChanged;
import org.comptoir.catalog.dataset.Datasets;
import org.comptoir.catalog.dataset.Provenance;
import org.comptoir.catalog.dataset.PublicationStatus;
import org.comptoir.catalog.dataset.StoredDataset;
import org.comptoir.catalog.rdf.DatasetGraphs;
import org.comptoir.catalog.rdf.DatasetRdf;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * What leaves the catalogue when a source stops listing it, and when. A dataset missing from a
 * complete run is withdrawn (never deleted) once its grace is over ({@link WithdrawalProperties}); a
 * run that misses too large a share of its source withdraws nothing and holds the withdrawal until a
 * person confirms it (withdrawing those still missing) or dismisses it. A withdrawn dataset that
 * its source lists again gets back the status it had.
 */
public class HarvestWithdrawals {
    private final Datasets datasets;
    private final SourcePresence presence;
    private final WithdrawalHolds holds;
    private final TransactionOperations transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final WithdrawalProperties properties;

    public HarvestWithdrawals(
            Datasets datasets,
            JdbcClient jdbc,
            TransactionOperations transactions,
            ApplicationEventPublisher events,
            Clock clock,
            WithdrawalProperties properties) {
        this.datasets = datasets;
        this.presence = new SourcePresence(jdbc);
        this.holds = new WithdrawalHolds(jdbc);
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    /** The withdrawal a run held, pending or decided. */
    public Optional<WithdrawalHold> hold(String runId) {
        return holds.find(runId);
    }

    /**
     * Withdraws the datasets a held run listed, except those their source listed again since (or
     * that left the catalogue meanwhile).
     *
     * @param by the person who confirms
     * @throws WithdrawalHoldNotFoundException when the run held no withdrawal
     * @throws WithdrawalAlreadyDecidedException when it was already confirmed or dismissed
     */
    public WithdrawalHold confirm(String runId, String by) {
        var hold = pending(runId);
        transactions.executeWithoutResult(status -> {
            int withdrawn = 0;
            int spared = 0;
            for (var held : hold.datasets()) {
                var since = presence.missingSince(held.datasetId());
                var stillMissing = since.isPresent() && !since.get().isAfter(hold.createdAt());
                var stored = stillMissing ? datasets.find(held.datasetId()) : Optional.<StoredDataset>empty();
                if (stored.isPresent() && withdraw(stored.get(), by)) {
                    withdrawn++;
                } else {
                    spared++;
                }
            }
            if (!holds.decide(runId, WithdrawalHold.Status.CONFIRMED, by, clock.instant(), withdrawn, spared)) {
                throw new WithdrawalAlreadyDecidedException(holds.find(runId).orElseThrow());
            }
        });
        return holds.find(runId).orElseThrow();
    }

    /**
     * Leaves the datasets a held run listed in the catalogue. Their missed runs still count: if
     * their source keeps missing them, the next complete run asks again.
     */
    public WithdrawalHold dismiss(String runId, String by) {
        pending(runId);
        if (!holds.decide(runId, WithdrawalHold.Status.DISMISSED, by, clock.instant(), null, null)) {
            throw new WithdrawalAlreadyDecidedException(holds.find(runId).orElseThrow());
        }
        return holds.find(runId).orElseThrow();
    }

    private WithdrawalHold pending(String runId) {
        var hold = holds.find(runId).orElseThrow(() -> new WithdrawalHoldNotFoundException(runId));
        if (hold.status() != WithdrawalHold.Status.PENDING) {
            throw new WithdrawalAlreadyDecidedException(hold);
        }
        return hold;
    }

    /**
     * Ends a complete run: the datasets it listed are present, the others missed one more run; those
     * whose grace is over are withdrawn, unless they are too many, in which case none is and the run
     * is held.
     */
    WithdrawalOutcome afterCompleteRun(String sourceId, String runId, Set<String> seenKeys) {
        var now = clock.instant();
        var tracked = presence.ofSource(sourceId);
        var missing = new ArrayList<SourcePresence.Tracked>();
        var back = new ArrayList<String>();
        for (var dataset : tracked) {
            if (!seenKeys.contains(dataset.sourceKey())) {
                missing.add(dataset);
            } else if (dataset.missedRuns() > 0) {
                back.add(dataset.datasetId());
            }
        }
        if (missing.isEmpty()) {
            transactions.executeWithoutResult(status -> presence.listedAgain(back));
            return new WithdrawalOutcome(0, 0, 0, null);
        }
        if (tooMany(missing.size(), tracked.size())) {
            var reason = heldReason(missing.size(), tracked.size());
            transactions.executeWithoutResult(status -> {
                presence.listedAgain(back);
                presence.missed(ids(missing), now);
                holds.create(new WithdrawalHold(
                        runId,
                        sourceId,
                        WithdrawalHold.Status.PENDING,
                        tracked.size(),
                        missing.stream()
                                .map(d -> new WithdrawalHold.HeldDataset(d.datasetId(), d.sourceKey(), d.title()))
                                .toList(),
                        reason,
                        now,
                        null,
                        null,
                        null,
                        null));
            });
            return new WithdrawalOutcome(missing.size(), 0, missing.size(), reason);
        }
        transactions.executeWithoutResult(status -> {
            presence.listedAgain(back);
            presence.missed(ids(missing), now);
        });
        var graceDays = Duration.ofDays(properties.graceDays());
        int withdrawn = 0;
        for (var dataset : missing) {
            var since = dataset.missingSince() == null ? now : dataset.missingSince();
            if (dataset.missedRuns() + 1 >= properties.graceRuns()
                    && !since.plus(graceDays).isAfter(now)) {
                var stored = datasets.find(dataset.datasetId());
                if (stored.isPresent() && withdraw(stored.get(), "harvest:" + sourceId)) {
                    withdrawn++;
                }
            }
        }
        return new WithdrawalOutcome(missing.size(), withdrawn, 0, null);
    }

    /** The status to give back to a dataset a harvest withdrew; empty if a person withdrew it (or it is not withdrawn). */
    Optional<PublicationStatus> statusToRestore(String datasetId) {
        return presence.statusBeforeWithdrawal(datasetId);
    }

    /** A record of the dataset was taken in: it no longer counts as missing. */
    void present(String datasetId) {
        presence.present(datasetId);
    }

    private boolean tooMany(int missing, int sourceDatasets) {
        return missing == sourceDatasets
                || missing >= properties.shareMinCount() && missing > properties.maxShare() * sourceDatasets;
    }

    private String heldReason(int missing, int sourceDatasets) {
        return String.format(
                Locale.FRANCE,
                "confirmation nécessaire : la source ne liste plus %d de ses %d jeux de données (%.0f %%), "
                        + "au-delà de la part de %.0f %% qu'un moissonnage peut retirer "
                        + "(comptoir.harvest.withdrawal.max-share) ; rien n'a été retiré. Si la source les a bien "
                        + "supprimés, confirmez le retrait ; si elle a mal répondu, écartez-le.",
                missing,
                sourceDatasets,
                100.0 * missing / sourceDatasets,
                100 * properties.maxShare());
    }

    /** Withdraws (never deletes) one dataset, remembering the status it had, for when it comes back. */
    private boolean withdraw(StoredDataset stored, String actor) {
        var current = stored.dataset();
        if (current.governance().status() == PublicationStatus.WITHDRAWN) {
            return false;
        }
        var governance = current.governance().withStatus(PublicationStatus.WITHDRAWN);
        var p = current.provenance();
        var dataset = new Dataset(
                current.id(),
                current.version() + 1,
                current.kind(),
                current.description(),
                governance,
                new Provenance(p.sourceId(), p.sourceKey(), p.createdAt(), clock.instant()));
        var graph = DatasetGraphs.toNTriples(DatasetRdf.describe(dataset, DatasetGraphs.fromNTriples(stored.graph())));
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!datasets.update(dataset, graph, stored.contentHash(), current.version())) {
                return false;
            }
            presence.withdrawnFrom(current.id(), current.governance().status());
            events.publishEvent(
                    new DatasetChanged(current.id(), dataset.version(), DatasetChanged.Change.WITHDRAWN, actor));
            return true;
        }));
    }

    private static List<String> ids(List<SourcePresence.Tracked> tracked) {
        return tracked.stream().map(SourcePresence.Tracked::datasetId).toList();
    }
}
