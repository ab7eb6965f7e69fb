package org.comptoir.catalog.search;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonException;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.comptoir.catalog.dataset.Dataset;
import org.comptoir.catalog.dataset.Description;
import org.comptoir.catalog.dataset.LangText;
import org.comptoir.catalog.dataset.PersonalData;
import org.comptoir.catalog.dataset.PublicationStatus;
import org.comptoir.catalog.dataset.Spatial;
import org.comptoir.catalog.search.SearchDocument.FacetTerm;
import org.comptoir.ontologies.AuthorityTables;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Turns a stored dataset into the document the search indexes: its texts, its values per
 * dimension with French and English labels (from the bundled authority tables for themes, formats,
 * licences and access levels), the day it last changed, the bounding box of its spatial coverage,
 * and whether the public, a partner or only the authority may see it.
 */
public final class SearchDocuments {
    private static final AuthorityTables TABLES = AuthorityTables.bundled();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Pattern CRS_PREFIX = Pattern.compile("^\\s*<[^>]*>\\s*");
    private static final Pattern ENVELOPE = Pattern.compile(
            "(?i)^\\s*ENVELOPE\\s*\\(\\s*([-+0-9.eE]+)\\s*,\\s*([-+0-9.eE]+)\\s*,\\s*([-+0-9.eE]+)\\s*,\\s*([-+0-9.eE]+)\\s*\\)\\s*$");
    private static final Map<PersonalData, String[]> PERSONAL_DATA_LABELS = Map.of(
            PersonalData.NONE, new String[] {"Sans données personnelles", "No personal data"},
            PersonalData.PERSONAL, new String[] {"Données personnelles", "Personal data"},
            PersonalData.SENSITIVE, new String[] {"Données sensibles", "Sensitive personal data"},
            PersonalData.PSEUDONYMISED, new String[] {"Données pseudonymisées", "Pseudonymised data"},
            PersonalData.ANONYMISED, new String[] {"Données anonymisées", "Anonymised data"});
    private static final Map<PublicationStatus, String[]> STATUS_LABELS = Map.of(
            PublicationStatus.DRAFT, new String[] {"Brouillon", "Draft"},
            PublicationStatus.SUBMITTED, new String[] {"Soumis", "Submitted"},
            PublicationStatus.PUBLISHED, new String[] {"Publié", "Published"},
            PublicationStatus.WITHDRAWN, new String[] {"Retiré", "Withdrawn"});

    private SearchDocuments() {}

    /** The texts of a description in each {@linkplain SearchFields#HIGHLIGHTED highlighted field}. */
    static Map<String, List<String>> highlighted(Description description) {
        var texts = new LinkedHashMap<String, List<String>>();
        texts.put(SearchFields.TITLE, values(description.title()));
        texts.put(SearchFields.DESCRIPTION, values(description.description()));
        texts.put(SearchFields.KEYWORDS, description.keywords());
        var distributionTitles = new ArrayList<String>();
        description.distributions().forEach(d -> distributionTitles.addAll(values(d.title())));
        texts.put(SearchFields.DISTRIBUTIONS, distributionTitles);
        return texts;
    }

    /** The document of a dataset; {@code sources} names the harvest source it came from, if any. */
    public static SearchDocument of(Dataset dataset, SourceLabels sources) {
        var description = dataset.description();
        var governance = dataset.governance();

        var texts = new LinkedHashMap<String, List<String>>(highlighted(description));
        var themeLabels = new ArrayList<String>();
        description.themes().forEach(theme -> {
            themeLabels.add(TABLES.label(theme, "fr"));
            themeLabels.add(TABLES.label(theme, "en"));
        });
        texts.put(SearchFields.THEMES, themeLabels.stream().distinct().toList());
        texts.put(
                SearchFields.PUBLISHER,
                description.publisher() == null
                        ? List.of()
                        : values(description.publisher().name()));

        var facets = new EnumMap<Facet, List<FacetTerm>>(Facet.class);
        facets.put(
                Facet.THEME,
                description.themes().stream()
                        .distinct()
                        .map(theme -> new FacetTerm(theme, TABLES.label(theme, "fr"), TABLES.label(theme, "en")))
                        .toList());
        var publisher = description.publisher();
        if (publisher != null && (publisher.iri() != null || !publisher.name().isEmpty())) {
            var name = publisher.name().isEmpty()
                    ? publisher.iri()
                    : publisher.name().best("fr");
            var nameEn = publisher.name().isEmpty()
                    ? publisher.iri()
                    : publisher.name().best("en");
            facets.put(
                    Facet.PUBLISHER,
                    List.of(new FacetTerm(publisher.iri() != null ? publisher.iri() : name, name, nameEn)));
        }
        var owner = governance.owner();
        if (owner.name() != null && !owner.name().isBlank()) {
            facets.put(Facet.OWNER, List.of(named(owner.name())));
        }
        if (owner.orgUnit() != null && !owner.orgUnit().isBlank()) {
            facets.put(Facet.ORG_UNIT, List.of(named(owner.orgUnit())));
        }
        facets.put(
                Facet.FORMAT,
                distinct(description.distributions().stream()
                        .map(d -> d.format() != null ? d.format() : d.mediaType())
                        .filter(f -> f != null && !f.isBlank())
                        .map(f ->
                                TABLES.fileTypeFor(f).map(SearchDocuments::term).orElseGet(() -> named(f)))
                        .toList()));
        facets.put(
                Facet.LICENSE,
                distinct(description.distributions().stream()
                        .map(d -> d.license())
                        .filter(l -> l != null && !l.isBlank())
                        .map(l -> TABLES.licenceByAlias(l)
                                .map(SearchDocuments::term)
                                .orElseGet(() -> named(l)))
                        .toList()));
        var access = governance.accessLevel();
        facets.put(
                Facet.ACCESS_LEVEL,
                List.of(new FacetTerm(
                        access.name(), TABLES.label(access.iri(), "fr"), TABLES.label(access.iri(), "en"))));
        facets.put(Facet.PERSONAL_DATA, List.of(labelled(governance.personalData(), PERSONAL_DATA_LABELS)));
        facets.put(Facet.STATUS, List.of(labelled(governance.status(), STATUS_LABELS)));
        var sourceId = dataset.provenance().sourceId();
        if (sourceId != null) {
            var source = sources.of(sourceId);
            facets.put(
                    Facet.SOURCE,
                    List.of(named(
                            sourceId, source.map(SourceLabels.SourceLabel::name).orElse(sourceId))));
            source.map(SourceLabels.SourceLabel::kind)
                    .ifPresent(kind -> facets.put(Facet.SOURCE_KIND, List.of(named(kind))));
        }

        return new SearchDocument(
                dataset.id(),
                dataset.version(),
                texts,
                facets,
                modified(dataset),
                bbox(description.spatial()).orElse(null),
                dataset.isOpen(),
                governance.status() == PublicationStatus.WITHDRAWN,
                Set.of(),
                SearchAnalysis.fold(description.title().best("fr")));
    }

    /**
     * The bounding box of a spatial coverage in WGS 84 degrees: from its bbox, else its geometry,
     * written as WKT (a GeoSPARQL CRS prefix allowed), {@code ENVELOPE(west, east, north, south)} or
     * GeoJSON. Empty when there is none or when its coordinates are not longitudes and latitudes
     * (a projected geometry such as Lambert-93).
     */
    public static Optional<BoundingBox> bbox(Spatial spatial) {
        if (spatial == null) {
            return Optional.empty();
        }
        return envelope(spatial.bbox())
                .or(() -> envelope(spatial.geometry()))
                .filter(e -> e.getMinX() >= -180 && e.getMaxX() <= 180 && e.getMinY() >= -90 && e.getMaxY() <= 90)
                .map(e -> new BoundingBox(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()));
    }

    private static Optional<Envelope> envelope(String geometry) {
        if (geometry == null || geometry.isBlank()) {
            return Optional.empty();
        }
        var text = CRS_PREFIX.matcher(geometry).replaceFirst("").strip();
        try {
            if (text.startsWith("{")) {
                var envelope = new Envelope();
                coordinates(JSON.parseAny(text), envelope);
                return envelope.isNull() ? Optional.empty() : Optional.of(envelope);
            }
            var envelope = ENVELOPE.matcher(text);
            if (envelope.matches()) {
                return Optional.of(new Envelope(
                        Double.parseDouble(envelope.group(1)),
                        Double.parseDouble(envelope.group(2)),
                        Double.parseDouble(envelope.group(4)),
                        Double.parseDouble(envelope.group(3))));
            }
            var parsed = new WKTReader().read(text).getEnvelopeInternal();
            return parsed.isNull() ? Optional.empty() : Optional.of(parsed);
        } catch (ParseException | JsonException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Widens the envelope by every position of a GeoJSON object, feature or collection. */
    private static void coordinates(JsonValue value, Envelope envelope) {
        if (value.isArray()) {
            JsonArray array = value.getAsArray();
            if (array.size() >= 2 && array.get(0).isNumber() && array.get(1).isNumber()) {
                envelope.expandToInclude(
                        array.get(0).getAsNumber().value().doubleValue(),
                        array.get(1).getAsNumber().value().doubleValue());
            } else {
                array.forEach(v -> coordinates(v, envelope));
            }
        } else if (value.isObject()) {
            JsonObject object = value.getAsObject();
            for (var key : List.of("coordinates", "geometry", "geometries", "features")) {
                if (object.hasKey(key)) {
                    coordinates(object.get(key), envelope);
                }
            }
        }
    }

    private static LocalDate modified(Dataset dataset) {
        var modified = dataset.description().modified();
        if (modified != null && modified.length() >= 4) {
            try {
                var text = modified.strip();
                if (text.length() >= 10) {
                    return LocalDate.parse(text.substring(0, 10));
                }
                if (text.length() == 7) {
                    return LocalDate.parse(text + "-01");
                }
                if (text.length() == 4) {
                    return LocalDate.of(Integer.parseInt(text), 1, 1);
                }
            } catch (DateTimeParseException | NumberFormatException e) {
                // a date the source wrote badly: fall back on when the catalogue changed it
            }
        }
        var updated = dataset.provenance().updatedAt();
        return updated == null ? null : LocalDate.ofInstant(updated, PARIS);
    }

    private static List<String> values(LangText text) {
        return text.values().values().stream().distinct().toList();
    }

    private static FacetTerm term(AuthorityTables.Concept concept) {
        return new FacetTerm(concept.iri(), concept.label("fr"), concept.label("en"));
    }

    private static FacetTerm named(String name) {
        return new FacetTerm(name, name, name);
    }

    private static FacetTerm named(String value, String name) {
        return new FacetTerm(value, name, name);
    }

    private static <E extends Enum<E>> FacetTerm labelled(E value, Map<E, String[]> labels) {
        var label = labels.get(value);
        return new FacetTerm(value.name(), label[0], label[1]);
    }

    private static List<FacetTerm> distinct(List<FacetTerm> terms) {
        var byValue = new HashMap<String, FacetTerm>();
        var out = new ArrayList<FacetTerm>();
        for (var term : terms) {
            if (byValue.putIfAbsent(term.value().toLowerCase(Locale.ROOT), term) == null) {
                out.add(term);
            }
        }
        return out;
    }
}
