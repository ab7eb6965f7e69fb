package org.comptoir.ontologies;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;

/** Test data shared by the tests of this module. */
final class Fixtures {

    static final String DATASET = "https://data.exemple-commune.fr/datasets/budget-primitif-2024";
    static final String DISTRIBUTION = DATASET + "/csv";

    private Fixtures() {}

    /** A fresh copy of a well-formed DCAT-AP 3 dataset with one CSV distribution. */
    static Model budgetDataset() {
        Model model = ModelFactory.createDefaultModel();
        RDFParser.source(Fixtures.class.getResourceAsStream("budget-dataset.ttl"))
                .lang(Lang.TURTLE)
                .parse(model);
        return model;
    }

    static Resource dataset(Model model) {
        return model.getResource(DATASET);
    }

    static Resource distribution(Model model) {
        return model.getResource(DISTRIBUTION);
    }

    /** The shared reference directory ({@code ../shared/reference}); skips the test when it is absent. */
    static Path referenceDir() {
        String dir = System.getProperty("comptoir.reference.dir");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "../shared/reference absent: skipping");
        return Path.of(dir);
    }
}
