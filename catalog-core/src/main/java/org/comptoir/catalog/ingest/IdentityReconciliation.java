package org.comptoir.catalog.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.comptoir.catalog.dataset.Datasets;
import org.comptoir.catalog.dataset.StoredDataset;

/**
 * Finds the dataset a record with a new source key already is, by its other keys. A key that two
 * datasets of the source share (a map service, a portal's home page) names neither; a dataset the
 * run already took in under its own key is not renamed; and when the remaining keys name more than
 * one dataset, nothing is guessed: the record is added and the ambiguity reported.
 */
class IdentityReconciliation {
    private final Datasets datasets;
    private final DatasetIdentities identities;

    IdentityReconciliation(Datasets datasets, DatasetIdentities identities) {
        this.datasets = datasets;
        this.identities = identities;
    }

    /**
     * What a record's keys say about it.
     *
     * @param target the one dataset the record is, or null
     * @param ambiguous the datasets it could be when it cannot be told which (empty otherwise)
     */
    record Match(StoredDataset target, List<String> ambiguous) {
        static final Match NONE = new Match(null, List.of());
    }

    Match match(IngestRun run, String sourceKey, Map<String, IdentityKey> keys) {
        var holders = identities.holders(run.sourceId(), keys.keySet());
        if (holders.isEmpty()) {
            return Match.NONE;
        }
        Set<String> named = new LinkedHashSet<>();
        Set<String> sharing = new LinkedHashSet<>();
        holders.values().forEach(ids -> (ids.size() == 1 ? named : sharing).addAll(ids));
        var all = new ArrayList<>(named);
        all.addAll(sharing);
        var unclaimed = datasets.findAll(all).stream()
                .filter(stored ->
                        !run.seenInRun().test(stored.dataset().provenance().sourceKey()))
                .toList();
        var candidates = unclaimed.stream()
                .filter(stored -> named.contains(stored.dataset().id()))
                .toList();
        if (candidates.size() == 1) {
            return new Match(candidates.getFirst(), List.of());
        }
        if (candidates.size() > 1) {
            return new Match(null, ids(candidates));
        }
        if (unclaimed.size() > 1) {
            return new Match(null, ids(unclaimed));
        }
        // a reconciliation earlier in this run took this very key away from a dataset: say so
        return identities
                .reconciledFrom(run.runId(), sourceKey)
                .map(id -> new Match(null, List.of(id)))
                .orElse(Match.NONE);
    }

    private static List<String> ids(List<StoredDataset> stored) {
        return stored.stream().map(s -> s.dataset().id()).toList();
    }
}
