package org.comptoir.web.feed;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;
import org.comptoir.catalog.dataset.Audience;
import org.comptoir.catalog.dataset.Datasets;
import org.comptoir.catalog.dataset.StoredDataset;
import org.comptoir.catalog.rdf.DatasetGraphs;
import org.comptoir.ontologies.Adms;
import org.comptoir.ontologies.AuthorityTables;
import org.comptoir.ontologies.Cpt;
import org.comptoir.ontologies.DcatAp;
import org.comptoir.ontologies.Dpv;
import org.comptoir.ontologies.Hydra;
import org.comptoir.ontologies.Locn;
import org.comptoir.ontologies.RangeTyping;
import org.comptoir.ontologies.Vcard;
import org.springframework.stereotype.Component;

/**
 * Builds the DCAT-AP 3 views of the catalogue: one page of the open catalogue with its Hydra
 * paging, or one dataset's own description. Datasets come from their stored descriptions, so a
 * property Comptoir does not model still goes out; the governance terms go with them, except the
 * owner's name and e-mail (people), which only the authority's own users see.
 */
@Component
class CatalogFeed {
    private static final String EU = "http://publications.europa.eu/resource/authority/";

    static final Map<String, String> PREFIXES = Map.ofEntries(
            Map.entry("rdf", RDF.uri),
            Map.entry("rdfs", RDFS.uri),
            Map.entry("xsd", XSD.NS),
            Map.entry("owl", OWL.NS),
            Map.entry("dcat", DCAT.NS),
            Map.entry("dct", DCTerms.NS),
            Map.entry("foaf", FOAF.NS),
            Map.entry("vcard", Vcard.NS),
            Map.entry("skos", SKOS.uri),
            Map.entry("adms", Adms.NS),
            Map.entry("dcatap", DcatAp.NS),
            Map.entry("locn", Locn.NS),
            Map.entry("gsp", Locn.GSP_NS),
            Map.entry("hydra", Hydra.NS),
            Map.entry("dpv", Dpv.NS),
            Map.entry("cpt", Cpt.NS));

    /**
     * The EU vocabularies the feed's controlled values come from, with their titles (French,
     * English): DCAT-AP requires a {@code dct:title} on a concept scheme, and several EU tables name
     * themselves with {@code skos:prefLabel} only.
     */
    private static final Map<String, List<String>> VOCABULARIES = Map.of(
            EU + "data-theme", List.of("Thèmes de données", "Data theme"),
            EU + "access-right", List.of("Droits d'accès", "Access right"),
            EU + "file-type", List.of("Types de fichiers", "File type"),
            EU + "frequency", List.of("Fréquences", "Frequency"),
            EU + "language", List.of("Langues", "Language"),
            EU + "distribution-status", List.of("Statuts de distribution", "Distribution status"));

    private static final String LANGUAGE_FRA = EU + "language/FRA";

    private final Datasets datasets;
    private final CatalogProperties properties;

    CatalogFeed(Datasets datasets, CatalogProperties properties) {
        this.datasets = datasets;
        this.properties = properties;
    }

    /**
     * One page of the open catalogue.
     *
     * @param base the public base of the catalogue's IRIs, ending with a slash
     * @param address the address of the listing without its query ({@code {base}catalog.ttl}), from
     *     which the paging links are made
     */
    Model page(FeedQuery query, String base, String address) {
        var model = newModel();
        var catalog = catalog(model, base);
        long total = datasets.countOpen(query.since());
        lastChange().ifPresent(modified -> catalog.addLiteral(DCTerms.modified, dateTime(model, modified)));
        catalog.addProperty(RDF.type, model.createResource(Hydra.NS + "Collection"));
        catalog.addLiteral(Hydra.totalItems, model.createTypedLiteral(String.valueOf(total), XSDDatatype.XSDinteger));
        int last = query.lastPage(total);
        var view = model.createResource(address + "?" + query.queryFor(query.page()))
                .addProperty(RDF.type, Hydra.PartialCollectionView)
                .addProperty(Hydra.first, model.createResource(address + "?" + query.queryFor(1)))
                .addProperty(Hydra.last, model.createResource(address + "?" + query.queryFor(last)));
        if (query.page() < last) {
            view.addProperty(Hydra.next, model.createResource(address + "?" + query.queryFor(query.page() + 1)));
        }
        if (query.page() > 1) {
            view.addProperty(
                    Hydra.previous,
                    model.createResource(address + "?" + query.queryFor(Math.min(query.page() - 1, last))));
        }
        catalog.addProperty(Hydra.view, view);
        if (query.offset() < total) {
            for (var stored : datasets.open(query.since(), (int) query.offset(), query.size())) {
                var dataset = addDataset(model, stored, base, Audience.PUBLIC);
                catalog.addProperty(DCAT.dataset, dataset);
            }
        }
        RangeTyping.addRangeTypes(model);
        return model;
    }

    /**
     * One dataset's description as {@code audience} may see it: the public sees open datasets only,
     * without the owner's name and e-mail.
     */
    Optional<Model> dataset(String id, String base, Audience audience) {
        return datasets.find(id)
                .filter(stored ->
                        audience == Audience.INTERNAL || stored.dataset().isOpen())
                .map(stored -> {
                    var model = newModel();
                    addDataset(model, stored, base, audience);
                    RangeTyping.addRangeTypes(model);
                    return model;
                });
    }

    private Resource catalog(Model model, String base) {
        var publisher = model.createResource(properties.publisherIri())
                .addProperty(RDF.type, FOAF.Agent)
                .addProperty(RDF.type, FOAF.Organization)
                .addProperty(FOAF.name, properties.publisherName(), "fr");
        VOCABULARIES.forEach((iri, titles) -> model.createResource(iri)
                .addProperty(RDF.type, SKOS.ConceptScheme)
                .addProperty(DCTerms.title, titles.get(0), "fr")
                .addProperty(DCTerms.title, titles.get(1), "en"));
        return model.createResource(base + "catalog")
                .addProperty(RDF.type, DCAT.Catalog)
                .addProperty(DCTerms.title, properties.titleFr(), "fr")
                .addProperty(DCTerms.title, properties.titleEn(), "en")
                .addProperty(DCTerms.description, properties.descriptionFr(), "fr")
                .addProperty(DCTerms.description, properties.descriptionEn(), "en")
                .addProperty(DCTerms.publisher, publisher)
                .addProperty(DCTerms.language, model.createResource(LANGUAGE_FRA))
                .addProperty(DCTerms.license, model.createResource(properties.license()))
                .addProperty(FOAF.homepage, model.createResource(base))
                .addProperty(DCAT.themeTaxonomy, model.createResource(AuthorityTables.Scheme.THEME.iri()));
    }

    /** Adds the public form of a stored description to {@code model}; returns the dataset's node. */
    private static Resource addDataset(Model model, StoredDataset stored, String base, Audience audience) {
        var description = DatasetGraphs.publicView(DatasetGraphs.fromNTriples(stored.graph()), base);
        if (audience != Audience.INTERNAL) {
            description.removeAll(null, Cpt.ownerName, null);
            description.removeAll(null, Cpt.ownerEmail, null);
        }
        model.add(description);
        return model.createResource(base + "datasets/" + stored.dataset().id());
    }

    /** When the last open dataset changed, if there is one. */
    private Optional<Instant> lastChange() {
        long count = datasets.countOpen(null);
        if (count == 0) {
            return Optional.empty();
        }
        return datasets.open(null, (int) (count - 1), 1).stream()
                .map(s -> s.dataset().provenance().updatedAt())
                .findFirst();
    }

    private static Literal dateTime(Model model, Instant instant) {
        return model.createTypedLiteral(instant.truncatedTo(ChronoUnit.SECONDS).toString(), XSDDatatype.XSDdateTime);
    }

    private static Model newModel() {
        var model = ModelFactory.createModelSameTerm();
        model.setNsPrefixes(PREFIXES);
        return model;
    }
}
