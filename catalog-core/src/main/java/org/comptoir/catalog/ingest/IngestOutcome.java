package org.comptoir.catalog.ingest;

import java.util.List;
import org.comptoir.catalog.dataset.FieldProblem;

/** What became of one harvested record. */
public record IngestOutcome(Kind kind, String datasetId, List<FieldProblem> problems) {
    public enum Kind {
        ADDED,
        UPDATED,
        UNCHANGED,
        FAILED
    }

    public static IngestOutcome failed(List<FieldProblem> problems) {
        return new IngestOutcome(Kind.FAILED, null, List.copyOf(problems));
    }
}
