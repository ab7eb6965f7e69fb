package org.comptoir.catalog.ingest;

import java.util.List;
import org.comptoir.catalog.dataset.FieldProblem;

/**
 * What became of one harvested record.
 *
 * @param kind {@code RECONCILED}: the record's key was new, but its landing page, a distribution URL
 *     or an identifier named one dataset of the source, which now has the record's key (and kept its
 *     identifier and public IRI)
 * @param previousSourceKey the key a reconciled dataset had before; null otherwise
 */
public record IngestOutcome(Kind kind, String datasetId, List<FieldProblem> problems, String previousSourceKey) {
    public enum Kind {
        ADDED,
        UPDATED,
        UNCHANGED,
        RECONCILED,
        FAILED
    }

    public IngestOutcome {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public IngestOutcome(Kind kind, String datasetId, List<FieldProblem> problems) {
        this(kind, datasetId, problems, null);
    }

    public static IngestOutcome failed(List<FieldProblem> problems) {
        return new IngestOutcome(Kind.FAILED, null, problems);
    }
}
