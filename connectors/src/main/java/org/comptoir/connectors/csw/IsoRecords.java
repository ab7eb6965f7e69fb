package org.comptoir.connectors.csw;

import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.comptoir.catalog.ingest.HarvestedRecord;
import org.comptoir.connectors.mapping.DatasetDescription;
import org.comptoir.ontologies.Dcat3;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Maps one ISO 19139 {@code gmd:MD_Metadata} to a GeoDCAT-AP dataset, following GeoDCAT-AP's
 * mapping where the catalogue models the property:
 *
 * <ul>
 *   <li>key: the record's {@code GetRecordById} address on the endpoint ({@code fileIdentifier} as
 *       {@code id}); {@code fileIdentifier} is also the {@code dct:identifier};
 *   <li>title and abstract, in the record's language, with their {@code PT_FreeText} translations;
 *   <li>keywords; topic categories as {@code dct:subject} (INSPIRE registry IRIs) and as the EU
 *       data theme closest to each;
 *   <li>the responsible party with role {@code publisher} as publisher (else the owner, custodian or
 *       point of contact), the one with role {@code pointOfContact} as contact point (else the
 *       metadata contact);
 *   <li>the geographic bounding box (a west bound east of the east bound is read as the two
 *       swapped, a mistake met in French catalogues, rather than as a box across the antimeridian),
 *       the temporal extent, the creation or publication date as
 *       issued and the revision date (else the date stamp) as modified, the maintenance frequency;
 *   <li>legal and usage constraints: a licence when one names a bundled licence, the others as
 *       rights statements;
 *   <li>each online resource as a distribution: a download ({@code WWW:DOWNLOAD}, function {@code
 *       download}) as download URL, a service ({@code OGC:WMS}...) or a link as access URL, the
 *       protocol as format when it names one;
 *   <li>a {@code series} record is a {@code dcat:DatasetSeries}; {@code service} records (describing
 *       a WMS rather than data) are not datasets and are left out.
 * </ul>
 */
final class IsoRecords {
    static final String MEDIA_TYPE = "application/xml";
    private static final String TOPIC = "http://inspire.ec.europa.eu/metadata-codelist/TopicCategory/";
    private static final Map<String, String> THEMES = Map.ofEntries(
            Map.entry("farming", "AGRI"),
            Map.entry("biota", "ENVI"),
            Map.entry("boundaries", "REGI"),
            Map.entry("climatologyMeteorologyAtmosphere", "ENVI"),
            Map.entry("economy", "ECON"),
            Map.entry("elevation", "ENVI"),
            Map.entry("environment", "ENVI"),
            Map.entry("geoscientificInformation", "TECH"),
            Map.entry("health", "HEAL"),
            Map.entry("imageryBaseMapsEarthCover", "ENVI"),
            Map.entry("intelligenceMilitary", "JUST"),
            Map.entry("inlandWaters", "ENVI"),
            Map.entry("location", "REGI"),
            Map.entry("oceans", "ENVI"),
            Map.entry("planningCadastre", "REGI"),
            Map.entry("society", "SOCI"),
            Map.entry("structure", "REGI"),
            Map.entry("transportation", "TRAN"),
            Map.entry("utilitiesCommunication", "ENER"));
    private static final NamespaceContext NAMESPACES = new NamespaceContext() {
        private final Map<String, String> prefixes = Map.of(
                "gmd", CswKind.GMD,
                "gco", "http://www.isotc211.org/2005/gco",
                "gmx", "http://www.isotc211.org/2005/gmx",
                "xlink", "http://www.w3.org/1999/xlink");

        @Override
        public String getNamespaceURI(String prefix) {
            return prefixes.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
        }

        @Override
        public String getPrefix(String namespaceURI) {
            return null;
        }

        @Override
        public java.util.Iterator<String> getPrefixes(String namespaceURI) {
            return java.util.Collections.emptyIterator();
        }
    };
    private static final String TEXT = "*[self::gco:CharacterString or self::gmx:Anchor]";

    private IsoRecords() {}

    static Optional<HarvestedRecord> record(Element metadata, String endpoint) {
        var x = new Paths();
        var id = x.text(metadata, "gmd:fileIdentifier/" + TEXT);
        var scope = x.text(metadata, "gmd:hierarchyLevel/gmd:MD_ScopeCode/@codeListValue");
        if (id == null || "service".equals(scope)) {
            return Optional.empty();
        }
        var key = endpoint + "?service=CSW&version=2.0.2&request=GetRecordById&elementSetName=full&outputSchema="
                + CswKind.GMD + "&id=" + URLEncoder.encode(id, StandardCharsets.UTF_8);
        var language = DatasetDescription.languageTag(
                x.text(metadata, "gmd:language/gmd:LanguageCode/@codeListValue|gmd:language/gco:CharacterString"));
        var d = DatasetDescription.of(key, language != null ? language : "fr").identifier(id);
        if ("series".equals(scope)) {
            d.add(RDF.type, Dcat3.DatasetSeries);
        }
        var identification = x.node(metadata, "gmd:identificationInfo/*[1]");
        if (identification == null) {
            return Optional.of(d.record(key, serialise(metadata), MEDIA_TYPE));
        }
        var citation = x.node(identification, "gmd:citation/gmd:CI_Citation");
        translated(x, d, citation, "gmd:title", true);
        translated(x, d, identification, "gmd:abstract", false);
        for (var date : x.nodes(citation, "gmd:date/gmd:CI_Date")) {
            var type = x.text(date, "gmd:dateType/gmd:CI_DateTypeCode/@codeListValue");
            var value = x.text(date, "gmd:date/gco:Date|gmd:date/gco:DateTime");
            if ("revision".equals(type)) {
                d.modified(value);
            } else if ("publication".equals(type) || "creation".equals(type)) {
                d.issued(value);
            }
        }
        d.modified(x.text(metadata, "gmd:dateStamp/gco:Date|gmd:dateStamp/gco:DateTime"));
        for (var keyword : x.texts(identification, "gmd:descriptiveKeywords/gmd:MD_Keywords/gmd:keyword/" + TEXT)) {
            d.keyword(keyword);
        }
        for (var topic : x.texts(identification, "gmd:topicCategory/gmd:MD_TopicCategoryCode")) {
            d.add(DCTerms.subject, d.model().createResource(TOPIC + topic));
            d.theme(THEMES.get(topic));
        }
        parties(x, d, identification, metadata);
        for (var box : x.nodes(
                identification, "gmd:extent/gmd:EX_Extent/gmd:geographicElement/gmd:EX_GeographicBoundingBox")) {
            var west = x.number(box, "gmd:westBoundLongitude/gco:Decimal");
            var east = x.number(box, "gmd:eastBoundLongitude/gco:Decimal");
            var south = x.number(box, "gmd:southBoundLatitude/gco:Decimal");
            var north = x.number(box, "gmd:northBoundLatitude/gco:Decimal");
            if (west != null && east != null && south != null && north != null) {
                d.bbox(Math.min(west, east), south, Math.max(west, east), north);
            }
        }
        var period = x.node(
                identification, "gmd:extent/gmd:EX_Extent/gmd:temporalElement/gmd:EX_TemporalExtent/gmd:extent/*");
        if (period != null) {
            d.temporal(
                    x.text(
                            period,
                            "*[local-name()='beginPosition']|*[local-name()='begin']//*[local-name()='timePosition']"),
                    x.text(
                            period,
                            "*[local-name()='endPosition']|*[local-name()='end']//*[local-name()='timePosition']"));
        }
        d.frequency(
                x.text(
                        identification,
                        "gmd:resourceMaintenance/gmd:MD_MaintenanceInformation/gmd:maintenanceAndUpdateFrequency/gmd:MD_MaintenanceFrequencyCode/@codeListValue"));
        constraints(x, d, identification);
        distributions(x, d, metadata);
        return Optional.of(d.record(key, serialise(metadata), MEDIA_TYPE));
    }

    private static void translated(Paths x, DatasetDescription d, Node parent, String element, boolean title) {
        var value = x.text(parent, element + "/" + TEXT);
        if (title) {
            d.title(value);
        } else {
            d.description(value);
        }
        for (var localised : x.nodes(parent, element + "/gmd:PT_FreeText/gmd:textGroup/gmd:LocalisedCharacterString")) {
            var locale = ((Element) localised).getAttribute("locale").replace("#", "");
            var lang = DatasetDescription.languageTag(locale.length() > 3 ? locale.substring(0, 2) : locale);
            if (lang != null && !lang.equals(d.language(null))) {
                if (title) {
                    d.title(localised.getTextContent(), lang);
                } else {
                    d.description(localised.getTextContent(), lang);
                }
            }
        }
    }

    private static void parties(Paths x, DatasetDescription d, Node identification, Element metadata) {
        var parties = x.nodes(
                identification,
                "gmd:pointOfContact/gmd:CI_ResponsibleParty"
                        + "|gmd:citation/gmd:CI_Citation/gmd:citedResponsibleParty/gmd:CI_ResponsibleParty");
        for (var role : List.of("publisher", "owner", "custodian", "pointOfContact", "originator", "distributor")) {
            for (var party : parties) {
                if (role.equals(x.text(party, "gmd:role/gmd:CI_RoleCode/@codeListValue"))) {
                    d.publisher(null, x.text(party, "gmd:organisationName/" + TEXT));
                }
            }
        }
        var contacts = new ArrayList<>(parties);
        contacts.addAll(x.nodes(metadata, "gmd:contact/gmd:CI_ResponsibleParty"));
        for (var party : contacts) {
            if ("pointOfContact".equals(x.text(party, "gmd:role/gmd:CI_RoleCode/@codeListValue"))) {
                contact(x, d, party);
            }
        }
        contacts.forEach(party -> contact(x, d, party));
    }

    private static void contact(Paths x, DatasetDescription d, Node party) {
        var name = x.text(party, "gmd:organisationName/" + TEXT);
        d.contactPoint(
                name != null ? name : x.text(party, "gmd:individualName/" + TEXT),
                x.text(
                        party,
                        "gmd:contactInfo/gmd:CI_Contact/gmd:address/gmd:CI_Address/gmd:electronicMailAddress/" + TEXT),
                x.text(
                        party,
                        "gmd:contactInfo/gmd:CI_Contact/gmd:onlineResource/gmd:CI_OnlineResource/gmd:linkage/gmd:URL"));
    }

    private static void constraints(Paths x, DatasetDescription d, Node identification) {
        var texts = new ArrayList<String>();
        for (var constraint : x.nodes(identification, "gmd:resourceConstraints/*")) {
            texts.addAll(x.texts(constraint, "gmd:useLimitation/" + TEXT));
            texts.addAll(x.texts(constraint, "gmd:otherConstraints/gmx:Anchor/@xlink:href"));
            texts.addAll(x.texts(constraint, "gmd:otherConstraints/" + TEXT));
        }
        var licensed = false;
        for (var text : texts) {
            if (!licensed && d.licenceInText(text)) {
                licensed = true;
                continue;
            }
            if (DatasetDescription.webIri(text) == null) {
                d.rights(text);
            }
        }
    }

    private static void distributions(Paths x, DatasetDescription d, Element metadata) {
        var formats = x.texts(
                metadata,
                "gmd:distributionInfo/gmd:MD_Distribution/gmd:distributionFormat/gmd:MD_Format/gmd:name/" + TEXT);
        for (var online : x.nodes(
                metadata,
                "gmd:distributionInfo/gmd:MD_Distribution/gmd:transferOptions/gmd:MD_DigitalTransferOptions/gmd:onLine/gmd:CI_OnlineResource")) {
            var url = x.text(online, "gmd:linkage/gmd:URL");
            var protocol = x.text(online, "gmd:protocol/" + TEXT);
            var function = x.text(online, "gmd:function/gmd:CI_OnLineFunctionCode/@codeListValue");
            var download = "download".equals(function) || (protocol != null && protocol.startsWith("WWW:DOWNLOAD"));
            var service = protocol != null && protocol.startsWith("OGC:")
                    ? protocol.substring(4).replaceAll("[-_].*", "")
                    : null;
            d.distribution(null)
                    .title(x.text(online, "gmd:name/" + TEXT))
                    .description(x.text(online, "gmd:description/" + TEXT))
                    .accessUrl(url)
                    .downloadUrl(download ? url : null)
                    .format(service != null ? service : download && formats.size() == 1 ? formats.get(0) : null)
                    .add();
        }
    }

    private static String serialise(Element metadata) {
        try {
            var factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            var transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            var out = new StringWriter();
            transformer.transform(new DOMSource(metadata), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise a parsed ISO record", e);
        }
    }

    /** XPath over one record, namespaces of ISO 19139 bound. */
    private static final class Paths {
        private final XPath xpath;

        Paths() {
            xpath = XPathFactory.newInstance().newXPath();
            xpath.setNamespaceContext(NAMESPACES);
        }

        Node node(Node context, String path) {
            var nodes = nodes(context, path);
            return nodes.isEmpty() ? null : nodes.get(0);
        }

        List<Node> nodes(Node context, String path) {
            if (context == null) {
                return List.of();
            }
            try {
                var list = (NodeList) xpath.evaluate(path, context, XPathConstants.NODESET);
                var result = new ArrayList<Node>();
                for (int i = 0; i < list.getLength(); i++) {
                    result.add(list.item(i));
                }
                return result;
            } catch (XPathExpressionException e) {
                throw new IllegalStateException(path, e);
            }
        }

        String text(Node context, String path) {
            return texts(context, path).stream().findFirst().orElse(null);
        }

        List<String> texts(Node context, String path) {
            return nodes(context, path).stream()
                    .map(Node::getTextContent)
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }

        Double number(Node context, String path) {
            try {
                var text = text(context, path);
                return text == null ? null : Double.valueOf(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
