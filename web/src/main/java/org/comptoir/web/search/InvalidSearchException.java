package org.comptoir.web.search;

import java.util.List;
import org.comptoir.catalog.dataset.FieldProblem;
import org.comptoir.web.WebException;

/** Search parameters that cannot be understood; each problem names its parameter. */
public class InvalidSearchException extends WebException {
    private final List<FieldProblem> problems;

    public InvalidSearchException(List<FieldProblem> problems) {
        super("Invalid search: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
