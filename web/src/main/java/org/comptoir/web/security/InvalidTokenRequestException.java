package org.comptoir.web.security;

import java.util.List;
import org.comptoir.catalog.dataset.FieldProblem;
import org.comptoir.web.WebException;

/** A token asked for with a blank name or an expiry that is past or too far; each problem names its field. */
public class InvalidTokenRequestException extends WebException {
    private final List<FieldProblem> problems;

    public InvalidTokenRequestException(List<FieldProblem> problems) {
        super("Invalid token request: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
