package org.comptoir.connectors.mapping;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.comptoir.catalog.ingest.HarvestedRecord;
import org.comptoir.ontologies.AuthorityTables;
import org.comptoir.ontologies.AuthorityTables.Concept;
import org.comptoir.ontologies.AuthorityTables.Scheme;
import org.comptoir.ontologies.Locn;
import org.comptoir.ontologies.Vcard;
import tools.jackson.databind.JsonNode;

/**
 * A dataset's DCAT-AP 3 description, written the way the catalogue reads it, from the fields of a
 * source that does not speak RDF. Every setter ignores a blank or unreadable value, so a mapping
 * can pass what the source gave without checking it first; what cannot be written stays in the raw
 * payload.
 *
 * <ul>
 *   <li>texts carry the language the source declared, else the kind's default; HTML becomes text
 *       ({@link Texts});
 *   <li>themes, frequencies, languages and file types become concepts of the EU tables when a code,
 *       label or common name designates one; an unknown theme becomes a keyword, an unknown format a
 *       labelled node;
 *   <li>the licence (given once for the dataset, as most portals do) goes on each distribution as a
 *       bundled licence when an alias designates one, else as its IRI when it is a web address,
 *       else as a rights statement on the dataset;
 *   <li>spatial coverage is a WGS84 bounding box in WKT ({@code dcat:bbox}), optionally a GeoJSON
 *       geometry ({@code locn:geometry}), or place IRIs.
 * </ul>
 */
public final class DatasetDescription {
    private static final AuthorityTables TABLES = AuthorityTables.bundled();
    private static final String DATA_THEME = "http://publications.europa.eu/resource/authority/data-theme/";
    private static final String IANA = "https://www.iana.org/assignments/media-types/";
    private static final Pattern MEDIA_TYPE = Pattern.compile("[\\w.+-]+/[\\w.+-]+");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*");
    private static final Set<String> WEB_SCHEMES = Set.of("http", "https", "ftp");

    /** Frequencies as CKAN (ckanext-dcat), udata and ISO 19115 name them, to EU frequency codes. */
    private static final Map<String, String> FREQUENCIES = Map.ofEntries(
            Map.entry("continuous", "CONT"),
            Map.entry("continual", "CONT"),
            Map.entry("realtime", "CONT"),
            Map.entry("hourly", "HOURLY"),
            Map.entry("daily", "DAILY"),
            Map.entry("fourtimesaday", "DAILY_2"),
            Map.entry("threetimesaday", "DAILY_2"),
            Map.entry("semidaily", "DAILY_2"),
            Map.entry("weekly", "WEEKLY"),
            Map.entry("semiweekly", "WEEKLY_2"),
            Map.entry("threetimesaweek", "WEEKLY_3"),
            Map.entry("biweekly", "BIWEEKLY"),
            Map.entry("fortnightly", "BIWEEKLY"),
            Map.entry("monthly", "MONTHLY"),
            Map.entry("semimonthly", "MONTHLY_2"),
            Map.entry("threetimesamonth", "MONTHLY_3"),
            Map.entry("bimonthly", "BIMONTHLY"),
            Map.entry("quarterly", "QUARTERLY"),
            Map.entry("threetimesayear", "ANNUAL_3"),
            Map.entry("semiannual", "ANNUAL_2"),
            Map.entry("biannually", "ANNUAL_2"),
            Map.entry("annual", "ANNUAL"),
            Map.entry("annually", "ANNUAL"),
            Map.entry("yearly", "ANNUAL"),
            Map.entry("biennial", "BIENNIAL"),
            Map.entry("triennial", "TRIENNIAL"),
            Map.entry("quinquennial", "QUINQUENNIAL"),
            Map.entry("irregular", "IRREG"),
            Map.entry("asneeded", "AS_NEEDED"),
            Map.entry("punctual", "NOT_PLANNED"),
            Map.entry("notplanned", "NOT_PLANNED"),
            Map.entry("never", "NEVER"),
            Map.entry("unknown", "UNKNOWN"));

    private final Model model = ModelFactory.createModelSameTerm();
    private final Resource dataset;
    private final String language;
    private final List<Resource> distributions = new ArrayList<>();
    private Resource location;
    private String licence;

    private DatasetDescription(String iri, String language) {
        this.dataset = model.createResource(iri).addProperty(RDF.type, DCAT.Dataset);
        this.language = language;
    }

    /**
     * A description of the dataset {@code iri}, its texts in {@code language} unless told otherwise.
     *
     * @param language a language tag ({@code fr}), or null for texts without language
     */
    public static DatasetDescription of(String iri, String language) {
        return new DatasetDescription(iri, language);
    }

    /** The dataset's node. */
    public Resource dataset() {
        return dataset;
    }

    /** The description's model, for statements no setter covers. */
    public Model model() {
        return model;
    }

    /** The language texts get when {@code declared} is not a language tag: declared else the default. */
    public String language(String declared) {
        var tag = languageTag(declared);
        return tag != null ? tag : language;
    }

    /**
     * The language tag a source's language code stands for ({@code fr}, {@code FR}, {@code fre},
     * {@code fra} give {@code fr}), or null when it is not a language code.
     */
    public static String languageTag(String declared) {
        if (declared == null || !LANGUAGE_TAG.matcher(declared.strip()).matches()) {
            return null;
        }
        var tag = declared.strip().toLowerCase(Locale.ROOT);
        return switch (tag) {
            case "fre", "fra" -> "fr";
            case "eng" -> "en";
            case "ger", "deu" -> "de";
            case "spa" -> "es";
            case "ita" -> "it";
            default -> tag.length() == 3 ? null : tag;
        };
    }

    public DatasetDescription title(String text) {
        return title(text, language);
    }

    public DatasetDescription title(String text, String lang) {
        return text(dataset, DCTerms.title, text, lang);
    }

    public DatasetDescription description(String text) {
        return description(text, language);
    }

    public DatasetDescription description(String text, String lang) {
        return text(dataset, DCTerms.description, text, lang);
    }

    public DatasetDescription identifier(String identifier) {
        return literal(DCTerms.identifier, identifier);
    }

    public DatasetDescription version(String version) {
        return literal(org.comptoir.ontologies.Dcat3.version, version);
    }

    public DatasetDescription keyword(String keyword) {
        return keyword(keyword, language);
    }

    public DatasetDescription keyword(String keyword, String lang) {
        var text = keyword == null ? null : keyword.strip();
        if (text != null && !text.isEmpty()) {
            dataset.addProperty(
                    DCAT.keyword, lang == null ? model.createLiteral(text) : model.createLiteral(text, lang));
        }
        return this;
    }

    /**
     * A theme: an EU data theme named by its code ({@code ENVI}), IRI or label ({@code
     * Environnement}, {@code Transport}), or any other concept's IRI; anything else becomes a keyword.
     */
    public DatasetDescription theme(String theme) {
        if (theme == null || theme.isBlank()) {
            return this;
        }
        var value = theme.strip();
        var concept = euTheme(value);
        if (concept.isPresent()) {
            dataset.addProperty(DCAT.theme, model.createResource(concept.get().iri()));
        } else if (webIri(value) != null) {
            dataset.addProperty(DCAT.theme, model.createResource(webIri(value)));
        } else {
            keyword(value);
        }
        return this;
    }

    /** The publisher, by IRI when the source has one for it, and by name. */
    public DatasetDescription publisher(String iri, String name) {
        var text = Texts.plain(name);
        var node = webIri(iri);
        if (text == null && node == null || dataset.hasProperty(DCTerms.publisher)) {
            return this;
        }
        var agent = node == null ? model.createResource() : model.createResource(node);
        agent.addProperty(RDF.type, FOAF.Agent);
        if (text != null) {
            agent.addProperty(FOAF.name, text);
        }
        dataset.addProperty(DCTerms.publisher, agent);
        return this;
    }

    /** The contact point: a name, an e-mail address and a web page, any of which may be missing. */
    public DatasetDescription contactPoint(String name, String email, String url) {
        var fn = Texts.plain(name);
        var mail = email == null || !email.contains("@") ? null : email.strip().replaceFirst("^mailto:", "");
        var page = webIri(url);
        if (fn == null && mail == null && page == null || dataset.hasProperty(DCAT.contactPoint)) {
            return this;
        }
        var contact = model.createResource().addProperty(RDF.type, Vcard.Kind);
        if (fn != null) {
            contact.addProperty(Vcard.fn, fn);
        }
        if (mail != null && webIriOrMail("mailto:" + mail)) {
            contact.addProperty(Vcard.hasEmail, model.createResource("mailto:" + mail));
        }
        if (page != null) {
            contact.addProperty(Vcard.hasURL, model.createResource(page));
        }
        dataset.addProperty(DCAT.contactPoint, contact);
        return this;
    }

    public DatasetDescription landingPage(String url) {
        return link(dataset, DCAT.landingPage, url);
    }

    /** A page documenting the dataset ({@code foaf:page}). */
    public DatasetDescription page(String url) {
        return link(dataset, FOAF.page, url);
    }

    public DatasetDescription conformsTo(String iri) {
        return link(dataset, DCTerms.conformsTo, iri);
    }

    public DatasetDescription issued(String date) {
        return date(dataset, DCTerms.issued, date);
    }

    public DatasetDescription modified(String date) {
        return date(dataset, DCTerms.modified, date);
    }

    /** The update frequency: an EU code or IRI, or a name CKAN, udata or ISO 19115 uses. */
    public DatasetDescription frequency(String frequency) {
        frequencyConcept(frequency)
                .filter(c -> !dataset.hasProperty(DCTerms.accrualPeriodicity))
                .ifPresent(c -> dataset.addProperty(DCTerms.accrualPeriodicity, model.createResource(c.iri())));
        return this;
    }

    /** A language of the data: an ISO 639 code ({@code fr}, {@code fre}) or an EU language IRI. */
    public DatasetDescription dataLanguage(String code) {
        if (code == null || code.isBlank()) {
            return this;
        }
        var value = code.strip();
        TABLES.concept(value)
                .or(() -> TABLES.byNotation(Scheme.LANGUAGE, value))
                .or(() -> TABLES.byNotation(Scheme.LANGUAGE, language(value)))
                .filter(c -> c.scheme() == Scheme.LANGUAGE)
                .ifPresent(c -> dataset.addProperty(DCTerms.language, model.createResource(c.iri())));
        return this;
    }

    /**
     * The spatial coverage as a WGS84 bounding box (longitudes and latitudes in degrees), written as
     * a WKT polygon; ignored when the box is not one (out of range, or west after east...).
     */
    public DatasetDescription bbox(double west, double south, double east, double north) {
        if (!isBox(west, south, east, north) || location().hasProperty(DCAT.bbox)) {
            return this;
        }
        var wkt = "POLYGON((%s %s, %s %s, %s %s, %s %s, %s %s))"
                .formatted(
                        n(west), n(south), n(east), n(south), n(east), n(north), n(west), n(north), n(west), n(south));
        location().addProperty(DCAT.bbox, model.createTypedLiteral(wkt, geo(Locn.WKT_LITERAL)));
        return this;
    }

    /** The spatial coverage as a GeoJSON geometry ({@code locn:geometry}). */
    public DatasetDescription geometry(String geoJson) {
        if (geoJson != null && geoJson.strip().startsWith("{") && !location().hasProperty(Locn.geometry)) {
            location().addProperty(Locn.geometry, model.createTypedLiteral(geoJson.strip(), geo(Locn.GEOJSON_LITERAL)));
        }
        return this;
    }

    /**
     * The spatial coverage a GeoJSON geometry gives: its bounding box, and the geometry itself
     * unless it is that box; ignored when it has no readable coordinates.
     */
    public DatasetDescription coverage(JsonNode geoJson) {
        if (geoJson == null || !geoJson.isObject()) {
            return this;
        }
        var box = new double[] {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        int points = extend(box, geoJson.get("coordinates"));
        if (points == 0 || !isBox(box[0], box[1], box[2], box[3])) {
            return this;
        }
        bbox(box[0], box[1], box[2], box[3]);
        var type = JsonPages.text(geoJson, "type");
        if (!"Polygon".equals(type) || points > 5) {
            geometry(JsonPages.raw(geoJson));
        }
        return this;
    }

    private static int extend(double[] box, JsonNode coordinates) {
        if (coordinates == null || !coordinates.isArray() || coordinates.isEmpty()) {
            return 0;
        }
        if (coordinates.get(0).isNumber()) {
            if (coordinates.size() < 2 || !coordinates.get(1).isNumber()) {
                return 0;
            }
            double x = coordinates.get(0).asDouble();
            double y = coordinates.get(1).asDouble();
            box[0] = Math.min(box[0], x);
            box[1] = Math.min(box[1], y);
            box[2] = Math.max(box[2], x);
            box[3] = Math.max(box[3], y);
            return 1;
        }
        int points = 0;
        for (var child : coordinates) {
            points += extend(box, child);
        }
        return points;
    }

    /** A place the data covers, by IRI (a GeoNames feature, an INSEE commune...). */
    public DatasetDescription place(String iri) {
        return link(dataset, DCTerms.spatial, iri);
    }

    /** The period the data covers; either end may be open. */
    public DatasetDescription temporal(String start, String end) {
        var from = Dates.lexical(start);
        var to = Dates.lexical(end);
        if ((from == null && to == null) || dataset.hasProperty(DCTerms.temporal)) {
            return this;
        }
        var period = model.createResource().addProperty(RDF.type, DCTerms.PeriodOfTime);
        date(period, DCAT.startDate, from);
        date(period, DCAT.endDate, to);
        dataset.addProperty(DCTerms.temporal, period);
        return this;
    }

    /** A statement about rights (access conditions, copyright), as a {@code dct:RightsStatement}. */
    public DatasetDescription rights(String statement) {
        var text = Texts.plain(statement);
        if (text != null) {
            dataset.addProperty(
                    DCTerms.rights,
                    model.createResource()
                            .addProperty(RDF.type, DCTerms.RightsStatement)
                            .addProperty(RDFS.label, text, language == null ? "" : language));
        }
        return this;
    }

    /**
     * The licence of the data, given by any of its names (an identifier such as {@code etalab-2.0}
     * or {@code cc-by}, a title, a URL), the first that designates something winning. It goes on
     * every distribution without a licence of its own.
     */
    public DatasetDescription licence(String... names) {
        if (licence != null) {
            return this;
        }
        for (var name : names) {
            var concept = TABLES.licenceByAlias(name);
            if (concept.isPresent()) {
                licence = concept.get().iri();
                return this;
            }
        }
        for (var name : names) {
            if (webIri(name) != null) {
                licence = webIri(name);
                return this;
            }
        }
        for (var name : names) {
            if (name != null && !name.isBlank()) {
                rights("Licence : " + name.strip());
                return this;
            }
        }
        return this;
    }

    /**
     * The licence a free text names ("Licence Ouverte 1.0 http://...", "Données sous ODbL"): the
     * first run of up to eight words, or web address, that designates a bundled licence.
     *
     * @return whether a licence was found (or was already set)
     */
    public boolean licenceInText(String text) {
        if (licence != null) {
            return true;
        }
        var plain = Texts.plain(text);
        if (plain == null) {
            return false;
        }
        var words = plain.substring(0, Math.min(plain.length(), 2000)).split("[\\s,;()«»\"]+");
        for (int start = 0; start < words.length; start++) {
            var phrase = new StringBuilder();
            for (int end = start; end < Math.min(words.length, start + 8); end++) {
                phrase.append(end == start ? "" : " ").append(words[end]);
                var candidate = phrase.toString().replaceAll("[.]+$", "");
                var concept = TABLES.licenceByAlias(candidate);
                if (concept.isPresent()) {
                    licence = concept.get().iri();
                    return true;
                }
            }
        }
        return false;
    }

    /** A new distribution, written when it has an access or download URL. */
    public DistributionDescription distribution(String iri) {
        return new DistributionDescription(this, iri);
    }

    /** Sets {@code property} to a statement no setter covers. */
    public DatasetDescription add(Property property, RDFNode value) {
        dataset.addProperty(property, value);
        return this;
    }

    /** The record to hand to the catalogue. */
    public HarvestedRecord record(String key, String rawPayload, String mediaType) {
        if (licence != null) {
            for (var distribution : distributions) {
                if (!distribution.hasProperty(DCTerms.license)) {
                    distribution.addProperty(DCTerms.license, model.createResource(licence));
                }
            }
        }
        return new HarvestedRecord(key, model, dataset, rawPayload, mediaType);
    }

    void attach(Resource distribution) {
        distributions.add(distribution);
        dataset.addProperty(DCAT.distribution, distribution);
    }

    String defaultLanguage() {
        return language;
    }

    /** The absolute web IRI {@code value} spells (spaces escaped), or null. */
    public static String webIri(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var text = value.strip().replace(" ", "%20");
        try {
            var uri = new URI(text);
            var scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            return uri.isAbsolute() && WEB_SCHEMES.contains(scheme) && uri.getHost() != null ? text : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The IANA IRI of a media type ({@code text/csv}), or null when it is not one. */
    static String mediaTypeIri(String mediaType) {
        if (mediaType == null) {
            return null;
        }
        var value = mediaType.strip().toLowerCase(Locale.ROOT);
        int semicolon = value.indexOf(';');
        value = semicolon < 0 ? value : value.substring(0, semicolon).strip();
        if (value.startsWith(IANA)) {
            return value;
        }
        return MEDIA_TYPE.matcher(value).matches() ? IANA + value : null;
    }

    static Optional<Concept> euTheme(String value) {
        var byCode = TABLES.concept(value)
                .or(() -> TABLES.byNotation(Scheme.THEME, value))
                .filter(c -> c.scheme() == Scheme.THEME);
        if (byCode.isPresent() || value.startsWith(DATA_THEME)) {
            return byCode;
        }
        var wanted = fold(value);
        return TABLES.scheme(Scheme.THEME).stream()
                .filter(c -> c.labels().values().stream()
                        .anyMatch(label -> fold(label).equals(wanted)))
                .findFirst();
    }

    static Optional<Concept> frequencyConcept(String frequency) {
        if (frequency == null || frequency.isBlank()) {
            return Optional.empty();
        }
        var value = frequency.strip();
        var code = FREQUENCIES.get(value.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
        return TABLES.concept(value)
                .or(() -> TABLES.byNotation(Scheme.FREQUENCY, value))
                .or(() -> TABLES.byNotation(Scheme.FREQUENCY, code))
                .filter(c -> c.scheme() == Scheme.FREQUENCY);
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .strip();
    }

    private DatasetDescription text(Resource node, Property property, String value, String lang) {
        var text = Texts.plain(value);
        if (text != null) {
            node.addProperty(property, lang == null ? model.createLiteral(text) : model.createLiteral(text, lang));
        }
        return this;
    }

    private DatasetDescription literal(Property property, String value) {
        if (value != null && !value.isBlank()) {
            dataset.addProperty(property, value.strip());
        }
        return this;
    }

    DatasetDescription link(Resource node, Property property, String url) {
        var iri = webIri(url);
        if (iri != null) {
            node.addProperty(property, model.createResource(iri));
        }
        return this;
    }

    DatasetDescription date(Resource node, Property property, String value) {
        var lexical = Dates.lexical(value);
        if (lexical == null || node.hasProperty(property)) {
            return this;
        }
        XSDDatatype type;
        if (lexical.length() == 4) {
            type = XSDDatatype.XSDgYear;
        } else if (lexical.length() == 7) {
            type = XSDDatatype.XSDgYearMonth;
        } else if (lexical.contains("T")) {
            type = XSDDatatype.XSDdateTime;
        } else {
            type = XSDDatatype.XSDdate;
        }
        node.addProperty(property, model.createTypedLiteral(lexical, type));
        return this;
    }

    private Resource location() {
        if (location == null) {
            location = model.createResource().addProperty(RDF.type, DCTerms.Location);
            dataset.addProperty(DCTerms.spatial, location);
        }
        return location;
    }

    private static boolean isBox(double west, double south, double east, double north) {
        return Double.isFinite(west)
                && Double.isFinite(south)
                && Double.isFinite(east)
                && Double.isFinite(north)
                && west >= -180
                && east <= 180
                && south >= -90
                && north <= 90
                && west <= east
                && south <= north;
    }

    private static String n(double value) {
        var decimal = BigDecimal.valueOf(value)
                .setScale(7, java.math.RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
        return decimal.signum() == 0 ? "0" : decimal.toPlainString();
    }

    private static org.apache.jena.datatypes.RDFDatatype geo(String iri) {
        return TypeMapper.getInstance().getSafeTypeByName(iri);
    }

    private static boolean webIriOrMail(String mailto) {
        try {
            new URI(mailto);
            return !mailto.contains(" ");
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
