package org.comptoir.ontologies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

/**
 * Types the objects of DCAT-AP properties with the class DCAT-AP 3 expects as their range
 * ({@code dct:license} → {@code dct:LicenseDocument}, {@code dcat:theme} → {@code skos:Concept}...), so
 * that a feed passes the class-range shapes of DCAT-AP ({@code range.ttl}), which check {@code sh:class}.
 *
 * <p>The table below restates the constraints of DCAT-AP 3.0.1's {@code range.ttl}, per class of subject,
 * because a few properties have a range that depends on it ({@code dct:source} of a catalogue record is a
 * catalogue record, of a dataset a dataset). Typing is repeated until nothing changes: a distribution
 * typed through {@code dcat:distribution} then gets its {@code dct:format} typed.
 *
 * <p>Beware that a type added may bring the node under other DCAT-AP shapes: a publisher typed
 * {@code foaf:Agent} is expected to have a {@code foaf:name}.
 */
public final class RangeTyping {

    private static final String FOAF = "http://xmlns.com/foaf/0.1/";
    private static final String PROV = "http://www.w3.org/ns/prov#";
    private static final String TIME = "http://www.w3.org/2006/time#";
    private static final String SPDX = "http://spdx.org/rdf/terms#";
    private static final String ODRL = "http://www.w3.org/ns/odrl/2/";
    private static final String ELI_LEGAL_RESOURCE = "http://data.europa.eu/eli/ontology#LegalResource";

    private static final Node TYPE = RDF.type.asNode();

    /** Subject class → (property → class of its objects). */
    private static final Map<Node, Map<Node, Node>> RANGES = ranges();

    private RangeTyping() {}

    /**
     * Adds {@code object rdf:type Class} for every triple whose subject's class and predicate have a class
     * range in DCAT-AP and whose object is an IRI or a blank node. Idempotent.
     */
    public static void addRangeTypes(Model model) {
        addRangeTypes(model.getGraph());
    }

    /** Same as {@link #addRangeTypes(Model)}, on a graph. */
    public static void addRangeTypes(Graph graph) {
        List<Triple> additions = new ArrayList<>();
        do {
            additions.clear();
            for (Map.Entry<Node, Map<Node, Node>> byClass : RANGES.entrySet()) {
                List<Node> subjects = graph.find(Node.ANY, TYPE, byClass.getKey())
                        .mapWith(Triple::getSubject)
                        .toList();
                for (Node subject : subjects) {
                    for (Map.Entry<Node, Node> range : byClass.getValue().entrySet()) {
                        graph.find(subject, range.getKey(), Node.ANY).forEachRemaining(t -> {
                            Node object = t.getObject();
                            if ((object.isURI() || object.isBlank())
                                    && !graph.contains(object, TYPE, range.getValue())) {
                                additions.add(Triple.create(object, TYPE, range.getValue()));
                            }
                        });
                    }
                }
            }
            additions.forEach(graph::add);
        } while (!additions.isEmpty());
    }

    private static Map<Node, Map<Node, Node>> ranges() {
        Node concept = SKOS.Concept.asNode();
        Node agent = uri(FOAF + "Agent");
        Node document = uri(FOAF + "Document");
        Node legalResource = uri(ELI_LEGAL_RESOURCE);
        Node catalog = DCAT.Catalog.asNode();
        Node dataset = DCAT.Dataset.asNode();
        Node distribution = DCAT.Distribution.asNode();
        Node dataService = DCAT.DataService.asNode();
        Node record = DCAT.CatalogRecord.asNode();
        Node linguisticSystem = DCTerms.LinguisticSystem.asNode();
        Node licenseDocument = DCTerms.LicenseDocument.asNode();
        Node location = DCTerms.Location.asNode();
        Node rightsStatement = DCTerms.RightsStatement.asNode();
        Node standard = DCTerms.Standard.asNode();
        Node mediaType = DCTerms.MediaType.asNode();
        Node mediaTypeOrExtent = DCTerms.MediaTypeOrExtent.asNode();
        Node frequency = DCTerms.Frequency.asNode();
        Node periodOfTime = DCTerms.PeriodOfTime.asNode();
        Node kind = Vcard.Kind.asNode();

        Map<Node, Map<Node, Node>> ranges = new LinkedHashMap<>();
        ranges.put(uri(FOAF + "Agent"), Map.of(DCTerms.type.asNode(), concept));
        ranges.put(
                record,
                Map.of(
                        DCTerms.conformsTo.asNode(), standard,
                        Adms.status.asNode(), concept,
                        DCTerms.language.asNode(), linguisticSystem,
                        DCTerms.source.asNode(), record));
        ranges.put(
                catalog,
                Map.ofEntries(
                        Map.entry(DCTerms.language.asNode(), linguisticSystem),
                        Map.entry(DcatAp.applicableLegislation.asNode(), legalResource),
                        Map.entry(DCTerms.license.asNode(), licenseDocument),
                        Map.entry(DCTerms.spatial.asNode(), location),
                        Map.entry(DCTerms.hasPart.asNode(), catalog),
                        Map.entry(DCTerms.isPartOf.asNode(), catalog),
                        Map.entry(DCTerms.rights.asNode(), rightsStatement),
                        Map.entry(DCAT.record.asNode(), record),
                        Map.entry(DCAT.themeTaxonomy.asNode(), SKOS.ConceptScheme.asNode()),
                        Map.entry(DCAT.service.asNode(), dataService),
                        Map.entry(DCAT.catalog.asNode(), catalog),
                        Map.entry(DCTerms.creator.asNode(), agent),
                        Map.entry(DCAT.dataset.asNode(), dataset),
                        Map.entry(DCTerms.publisher.asNode(), agent),
                        Map.entry(uri(FOAF + "homepage"), document)));
        ranges.put(
                dataService,
                Map.ofEntries(
                        Map.entry(DCTerms.accessRights.asNode(), rightsStatement),
                        Map.entry(DcatAp.applicableLegislation.asNode(), legalResource),
                        Map.entry(DCTerms.conformsTo.asNode(), standard),
                        Map.entry(DCAT.contactPoint.asNode(), kind),
                        Map.entry(DCTerms.format.asNode(), mediaTypeOrExtent),
                        Map.entry(DCAT.landingPage.asNode(), document),
                        Map.entry(DCTerms.license.asNode(), licenseDocument),
                        Map.entry(DCTerms.publisher.asNode(), agent),
                        Map.entry(DCAT.servesDataset.asNode(), dataset),
                        Map.entry(DCAT.theme.asNode(), concept)));
        ranges.put(
                dataset,
                Map.ofEntries(
                        Map.entry(DCTerms.accessRights.asNode(), rightsStatement),
                        Map.entry(DcatAp.applicableLegislation.asNode(), legalResource),
                        Map.entry(DCTerms.conformsTo.asNode(), standard),
                        Map.entry(DCAT.contactPoint.asNode(), kind),
                        Map.entry(DCTerms.creator.asNode(), agent),
                        Map.entry(DCAT.distribution.asNode(), distribution),
                        Map.entry(uri(FOAF + "page"), document),
                        Map.entry(DCTerms.accrualPeriodicity.asNode(), frequency),
                        Map.entry(DCTerms.spatial.asNode(), location),
                        Map.entry(DCTerms.hasVersion.asNode(), dataset),
                        Map.entry(Dcat3.inSeries.asNode(), Dcat3.DatasetSeries.asNode()),
                        Map.entry(DCAT.landingPage.asNode(), document),
                        Map.entry(DCTerms.language.asNode(), linguisticSystem),
                        Map.entry(Adms.identifier.asNode(), Adms.Identifier.asNode()),
                        Map.entry(DCTerms.provenance.asNode(), DCTerms.ProvenanceStatement.asNode()),
                        Map.entry(DCTerms.publisher.asNode(), agent),
                        Map.entry(uri(PROV + "qualifiedAttribution"), uri(PROV + "Attribution")),
                        Map.entry(DCAT.qualifiedRelation.asNode(), DCAT.Relationship.asNode()),
                        Map.entry(Adms.sample.asNode(), distribution),
                        Map.entry(DCTerms.source.asNode(), dataset),
                        Map.entry(DCTerms.temporal.asNode(), periodOfTime),
                        Map.entry(DCAT.theme.asNode(), concept),
                        Map.entry(DCTerms.type.asNode(), concept),
                        Map.entry(uri(PROV + "wasGeneratedBy"), uri(PROV + "Activity"))));
        ranges.put(
                distribution,
                Map.ofEntries(
                        Map.entry(DCAT.accessService.asNode(), dataService),
                        Map.entry(DcatAp.applicableLegislation.asNode(), legalResource),
                        Map.entry(DcatAp.availability.asNode(), concept),
                        Map.entry(uri(SPDX + "checksum"), uri(SPDX + "Checksum")),
                        Map.entry(DCAT.compressFormat.asNode(), mediaType),
                        Map.entry(uri(FOAF + "page"), document),
                        Map.entry(DCTerms.format.asNode(), mediaTypeOrExtent),
                        Map.entry(uri(ODRL + "hasPolicy"), uri(ODRL + "Policy")),
                        Map.entry(DCTerms.language.asNode(), linguisticSystem),
                        Map.entry(DCTerms.license.asNode(), licenseDocument),
                        Map.entry(DCTerms.conformsTo.asNode(), standard),
                        Map.entry(DCAT.mediaType.asNode(), mediaType),
                        Map.entry(DCAT.packageFormat.asNode(), mediaType),
                        Map.entry(DCTerms.rights.asNode(), rightsStatement),
                        Map.entry(Adms.status.asNode(), concept)));
        ranges.put(licenseDocument, Map.of(DCTerms.type.asNode(), concept));
        ranges.put(
                periodOfTime,
                Map.of(
                        uri(TIME + "hasBeginning"), uri(TIME + "Instant"),
                        uri(TIME + "hasEnd"), uri(TIME + "Instant")));
        ranges.put(DCAT.Relationship.asNode(), Map.of(DCAT.hadRole.asNode(), DCAT.Role.asNode()));
        ranges.put(
                Dcat3.DatasetSeries.asNode(),
                Map.of(
                        DcatAp.applicableLegislation.asNode(), legalResource,
                        DCAT.contactPoint.asNode(), kind,
                        DCTerms.accrualPeriodicity.asNode(), frequency,
                        DCTerms.spatial.asNode(), location,
                        DCTerms.publisher.asNode(), agent,
                        DCTerms.temporal.asNode(), periodOfTime));
        return Map.copyOf(ranges);
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
