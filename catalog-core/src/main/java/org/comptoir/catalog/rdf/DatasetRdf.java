package org.comptoir.catalog.rdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.comptoir.catalog.dataset.AccessLevel;
import org.comptoir.catalog.dataset.Agent;
import org.comptoir.catalog.dataset.ContactPoint;
import org.comptoir.catalog.dataset.DataService;
import org.comptoir.catalog.dataset.DatasetKind;
import org.comptoir.catalog.dataset.Description;
import org.comptoir.catalog.dataset.Distribution;
import org.comptoir.catalog.dataset.Governance;
import org.comptoir.catalog.dataset.LangText;
import org.comptoir.catalog.dataset.Owner;
import org.comptoir.catalog.dataset.PersonalData;
import org.comptoir.catalog.dataset.PublicationStatus;
import org.comptoir.catalog.dataset.Spatial;
import org.comptoir.catalog.dataset.Temporal;
import org.comptoir.ontologies.Adms;
import org.comptoir.ontologies.AuthorityTables;
import org.comptoir.ontologies.Cpt;
import org.comptoir.ontologies.Dcat3;
import org.comptoir.ontologies.DcatAp;
import org.comptoir.ontologies.Locn;
import org.comptoir.ontologies.Vcard;

/**
 * Maps a dataset between its DCAT-AP 3 RDF description and the catalogue's records, both ways.
 *
 * <p>The mapping is deliberately partial: {@link #read} takes what the catalogue models, {@link
 * #write} writes it back, and {@link #residue} keeps everything else a source said, so a stored
 * description is always {@code write(read(g)) + residue(g)} and nothing is lost.
 */
public final class DatasetRdf {
    private static final String IANA = "https://www.iana.org/assignments/media-types/";
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Property SCHEMA_START =
            org.apache.jena.rdf.model.ResourceFactory.createProperty("http://schema.org/startDate");
    private static final Property SCHEMA_END =
            org.apache.jena.rdf.model.ResourceFactory.createProperty("http://schema.org/endDate");

    /** Properties of a dataset the mapping owns: their values come from the record alone. */
    private static final Set<Property> DATASET_PROPERTIES = Set.of(
            DCTerms.title,
            DCTerms.description,
            DCTerms.identifier,
            DCAT.keyword,
            DCAT.theme,
            DCTerms.publisher,
            DCAT.contactPoint,
            DCTerms.issued,
            DCTerms.modified,
            DCTerms.language,
            DCTerms.accrualPeriodicity,
            DCTerms.spatial,
            DCTerms.temporal,
            DCAT.landingPage,
            DCTerms.conformsTo,
            Dcat3.version,
            Dcat3.inSeries,
            DcatAp.applicableLegislation,
            DCAT.distribution,
            DCTerms.accessRights,
            Cpt.personalData,
            Cpt.publicationStatus,
            Cpt.orgUnit,
            Cpt.ownerName,
            Cpt.ownerEmail);

    private static final Set<Property> DISTRIBUTION_PROPERTIES = Set.of(
            DCTerms.title,
            DCTerms.description,
            DCAT.accessURL,
            DCAT.downloadURL,
            DCTerms.format,
            DCAT.mediaType,
            DCTerms.license,
            DCTerms.rights,
            DcatAp.availability,
            Adms.status,
            DCAT.byteSize,
            DCTerms.issued,
            DCTerms.modified,
            DCTerms.language,
            DCTerms.conformsTo,
            DCAT.accessService);

    private static final Set<Property> AGENT_PROPERTIES = Set.of(FOAF.name);

    private DatasetRdf() {}

    /** What {@link #read} found: the description, the governance the source stated, the kind. */
    public record Read(
            DatasetKind kind,
            Description description,
            Owner owner,
            Optional<AccessLevel> accessLevel,
            Optional<PersonalData> personalData,
            Optional<PublicationStatus> status) {
        public Governance governance(Governance defaults) {
            var owner = this.owner.orgUnit() == null && this.owner.name() == null ? defaults.owner() : this.owner;
            return new Governance(
                    owner,
                    accessLevel.orElse(defaults.accessLevel()),
                    personalData.orElse(defaults.personalData()),
                    status.orElse(defaults.status()));
        }
    }

    public static Read read(Resource dataset) {
        var kind = dataset.hasProperty(RDF.type, Dcat3.DatasetSeries) ? DatasetKind.SERIES : DatasetKind.DATASET;
        var description = new Description(
                langText(dataset, DCTerms.title),
                langText(dataset, DCTerms.description),
                firstLexical(dataset, DCTerms.identifier),
                keywords(dataset),
                iris(dataset, DCAT.theme),
                publisher(dataset),
                contactPoint(dataset),
                dateLexical(dataset, DCTerms.issued),
                dateLexical(dataset, DCTerms.modified),
                iris(dataset, DCTerms.language),
                firstIri(dataset, DCTerms.accrualPeriodicity),
                spatial(dataset),
                temporal(dataset),
                firstIri(dataset, DCAT.landingPage),
                iris(dataset, DCTerms.conformsTo),
                Optional.ofNullable(firstLexical(dataset, Dcat3.version))
                        .orElseGet(() -> firstLexical(dataset, OWL.versionInfo)),
                iris(dataset, Dcat3.inSeries),
                iris(dataset, DcatAp.applicableLegislation),
                distributions(dataset));
        var owner = new Owner(
                firstLexical(dataset, Cpt.orgUnit),
                firstLexical(dataset, Cpt.ownerName),
                firstLexical(dataset, Cpt.ownerEmail));
        return new Read(
                kind,
                description,
                owner,
                Optional.ofNullable(AccessLevel.fromIri(firstIri(dataset, DCTerms.accessRights))),
                Optional.ofNullable(PersonalData.fromIri(firstIri(dataset, Cpt.personalData))),
                Optional.ofNullable(PublicationStatus.fromIri(firstIri(dataset, Cpt.publicationStatus))));
    }

    /**
     * The description to store for {@code dataset}: what the record says, plus what {@code previous}
     * (the description stored or received before) said beyond what the catalogue models.
     *
     * @param previous the earlier description, with the dataset under its local IRI; null for none
     */
    public static Model describe(org.comptoir.catalog.dataset.Dataset dataset, Model previous) {
        var node = LocalIris.dataset(dataset.id());
        var written = ModelFactory.createModelSameTerm();
        write(written, node, dataset.kind(), dataset.description(), dataset.governance());
        return previous == null ? written : written.add(residue(previous, written, node));
    }

    /** Writes the modelled properties of a dataset into {@code model} under {@code node}. */
    public static Resource write(Model model, Resource node, DatasetKind kind, Description d, Governance governance) {
        var dataset = model.createResource(node.getURI());
        dataset.addProperty(RDF.type, DCAT.Dataset);
        if (kind == DatasetKind.SERIES) {
            dataset.addProperty(RDF.type, Dcat3.DatasetSeries);
        }
        addLangText(dataset, DCTerms.title, d.title());
        addLangText(dataset, DCTerms.description, d.description());
        addLiteral(dataset, DCTerms.identifier, d.identifier());
        d.keywords().forEach(k -> dataset.addProperty(DCAT.keyword, k, "fr"));
        addIris(dataset, DCAT.theme, d.themes());
        if (d.publisher() != null) {
            var publisher = d.publisher().iri() == null
                    ? model.createResource()
                    : model.createResource(d.publisher().iri());
            addLangText(publisher, FOAF.name, d.publisher().name());
            dataset.addProperty(DCTerms.publisher, publisher);
        }
        if (d.contactPoint() != null) {
            var contact = model.createResource(Vcard.Organization);
            addLiteral(contact, Vcard.fn, d.contactPoint().name());
            if (d.contactPoint().email() != null) {
                var email = d.contactPoint().email();
                contact.addProperty(
                        Vcard.hasEmail, model.createResource(email.startsWith("mailto:") ? email : "mailto:" + email));
            }
            addIri(contact, Vcard.hasURL, d.contactPoint().url());
            dataset.addProperty(DCAT.contactPoint, contact);
        }
        addDate(dataset, DCTerms.issued, d.issued());
        addDate(dataset, DCTerms.modified, d.modified());
        addIris(dataset, DCTerms.language, d.languages());
        addIri(dataset, DCTerms.accrualPeriodicity, d.accrualPeriodicity());
        if (d.spatial() != null) {
            addIris(dataset, DCTerms.spatial, d.spatial().places());
            if (d.spatial().bbox() != null || d.spatial().geometry() != null) {
                var location = model.createResource(DCTerms.Location);
                if (d.spatial().bbox() != null) {
                    location.addProperty(
                            DCAT.bbox,
                            model.createTypedLiteral(
                                    d.spatial().bbox(), geoType(d.spatial().bbox())));
                }
                if (d.spatial().geometry() != null) {
                    location.addProperty(
                            Locn.geometry,
                            model.createTypedLiteral(
                                    d.spatial().geometry(), geoType(d.spatial().geometry())));
                }
                dataset.addProperty(DCTerms.spatial, location);
            }
        }
        if (d.temporal() != null
                && (d.temporal().start() != null || d.temporal().end() != null)) {
            var period = model.createResource(DCTerms.PeriodOfTime);
            addDate(period, DCAT.startDate, d.temporal().start());
            addDate(period, DCAT.endDate, d.temporal().end());
            dataset.addProperty(DCTerms.temporal, period);
        }
        addIri(dataset, DCAT.landingPage, d.landingPage());
        addIris(dataset, DCTerms.conformsTo, d.conformsTo());
        addLiteral(dataset, Dcat3.version, d.version());
        addIris(dataset, Dcat3.inSeries, d.inSeries());
        addIris(dataset, DcatAp.applicableLegislation, d.applicableLegislation());
        for (var distribution : d.distributions()) {
            dataset.addProperty(DCAT.distribution, writeDistribution(model, distribution));
        }
        if (governance != null) {
            dataset.addProperty(
                    DCTerms.accessRights,
                    model.createResource(governance.accessLevel().iri()));
            dataset.addProperty(
                    Cpt.personalData,
                    model.createResource(governance.personalData().iri()));
            dataset.addProperty(
                    Cpt.publicationStatus,
                    model.createResource(governance.status().iri()));
            addLiteral(dataset, Cpt.orgUnit, governance.owner().orgUnit());
            addLiteral(dataset, Cpt.ownerName, governance.owner().name());
            addLiteral(dataset, Cpt.ownerEmail, governance.owner().email());
        }
        return dataset;
    }

    /**
     * What {@code graph} says that the mapping does not model: on the dataset, its distributions
     * and its publisher, the statements whose property the mapping does not own (plus keywords in
     * other languages than French); on any other IRI subject, the statements {@code written} lacks;
     * with the blank nodes they lead to. Values of modelled properties are owned by the record, so
     * an edit replaces them. Only statements still reachable from {@code dataset} are kept.
     */
    public static Model residue(Model graph, Model written, Resource dataset) {
        var distributions = new java.util.HashSet<RDFNode>();
        var agents = new java.util.HashSet<RDFNode>();
        for (var model : List.of(graph, written)) {
            model.listObjectsOfProperty(DCAT.distribution).forEach(distributions::add);
            model.listObjectsOfProperty(DCTerms.publisher).forEach(agents::add);
        }
        var residue = ModelFactory.createModelSameTerm();
        graph.listSubjects().filterKeep(RDFNode::isURIResource).forEach(subject -> {
            Set<Property> owned = subject.equals(dataset)
                    ? DATASET_PROPERTIES
                    : distributions.contains(subject)
                            ? DISTRIBUTION_PROPERTIES
                            : agents.contains(subject) ? AGENT_PROPERTIES : null;
            subject.listProperties().forEach(statement -> {
                boolean keep;
                if (owned == null) {
                    keep = !written.contains(statement);
                } else if (statement.getPredicate().equals(DCAT.keyword)) {
                    keep = statement.getObject().isLiteral()
                            && !statement.getLiteral().getLanguage().isEmpty()
                            && !statement.getLiteral().getLanguage().equalsIgnoreCase("fr");
                } else {
                    keep = !owned.contains(statement.getPredicate());
                }
                if (keep) {
                    residue.add(statement);
                    if (statement.getObject().isAnon()) {
                        addClosure(residue, statement.getObject().asResource());
                    }
                }
            });
        });
        return reachable(residue, written, dataset);
    }

    private static Model reachable(Model residue, Model written, Resource dataset) {
        var union = ModelFactory.createUnion(written, residue);
        var seen = new java.util.HashSet<RDFNode>();
        var queue = new java.util.ArrayDeque<Resource>();
        queue.add(dataset);
        while (!queue.isEmpty()) {
            var node = queue.poll();
            if (!seen.add(node)) {
                continue;
            }
            union.listStatements(node, null, (RDFNode) null).forEach(s -> {
                if (s.getObject().isResource()) {
                    queue.add(s.getObject().asResource());
                }
            });
        }
        var kept = ModelFactory.createModelSameTerm();
        residue.listStatements().filterKeep(s -> seen.contains(s.getSubject())).forEach(kept::add);
        return kept;
    }

    private static void addClosure(Model target, Resource blank) {
        blank.listProperties().forEach(s -> {
            target.add(s);
            if (s.getObject().isAnon()) {
                addClosure(target, s.getObject().asResource());
            }
        });
    }

    private static Resource writeDistribution(Model model, Distribution d) {
        var node = d.iri() == null ? model.createResource() : model.createResource(d.iri());
        node.addProperty(RDF.type, DCAT.Distribution);
        addLangText(node, DCTerms.title, d.title());
        addLangText(node, DCTerms.description, d.description());
        addIri(node, DCAT.accessURL, d.accessUrl());
        addIri(node, DCAT.downloadURL, d.downloadUrl());
        addIri(node, DCTerms.format, d.format());
        addIri(node, DCAT.mediaType, d.mediaType());
        addIri(node, DCTerms.license, d.license());
        addIri(node, DCTerms.rights, d.rights());
        addIri(node, DcatAp.availability, d.availability());
        addIri(node, Adms.status, d.status());
        if (d.byteSize() != null) {
            node.addProperty(
                    DCAT.byteSize,
                    model.createTypedLiteral(String.valueOf(d.byteSize()), XSDDatatype.XSDnonNegativeInteger));
        }
        addDate(node, DCTerms.issued, d.issued());
        addDate(node, DCTerms.modified, d.modified());
        addIris(node, DCTerms.language, d.languages());
        addIris(node, DCTerms.conformsTo, d.conformsTo());
        if (d.accessService() != null) {
            var service = d.accessService();
            var serviceNode = service.iri() == null ? model.createResource() : model.createResource(service.iri());
            serviceNode.addProperty(RDF.type, DCAT.DataService);
            addLangText(serviceNode, DCTerms.title, service.title());
            addIri(serviceNode, DCAT.endpointURL, service.endpointUrl());
            addIri(serviceNode, DCAT.endpointDescription, service.endpointDescription());
            node.addProperty(DCAT.accessService, serviceNode);
        }
        return node;
    }

    private static List<Distribution> distributions(Resource dataset) {
        var result = new ArrayList<Distribution>();
        dataset.listProperties(DCAT.distribution).forEach(s -> {
            if (s.getObject().isResource()) {
                result.add(distribution(s.getObject().asResource()));
            }
        });
        result.sort(Comparator.comparing(d -> d.iri() == null ? "" : d.iri()));
        return result;
    }

    private static Distribution distribution(Resource node) {
        return new Distribution(
                node.isURIResource() ? node.getURI() : null,
                langText(node, DCTerms.title),
                langText(node, DCTerms.description),
                firstIri(node, DCAT.accessURL),
                firstIri(node, DCAT.downloadURL),
                format(node),
                mediaType(node),
                firstIri(node, DCTerms.license),
                firstIri(node, DCTerms.rights),
                firstIri(node, DcatAp.availability),
                firstIri(node, Adms.status),
                byteSize(node),
                dateLexical(node, DCTerms.issued),
                dateLexical(node, DCTerms.modified),
                iris(node, DCTerms.language),
                iris(node, DCTerms.conformsTo),
                accessService(node));
    }

    private static DataService accessService(Resource distribution) {
        var statement = distribution.getProperty(DCAT.accessService);
        if (statement == null || !statement.getObject().isResource()) {
            return null;
        }
        var service = statement.getResource();
        return new DataService(
                service.isURIResource() ? service.getURI() : null,
                langText(service, DCTerms.title),
                firstIri(service, DCAT.endpointURL),
                firstIri(service, DCAT.endpointDescription));
    }

    /** A format IRI, or the EU file type a literal format ("CSV", "text/csv") names. */
    private static String format(Resource distribution) {
        var iri = firstIri(distribution, DCTerms.format);
        if (iri != null) {
            return iri;
        }
        var literal = firstLexical(distribution, DCTerms.format);
        return literal == null
                ? null
                : AuthorityTables.bundled()
                        .fileTypeFor(literal)
                        .map(c -> c.iri())
                        .orElse(null);
    }

    private static String mediaType(Resource distribution) {
        var iri = firstIri(distribution, DCAT.mediaType);
        if (iri != null) {
            return iri;
        }
        var literal = firstLexical(distribution, DCAT.mediaType);
        return literal != null && literal.matches("[\\w.+-]+/[\\w.+-]+") ? IANA + literal : null;
    }

    private static Long byteSize(Resource node) {
        var lexical = firstLexical(node, DCAT.byteSize);
        if (lexical == null) {
            return null;
        }
        try {
            return new java.math.BigDecimal(lexical.strip()).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    private static Agent publisher(Resource dataset) {
        var statement = dataset.getProperty(DCTerms.publisher);
        if (statement == null || !statement.getObject().isResource()) {
            return null;
        }
        var agent = statement.getResource();
        var name = langText(agent, FOAF.name);
        if (name.isEmpty()) {
            name = langText(agent, SKOS.prefLabel);
        }
        return new Agent(agent.isURIResource() ? agent.getURI() : null, name);
    }

    private static ContactPoint contactPoint(Resource dataset) {
        var statement = dataset.getProperty(DCAT.contactPoint);
        if (statement == null || !statement.getObject().isResource()) {
            return null;
        }
        var contact = statement.getResource();
        var email = Optional.ofNullable(firstIri(contact, Vcard.hasEmail))
                .orElseGet(() -> firstLexical(contact, Vcard.hasEmail));
        if (email != null && email.startsWith("mailto:")) {
            email = email.substring("mailto:".length());
        }
        return new ContactPoint(firstLexical(contact, Vcard.fn), email, firstIri(contact, Vcard.hasURL));
    }

    private static Spatial spatial(Resource dataset) {
        var places = new ArrayList<String>();
        String bbox = null;
        String geometry = null;
        for (var statement : dataset.listProperties(DCTerms.spatial).toList()) {
            var object = statement.getObject();
            if (object.isURIResource()) {
                places.add(object.asResource().getURI());
            } else if (object.isAnon()) {
                bbox = bbox != null ? bbox : firstLexical(object.asResource(), DCAT.bbox);
                geometry = geometry != null ? geometry : firstLexical(object.asResource(), Locn.geometry);
            }
        }
        var spatial = new Spatial(places, bbox, geometry);
        return spatial.isEmpty() ? null : spatial;
    }

    private static Temporal temporal(Resource dataset) {
        var statement = dataset.getProperty(DCTerms.temporal);
        if (statement == null || !statement.getObject().isResource()) {
            return null;
        }
        var period = statement.getResource();
        var start = Optional.ofNullable(dateLexical(period, DCAT.startDate))
                .orElseGet(() -> dateLexical(period, SCHEMA_START));
        var end =
                Optional.ofNullable(dateLexical(period, DCAT.endDate)).orElseGet(() -> dateLexical(period, SCHEMA_END));
        return start == null && end == null ? null : new Temporal(start, end);
    }

    private static List<String> keywords(Resource dataset) {
        var result = new ArrayList<String>();
        dataset.listProperties(DCAT.keyword).forEach(s -> {
            if (s.getObject().isLiteral()) {
                var literal = s.getLiteral();
                if (literal.getLanguage().isEmpty() || literal.getLanguage().equalsIgnoreCase("fr")) {
                    result.add(literal.getLexicalForm().strip());
                }
            }
        });
        result.sort(String::compareTo);
        return result;
    }

    private static LangText langText(Resource node, Property property) {
        var values = new HashMap<String, String>();
        node.listProperties(property).forEach(s -> {
            if (s.getObject().isLiteral()) {
                values.putIfAbsent(s.getLiteral().getLanguage(), s.getLiteral().getLexicalForm());
            }
        });
        return new LangText(new java.util.TreeMap<>(values));
    }

    private static List<String> iris(Resource node, Property property) {
        return node
                .listProperties(property)
                .filterKeep(s -> s.getObject().isURIResource())
                .mapWith(s -> s.getResource().getURI())
                .toList()
                .stream()
                .sorted()
                .toList();
    }

    private static String firstIri(Resource node, Property property) {
        return iris(node, property).stream().findFirst().orElse(null);
    }

    private static String firstLexical(Resource node, Property property) {
        return node
                .listProperties(property)
                .filterKeep(s -> s.getObject().isLiteral())
                .mapWith(s -> s.getLiteral().getLexicalForm())
                .toList()
                .stream()
                .sorted()
                .findFirst()
                .orElse(null);
    }

    private static String dateLexical(Resource node, Property property) {
        var lexical = firstLexical(node, property);
        return lexical == null ? null : lexical.strip();
    }

    private static void addLangText(Resource node, Property property, LangText text) {
        if (text == null) {
            return;
        }
        text.values().forEach((lang, value) -> node.addProperty(property, value, lang));
    }

    private static void addLiteral(Resource node, Property property, String value) {
        if (value != null && !value.isBlank()) {
            node.addProperty(property, value);
        }
    }

    private static void addIri(Resource node, Property property, String iri) {
        if (iri != null && !iri.isBlank()) {
            node.addProperty(property, node.getModel().createResource(iri));
        }
    }

    private static void addIris(Resource node, Property property, List<String> iris) {
        iris.forEach(iri -> addIri(node, property, iri));
    }

    /** Dates keep the precision the source gave: year, year-month, date or date-time. */
    private static void addDate(Resource node, Property property, String lexical) {
        if (lexical == null || lexical.isBlank()) {
            return;
        }
        XSDDatatype type;
        if (YEAR.matcher(lexical).matches()) {
            type = XSDDatatype.XSDgYear;
        } else if (YEAR_MONTH.matcher(lexical).matches()) {
            type = XSDDatatype.XSDgYearMonth;
        } else if (lexical.contains("T")) {
            type = XSDDatatype.XSDdateTime;
        } else {
            type = XSDDatatype.XSDdate;
        }
        Literal literal = node.getModel().createTypedLiteral(lexical, type);
        node.addProperty(property, literal);
    }

    private static org.apache.jena.datatypes.RDFDatatype geoType(String value) {
        var iri = value.stripLeading().startsWith("{") ? Locn.GEOJSON_LITERAL : Locn.WKT_LITERAL;
        return org.apache.jena.datatypes.TypeMapper.getInstance().getSafeTypeByName(iri);
    }
}
