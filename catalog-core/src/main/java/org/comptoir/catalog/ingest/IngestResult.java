package org.comptoir.catalog.ingest;

/**
 * What became of one record of a batch ({@link CatalogIngestion#ingestAll}): its outcome, or the
 * exception that {@link CatalogIngestion#ingest} would have thrown for it alone.
 *
 * @param outcome null when {@code failure} is set
 * @param failure null when {@code outcome} is set
 */
public record IngestResult(String sourceKey, IngestOutcome outcome, RuntimeException failure) {
    public IngestResult {
        if ((outcome == null) == (failure == null)) {
            throw new IllegalArgumentException("exactly one of outcome and failure");
        }
    }
}
