package org.comptoir.ontologies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.comptoir.ontologies.Fixtures.DATASET;
import static org.comptoir.ontologies.Fixtures.DISTRIBUTION;
import static org.comptoir.ontologies.Fixtures.budgetDataset;
import static org.comptoir.ontologies.Fixtures.dataset;
import static org.comptoir.ontologies.Fixtures.distribution;

import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class ProjectShapesTests {

    private static final Logger log = LoggerFactory.getLogger(ProjectShapesTests.class);

    private final ProjectShapes shapes = ProjectShapes.bundled();

    @Test
    void acceptsAWellFormedDataset() {
        assertThat(shapes.validate(budgetDataset().getGraph())).isEmpty();
    }

    @Test
    void rejectsDatasetWithoutTitleInFrench() {
        Model model = budgetDataset();
        dataset(model).removeAll(DCTerms.title);

        List<ShapeViolation> violations = shapes.validate(model.getGraph());

        assertThat(violations)
                .contains(new ShapeViolation(
                        DATASET,
                        DCTerms.title.getURI(),
                        "Le jeu de données n'a pas de titre (dct:title).",
                        "Violation"));
    }

    @Test
    void acceptsHarvestedDatasetTitledOnlyInEnglish() {
        Model model = budgetDataset();
        dataset(model).removeAll(DCTerms.title).addProperty(DCTerms.title, "2024 initial budget", "en");

        assertThat(shapes.validate(model.getGraph())).isEmpty();
    }

    @Test
    void acceptsRegionalFrenchTitle() {
        Model model = budgetDataset();
        dataset(model).removeAll(DCTerms.title).addProperty(DCTerms.title, "Budget primitif 2024", "fr-FR");

        assertThat(shapes.validate(model.getGraph())).isEmpty();
    }

    @Test
    void acceptsTitleWithoutLanguageTagAsSourcesOftenSendThem() {
        Model model = budgetDataset();
        dataset(model).addProperty(DCTerms.title, "Budget 2024");

        assertThat(shapes.validate(model.getGraph())).isEmpty();
    }

    @Test
    void rejectsTitleLongerThan300Characters() {
        Model model = budgetDataset();
        dataset(model).removeAll(DCTerms.title).addProperty(DCTerms.title, "B".repeat(301), "fr");

        assertThat(shapes.validate(model.getGraph()))
                .extracting(ShapeViolation::message)
                .containsExactly("Le titre dépasse 300 caractères.");
    }

    @Test
    void rejectsDatasetWithoutDescription() {
        Model model = budgetDataset();
        dataset(model).removeAll(DCTerms.description);

        assertThat(shapes.validate(model.getGraph()))
                .extracting(ShapeViolation::path)
                .containsExactly(DCTerms.description.getURI());
    }

    @Test
    void rejectsDistributionWithoutAccessUrlInFrench() {
        Model model = budgetDataset();
        distribution(model).removeAll(DCAT.accessURL);

        assertThat(shapes.validate(model.getGraph()))
                .containsExactly(new ShapeViolation(
                        DISTRIBUTION,
                        DCAT.accessURL.getURI(),
                        "La distribution n'a pas d'URL d'accès (dcat:accessURL).",
                        "Violation"));
    }

    @Test
    void rejectsUntypedDistributionWithoutAccessUrl() {
        Model model = budgetDataset();
        distribution(model).removeAll(DCAT.accessURL).removeAll(RDF.type);

        assertThat(shapes.validate(model.getGraph()))
                .extracting(ShapeViolation::focusNode, ShapeViolation::path)
                .containsExactly(tuple(DISTRIBUTION, DCAT.accessURL.getURI()));
    }

    @Test
    void rejectsAccessUrlGivenAsText() {
        Model model = budgetDataset();
        distribution(model)
                .removeAll(DCAT.accessURL)
                .addProperty(DCAT.accessURL, "https://data.exemple-commune.fr/files/budget.csv");

        assertThat(shapes.validate(model.getGraph()))
                .extracting(ShapeViolation::message)
                .containsExactly("L'URL d'accès d'une distribution doit être une IRI, pas un texte.");
    }

    @Test
    void rejectsTwoModificationDatesAndDatesGivenAsText() {
        Model model = budgetDataset();
        dataset(model).addProperty(DCTerms.modified, "1er mars 2024");

        assertThat(shapes.validate(model.getGraph()))
                .extracting(ShapeViolation::message)
                .containsExactlyInAnyOrder(
                        "Le jeu de données a plusieurs dates de mise à jour (dct:modified).",
                        "La date de mise à jour doit être une date (xsd:date) ou une date et heure (xsd:dateTime).");
    }

    @Test
    void rejectsThemeAndLanguageGivenAsText() {
        Model model = budgetDataset();
        dataset(model).addProperty(DCAT.theme, "Finances").addProperty(DCTerms.language, "fr");

        assertThat(shapes.validate(model.getGraph()))
                .extracting(ShapeViolation::path)
                .containsExactlyInAnyOrder(DCAT.theme.getURI(), DCTerms.language.getURI());
    }

    @Test
    void acceptsIssuedDateAsDateTime() {
        Model model = budgetDataset();
        dataset(model)
                .removeAll(DCTerms.issued)
                .addLiteral(DCTerms.issued, model.createTypedLiteral("2024-01-15T08:30:00Z", XSDDatatype.XSDdateTime));

        assertThat(shapes.validate(model.getGraph())).isEmpty();
    }

    @Test
    void validatesSmallDatasetGraphsQuickly() {
        Model valid = budgetDataset();
        Model invalid = budgetDataset();
        distribution(invalid).removeAll(DCAT.accessURL);
        int runs = 5_000;
        measure(valid, runs); // warm-up
        measure(invalid, runs);

        long validMicros = measure(valid, runs);
        long invalidMicros = measure(invalid, runs);
        log.info(
                "ProjectShapes: {} µs per valid and {} µs per invalid {}-triple dataset graph ({} runs each)",
                validMicros,
                invalidMicros,
                valid.size(),
                runs);

        assertThat(shapes.validate(valid.getGraph())).isEmpty();
        assertThat(shapes.validate(invalid.getGraph())).hasSize(1);
    }

    private long measure(Model model, int runs) {
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            shapes.validate(model.getGraph());
        }
        return (System.nanoTime() - start) / 1_000 / runs;
    }
}
