package org.comptoir.catalog.ingest;

import java.time.Instant;
import java.util.List;

/**
 * What a run decided about a record whose source key was new but whose other keys (landing page,
 * distribution URLs, identifiers) named datasets the source already had.
 *
 * @param kind {@code RECONCILED}: the record is that dataset under a new key; {@code AMBIGUOUS}:
 *     it named several, so it was added as a new dataset and a person should look
 * @param datasetId the dataset the record went to (the reconciled one, or the new one)
 * @param previousKey the dataset's source key before the run, for a reconciliation
 * @param sourceKey the record's source key
 * @param candidates the datasets its keys named, for an ambiguity
 */
public record IdentityDecision(
        Kind kind, String datasetId, String previousKey, String sourceKey, List<String> candidates, Instant decidedAt) {
    public enum Kind {
        RECONCILED,
        AMBIGUOUS
    }

    public IdentityDecision {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }
}
