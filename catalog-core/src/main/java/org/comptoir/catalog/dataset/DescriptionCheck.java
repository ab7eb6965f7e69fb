package org.comptoir.catalog.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.comptoir.ontologies.ProjectShapes;

/**
 * Runs the project's SHACL shapes over a dataset description and says what is wrong in terms of
 * the API's fields, so a person can fix it.
 */
public final class DescriptionCheck {
    private static final Map<String, String> DATASET_FIELDS = Map.ofEntries(
            Map.entry(DCTerms.title.getURI(), "title"),
            Map.entry(DCTerms.description.getURI(), "description"),
            Map.entry(DCTerms.identifier.getURI(), "identifier"),
            Map.entry(DCAT.keyword.getURI(), "keywords"),
            Map.entry(DCAT.theme.getURI(), "themes"),
            Map.entry(DCTerms.publisher.getURI(), "publisher"),
            Map.entry(DCAT.contactPoint.getURI(), "contactPoint"),
            Map.entry(DCTerms.issued.getURI(), "issued"),
            Map.entry(DCTerms.modified.getURI(), "modified"),
            Map.entry(DCTerms.language.getURI(), "languages"),
            Map.entry(DCTerms.accrualPeriodicity.getURI(), "accrualPeriodicity"),
            Map.entry(DCTerms.spatial.getURI(), "spatial"),
            Map.entry(DCTerms.temporal.getURI(), "temporal"),
            Map.entry(DCAT.landingPage.getURI(), "landingPage"),
            Map.entry(DCTerms.accessRights.getURI(), "accessLevel"),
            Map.entry(DCAT.distribution.getURI(), "distributions"));
    private static final Map<String, String> DISTRIBUTION_FIELDS = Map.ofEntries(
            Map.entry(DCTerms.title.getURI(), "title"),
            Map.entry(DCTerms.description.getURI(), "description"),
            Map.entry(DCAT.accessURL.getURI(), "accessUrl"),
            Map.entry(DCAT.downloadURL.getURI(), "downloadUrl"),
            Map.entry(DCTerms.format.getURI(), "format"),
            Map.entry(DCAT.mediaType.getURI(), "mediaType"),
            Map.entry(DCTerms.license.getURI(), "license"),
            Map.entry(DCTerms.issued.getURI(), "issued"),
            Map.entry(DCTerms.modified.getURI(), "modified"));

    private DescriptionCheck() {}

    /**
     * @throws InvalidDatasetException listing every problem, when there is one
     */
    public static void check(Model model, Resource dataset) {
        var problems = problems(model, dataset);
        if (!problems.isEmpty()) {
            throw new InvalidDatasetException(problems);
        }
    }

    public static List<FieldProblem> problems(Model model, Resource dataset) {
        var distributions =
                model.listObjectsOfProperty(dataset, DCAT.distribution).mapWith(RDFNode::toString).toList().stream()
                        .sorted()
                        .toList();
        var problems = new ArrayList<FieldProblem>();
        for (var violation : ProjectShapes.bundled().validate(model.getGraph())) {
            var path = violation.path();
            int index = distributions.indexOf(violation.focusNode());
            String field;
            if (index >= 0) {
                field = "distributions[" + index + "]." + DISTRIBUTION_FIELDS.getOrDefault(path, String.valueOf(path));
            } else {
                field = path == null ? "dataset" : DATASET_FIELDS.getOrDefault(path, path);
            }
            problems.add(new FieldProblem(field, violation.message()));
        }
        return problems;
    }
}
