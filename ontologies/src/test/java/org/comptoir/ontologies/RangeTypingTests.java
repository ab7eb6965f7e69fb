package org.comptoir.ontologies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.ontologies.Fixtures.budgetDataset;
import static org.comptoir.ontologies.Fixtures.dataset;
import static org.comptoir.ontologies.Fixtures.distribution;

import java.nio.file.Path;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;

class RangeTypingTests {

    @Test
    void typesObjectsWithTheirDcatApRange() {
        Model model = budgetDataset();

        RangeTyping.addRangeTypes(model);

        assertThat(typeOf(model, DCTerms.accessRights)).isEqualTo(DCTerms.RightsStatement);
        assertThat(model.contains(objectOf(dataset(model), DCAT.theme), RDF.type, SKOS.Concept))
                .isTrue();
        assertThat(model.contains(objectOf(dataset(model), DCTerms.accrualPeriodicity), RDF.type, DCTerms.Frequency))
                .isTrue();
        assertThat(model.contains(objectOf(distribution(model), DCTerms.format), RDF.type, DCTerms.MediaTypeOrExtent))
                .isTrue();
        assertThat(model.contains(objectOf(distribution(model), DCTerms.license), RDF.type, DCTerms.LicenseDocument))
                .isTrue();
        assertThat(model.contains(objectOf(dataset(model), DCAT.contactPoint), RDF.type, Vcard.Kind))
                .isTrue();
    }

    @Test
    void typesTheObjectsOfNodesItTypedItself() {
        Model model = budgetDataset();
        Resource distribution = distribution(model);
        distribution.removeAll(RDF.type);

        RangeTyping.addRangeTypes(model);

        assertThat(model.contains(distribution, RDF.type, DCAT.Distribution)).isTrue();
        assertThat(model.contains(objectOf(distribution, DCAT.mediaType), RDF.type, DCTerms.MediaType))
                .isTrue();
    }

    @Test
    void leavesLiteralsAndUntypedSubjectsAlone() {
        Model model = budgetDataset();
        dataset(model).addProperty(DCTerms.conformsTo, "norme locale");
        Resource stranger = model.createResource("https://example.org/note")
                .addProperty(DCTerms.license, model.createResource("https://example.org/licence"));

        RangeTyping.addRangeTypes(model);

        assertThat(model.contains(model.getResource("https://example.org/licence"), RDF.type))
                .isFalse();
        assertThat(stranger.hasProperty(RDF.type)).isFalse();
    }

    @Test
    void isIdempotent() {
        Model once = budgetDataset();
        RangeTyping.addRangeTypes(once);
        Model twice = budgetDataset();
        RangeTyping.addRangeTypes(twice);
        RangeTyping.addRangeTypes(twice);

        assertThat(twice.isIsomorphicWith(once)).isTrue();
    }

    @Test
    void makesADatasetConformToTheOfficialDcatApRangeShapes() {
        Path rangeShapes = Fixtures.referenceDir().resolve("dcat-ap/3.0.1/shacl/range.ttl");
        Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph(rangeShapes.toString()));
        Model model = budgetDataset();

        ValidationReport before = ShaclValidator.get().validate(shapes, model.getGraph());
        RangeTyping.addRangeTypes(model);
        ValidationReport after = ShaclValidator.get().validate(shapes, model.getGraph());

        assertThat(before.conforms()).isFalse();
        assertThat(before.getEntries())
                .extracting(e -> ((P_Link) e.resultPath()).getNode().getURI())
                .contains(DCTerms.accessRights.getURI(), DCTerms.license.getURI(), DCAT.theme.getURI());
        assertThat(after.getEntries()).isEmpty();
        assertThat(after.conforms()).isTrue();
    }

    private static Resource typeOf(Model model, Property property) {
        return objectOf(dataset(model), property).getPropertyResourceValue(RDF.type);
    }

    private static Resource objectOf(Resource subject, Property property) {
        return subject.getPropertyResourceValue(property);
    }
}
