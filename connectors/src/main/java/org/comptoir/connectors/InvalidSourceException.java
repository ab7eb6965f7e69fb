package org.comptoir.connectors;

import java.util.List;
import java.util.stream.Collectors;
import org.comptoir.catalog.dataset.FieldProblem;

/** A source cannot be registered as given; {@link #problems()} says what to fix, field by field. */
public class InvalidSourceException extends ConnectorException {
    private final List<FieldProblem> problems;

    public InvalidSourceException(List<FieldProblem> problems) {
        super("La source n'est pas valide : "
                + problems.stream().map(p -> p.field() + " : " + p.message()).collect(Collectors.joining(" ; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
