package org.comptoir.web.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.comptoir.ontologies.Adms;
import org.comptoir.ontologies.Cpt;
import org.comptoir.ontologies.Hydra;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The open-data feed as harvesters and the public meet it, on the demo catalogue. */
class CatalogFeedIntegrationTests extends DemoCatalogueServer {
    private static final Map<String, Lang> SYNTAXES = Map.of(
            "text/turtle", Lang.TURTLE,
            "application/rdf+xml", Lang.RDFXML,
            "application/ld+json", Lang.JSONLD,
            "application/n-triples", Lang.NTRIPLES);
    private static final Map<String, String> EXTENSIONS = Map.of(
            "ttl", "text/turtle",
            "rdf", "application/rdf+xml",
            "jsonld", "application/ld+json",
            "nt", "application/n-triples");
    private static final String BATIMENTS = "https://gmao.demo-metropole.example/datasets/batiments";

    @Test
    void everySyntaxParsesAndGivesTheSameGraph() throws Exception {
        var reference = rdf("/catalog?size=1000", "text/turtle");
        assertThat(datasetsOf(reference)).isNotEmpty();
        for (var syntax : SYNTAXES.entrySet()) {
            var response = get("/catalog?size=1000", syntax.getKey());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                    .isEqualToIgnoringCase(syntax.getKey() + ";charset=UTF-8");
            assertThat(response.headers().allValues("Vary")).anyMatch(v -> v.contains("Accept"));
            var graph = parse(response.body(), syntax.getValue());
            assertThat(graph.isIsomorphicWith(reference))
                    .as("%s gives the same graph as Turtle", syntax.getKey())
                    .isTrue();
        }
        for (var extension : EXTENSIONS.entrySet()) {
            var response = get("/catalog." + extension.getKey() + "?size=1000", "text/html");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                    .isEqualToIgnoringCase(extension.getValue() + ";charset=UTF-8");
            var graph = parse(response.body(), SYNTAXES.get(extension.getValue()));
            assertThat(withoutPaging(graph).isIsomorphicWith(withoutPaging(reference)))
                    .as("/catalog.%s gives the same catalogue as /catalog", extension.getKey())
                    .isTrue();
        }
    }

    @Test
    void turtleIsTheDefaultForBrowsersAndClientsThatSayNothing() throws Exception {
        for (var accept :
                new String[] {null, "*/*", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}) {
            var response = get("/catalog", accept);
            assertThat(response.statusCode()).as("Accept %s", accept).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("text/turtle");
        }
    }

    @Test
    void catalogDescribesItselfInFrenchAndEnglish() throws Exception {
        var page = rdf("/catalog", "text/turtle");
        var catalog = page.getResource(url("/catalog"));

        assertThat(catalog.hasProperty(RDF.type, DCAT.Catalog)).isTrue();
        assertThat(languages(catalog, DCTerms.title)).contains("fr", "en");
        assertThat(languages(catalog, DCTerms.description)).contains("fr", "en");
        var publisher = catalog.getPropertyResourceValue(DCTerms.publisher);
        assertThat(publisher.getURI()).isEqualTo("https://demo-metropole.example/org/metropole");
        assertThat(publisher.hasProperty(RDF.type, FOAF.Organization)).isTrue();
        assertThat(publisher.hasProperty(FOAF.name)).isTrue();
        assertThat(catalog.hasProperty(
                        DCTerms.language,
                        page.getResource("http://publications.europa.eu/resource/authority/language/FRA")))
                .isTrue();
        assertThat(catalog.hasProperty(
                        DCAT.themeTaxonomy,
                        page.getResource("http://publications.europa.eu/resource/authority/data-theme")))
                .isTrue();
        assertThat(catalog.getProperty(DCTerms.modified).getLiteral().getDatatypeURI())
                .isEqualTo(XSDDatatype.XSDdateTime.getURI());
        assertThat(catalog.getPropertyResourceValue(DCTerms.license).getURI())
                .isEqualTo("https://www.etalab.gouv.fr/licence-ouverte-open-licence/");
        assertThat(catalog.getPropertyResourceValue(FOAF.homepage).getURI()).isEqualTo(url("/"));
    }

    @Test
    void pagingCoversEveryOpenDatasetExactlyOnceAndNextChainsToTheEnd() throws Exception {
        var open = openDatasetIris();
        var pages = pages(url("/catalog?size=7"), "text/turtle");

        var seen = new ArrayList<String>();
        for (int i = 0; i < pages.size(); i++) {
            var page = pages.get(i);
            var view = viewOf(page);
            var datasets = datasetsOf(page);
            seen.addAll(datasets);
            assertThat(view.getURI()).endsWith("/catalog?page=" + (i + 1) + "&size=7");
            assertThat(datasets).hasSizeLessThanOrEqualTo(7);
            assertThat(view.getPropertyResourceValue(Hydra.first).getURI()).endsWith("/catalog?page=1&size=7");
            assertThat(view.getPropertyResourceValue(Hydra.last).getURI())
                    .endsWith("/catalog?page=" + pages.size() + "&size=7");
            assertThat(view.hasProperty(Hydra.previous)).isEqualTo(i > 0);
            assertThat(view.hasProperty(Hydra.next)).isEqualTo(i < pages.size() - 1);
            assertThat(totalItems(page)).isEqualTo(open.size());
        }
        assertThat(pages).hasSize((open.size() + 6) / 7);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(open);
    }

    @Test
    void modifiedSinceInTheFutureGivesNothingAndInThePastGivesEverything() throws Exception {
        var open = openDatasetIris();

        var future = rdf("/catalog?modified_since=2999-01-01", "text/turtle");
        var past = rdf(
                "/catalog?size=1000&modified_since="
                        + URLEncoder.encode("2000-01-01T00:00:00+02:00", StandardCharsets.UTF_8),
                "text/turtle");

        assertThat(datasetsOf(future)).isEmpty();
        assertThat(totalItems(future)).isZero();
        assertThat(viewOf(future).hasProperty(Hydra.next)).isFalse();
        assertThat(datasetsOf(past)).containsExactlyInAnyOrderElementsOf(open);
        assertThat(viewOf(past).getURI()).contains("modified_since=2000-01-01T00%3A00%3A00%2B02%3A00");
    }

    @Test
    void malformedParametersAreRefusedWithAProblem() throws Exception {
        for (var query :
                List.of("modified_since=yesterday", "modified_since=2025-13-45", "page=0", "size=1001", "size=abc")) {
            var response = get("/catalog?" + query, "text/turtle");

            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/problem+json");
            var problem = JSON.readTree(response.body());
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            assertThat(problem.get("detail").asString()).isNotBlank();
        }
    }

    @Test
    void closedDatasetsNeverAppearInTheFeedNorDereferenceAnonymously() throws Exception {
        var all = allDatasetsAsCdo();
        var closed = all.stream().filter(d -> !isOpen(d)).toList();
        assertThat(closed)
                .as("the demo has personal, sensitive, pseudonymised, restricted, non-public and unpublished datasets")
                .anyMatch(d -> d.get("personalData").asString().equals("PERSONAL"))
                .anyMatch(d -> d.get("personalData").asString().equals("SENSITIVE"))
                .anyMatch(d -> d.get("personalData").asString().equals("PSEUDONYMISED"))
                .anyMatch(d -> d.get("accessLevel").asString().equals("RESTRICTED"))
                .anyMatch(d -> d.get("accessLevel").asString().equals("NON_PUBLIC"))
                .anyMatch(d -> !d.get("status").asString().equals("PUBLISHED"));
        var feed = union(pages(url("/catalog"), "text/turtle"));
        var mentioned = new HashSet<String>();
        feed.listStatements().forEach(s -> {
            mentioned.add(s.getSubject().toString());
            mentioned.add(s.getObject().toString());
        });

        for (var dataset : closed) {
            var iri = dataset.get("iri").asString();
            assertThat(mentioned).as("feed mentions closed %s", iri).noneMatch(n -> n.startsWith(iri));
            assertThat(get(iri, "text/turtle").statusCode()).as("GET %s", iri).isEqualTo(404);
            assertThat(get(iri + ".ttl", null).statusCode())
                    .as("GET %s.ttl", iri)
                    .isEqualTo(404);
            assertThat(get(iri + ".jsonld", null).statusCode())
                    .as("GET %s.jsonld", iri)
                    .isEqualTo(404);
        }
    }

    @Test
    void datasetIrisInTheFeedDereferenceToTheirDescription() throws Exception {
        var feed = union(pages(url("/catalog"), "text/turtle"));
        var datasets = datasetsOf(feed);
        assertThat(datasets).isNotEmpty();

        for (var iri : datasets) {
            var description = rdf(iri, "text/turtle");
            var dataset = description.getResource(iri);
            assertThat(dataset.hasProperty(RDF.type, DCAT.Dataset)).as(iri).isTrue();
            assertThat(dataset.hasProperty(DCTerms.title)).as(iri).isTrue();
            assertThat(rdf(iri + ".nt", null).isIsomorphicWith(description))
                    .as("%s.nt", iri)
                    .isTrue();
        }
    }

    @Test
    void unmodelledPropertiesOfAHarvestedDatasetComeBackOut() throws Exception {
        var iri = allDatasetsAsCdo().stream()
                .filter(d -> BATIMENTS.equals(d.path("sourceKey").asString()))
                .map(d -> d.get("iri").asString())
                .findFirst()
                .orElseThrow();
        var feed = union(pages(url("/catalog"), "text/turtle"));

        for (var graph : List.of(feed, rdf(iri, "application/ld+json"))) {
            var dataset = graph.getResource(iri);
            var notes = dataset.getProperty(Adms.versionNotes);
            assertThat(notes).isNotNull();
            assertThat(notes.getString()).isEqualTo("Version consolidée");
            assertThat(notes.getLanguage()).isEqualTo("fr");
            var resolution = dataset.getProperty(DCAT.spatialResolutionInMeters);
            assertThat(resolution).isNotNull();
            assertThat(resolution.getLiteral().getDatatypeURI()).isEqualTo(XSDDatatype.XSDdecimal.getURI());
            assertThat(resolution.getDouble()).isEqualTo(1.0);
        }
    }

    @Test
    void ownerNamesNeverAppearInThePublicFeedButOtherGovernanceTermsDo() throws Exception {
        var responses = new ArrayList<byte[]>();
        var feed = ModelFactory.createDefaultModel();
        for (var page : pages(url("/catalog"), "application/n-triples")) {
            feed.add(page);
        }
        var anyDataset = datasetsOf(feed).getFirst();
        responses.add(get(anyDataset, "text/turtle").body());
        responses.add(get("/catalog?size=1000", "application/n-triples").body());

        assertThat(feed.listStatements(null, Cpt.ownerName, (RDFNode) null).toList())
                .isEmpty();
        assertThat(feed.listStatements(null, Cpt.ownerEmail, (RDFNode) null).toList())
                .isEmpty();
        assertThat(feed.listStatements(null, Cpt.orgUnit, (RDFNode) null).toList())
                .isNotEmpty();
        assertThat(feed.listStatements(null, Cpt.personalData, (RDFNode) null).toList())
                .isNotEmpty();
        for (var body : responses) {
            var text = new String(body, StandardCharsets.UTF_8);
            assertThat(text).doesNotContain(Cpt.ownerName.getURI()).doesNotContain("Claire Dumoulin");
        }
    }

    private Set<String> openDatasetIris() throws Exception {
        var open = new HashSet<String>();
        for (JsonNode dataset : allDatasetsAsCdo()) {
            if (isOpen(dataset)) {
                open.add(dataset.get("iri").asString());
            }
        }
        assertThat(open).isNotEmpty();
        return open;
    }

    private static boolean isOpen(JsonNode dataset) {
        var personal = dataset.get("personalData").asString();
        return dataset.get("status").asString().equals("PUBLISHED")
                && dataset.get("accessLevel").asString().equals("PUBLIC")
                && (personal.equals("NONE") || personal.equals("ANONYMISED"));
    }

    private static List<String> datasetsOf(Model page) {
        return page.listObjectsOfProperty(DCAT.dataset)
                .mapWith(n -> n.asResource().getURI())
                .toList();
    }

    private static Resource viewOf(Model page) {
        var views = page.listSubjectsWithProperty(RDF.type, Hydra.PartialCollectionView)
                .toList();
        assertThat(views).hasSize(1);
        return views.getFirst();
    }

    private static long totalItems(Model page) {
        var totals = page.listObjectsOfProperty(Hydra.totalItems).toList();
        assertThat(totals).hasSize(1);
        return totals.getFirst().asLiteral().getLong();
    }

    private static Set<String> languages(Resource node, org.apache.jena.rdf.model.Property property) {
        var languages = new HashSet<String>();
        node.listProperties(property).forEach(s -> languages.add(s.getLanguage()));
        return languages;
    }

    /** The graph without the paging view, whose links name the address it was read at. */
    private static Model withoutPaging(Model graph) {
        var copy = ModelFactory.createDefaultModel().add(graph);
        for (var view : copy.listSubjectsWithProperty(RDF.type, Hydra.PartialCollectionView)
                .toList()) {
            copy.removeAll(view, null, null);
            copy.removeAll(null, Hydra.view, view);
        }
        return copy;
    }
}
