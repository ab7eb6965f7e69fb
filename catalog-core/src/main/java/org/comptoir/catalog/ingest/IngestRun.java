package org.comptoir.catalog.ingest;

import java.util.function.Predicate;

/**
 * The harvest run a record comes in with.
 *
 * @param seenInRun whether the run already took in a record with this source key; a dataset the
 *     run listed under its own key is not one whose key changed
 */
public record IngestRun(String sourceId, String runId, Predicate<String> seenInRun) {}
