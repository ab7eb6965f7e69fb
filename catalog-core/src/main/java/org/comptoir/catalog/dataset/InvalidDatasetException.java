package org.comptoir.catalog.dataset;

import java.util.List;
import org.comptoir.catalog.CatalogException;

/** A dataset description that breaks the catalogue's shapes; each problem is listed. */
public class InvalidDatasetException extends CatalogException {
    private final List<FieldProblem> problems;

    public InvalidDatasetException(List<FieldProblem> problems) {
        super("Description de jeu de données invalide : "
                + problems.stream().map(FieldProblem::message).toList());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
