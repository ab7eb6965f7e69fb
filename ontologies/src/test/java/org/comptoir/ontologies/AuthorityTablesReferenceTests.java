package org.comptoir.ontologies;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.SKOS;
import org.comptoir.ontologies.AuthorityTables.Concept;
import org.comptoir.ontologies.AuthorityTables.Scheme;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks the bundled tables against the official EU vocabularies in {@code ../shared/reference}. */
class AuthorityTablesReferenceTests {

    @ParameterizedTest
    @CsvSource({
        "THEME, data-theme-skos.rdf",
        "FILE_TYPE, file-type.rdf",
        "FREQUENCY, frequency.rdf",
        "LANGUAGE, language.rdf",
        "ACCESS_RIGHT, access-right-skos.rdf"
    })
    void bundlesOnlyConceptsOfTheOfficialEuVocabulary(Scheme scheme, String file) {
        Path official = Fixtures.referenceDir().resolve("eu-vocabularies").resolve(file);
        Graph graph = RDFDataMgr.loadGraph(official.toString());
        var schemeNode = NodeFactory.createURI(scheme.iri());

        assertThat(AuthorityTables.bundled().scheme(scheme)).isNotEmpty().allSatisfy(concept -> assertThat(
                        graph.contains(NodeFactory.createURI(concept.iri()), SKOS.inScheme.asNode(), schemeNode))
                .as("%s is in %s", concept.iri(), file)
                .isTrue());
    }

    @ParameterizedTest
    @CsvSource({"THEME, data-theme-skos.rdf", "ACCESS_RIGHT, access-right-skos.rdf"})
    void agreesWithTheOfficialEnglishLabels(Scheme scheme, String file) {
        Path official = Fixtures.referenceDir().resolve("eu-vocabularies").resolve(file);
        Graph graph = RDFDataMgr.loadGraph(official.toString());

        for (Concept concept : AuthorityTables.bundled().scheme(scheme)) {
            var labels = graph.find(NodeFactory.createURI(concept.iri()), SKOS.prefLabel.asNode(), null)
                    .mapWith(t -> t.getObject())
                    .filterKeep(n -> n.getLiteralLanguage().equals("en"))
                    .mapWith(n -> n.getLiteralLexicalForm())
                    .toList();
            assertThat(labels).as(concept.iri()).isNotEmpty();
            assertThat(concept.label("en")).isEqualToIgnoringCase(labels.get(0));
        }
    }
}
