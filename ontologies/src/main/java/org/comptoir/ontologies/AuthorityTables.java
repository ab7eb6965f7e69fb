package org.comptoir.ontologies;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.graph.GraphReadOnly;
import org.apache.jena.vocabulary.SKOS;

/**
 * The authority tables Comptoir bundles: EU data themes, file types, update frequencies, languages and
 * access rights, plus the licences French local authorities publish under. Each concept carries a
 * French and an English label.
 *
 * <p>The tables are the project's own Turtle files (under {@code org/comptoir/ontologies/authority/}),
 * loaded once; concept IRIs are those of the EU vocabularies, except for licences, which are the
 * licence documents themselves gathered in the scheme {@code https://w3id.org/comptoir/licences}.
 * Instances are immutable and safe to share between threads.
 */
public final class AuthorityTables {

    private static final String RESOURCE_DIR = "authority/";
    private static final Collator FRENCH = Collator.getInstance(Locale.FRENCH);

    /** The concept schemes Comptoir bundles, with the IRI of each scheme. */
    public enum Scheme {
        THEME("http://publications.europa.eu/resource/authority/data-theme", "themes.ttl"),
        FILE_TYPE("http://publications.europa.eu/resource/authority/file-type", "file-types.ttl"),
        FREQUENCY("http://publications.europa.eu/resource/authority/frequency", "frequencies.ttl"),
        LANGUAGE("http://publications.europa.eu/resource/authority/language", "languages.ttl"),
        ACCESS_RIGHT("http://publications.europa.eu/resource/authority/access-right", "access-rights.ttl"),
        LICENCE("https://w3id.org/comptoir/licences", "licences.ttl");

        private final String iri;
        private final String file;

        Scheme(String iri, String file) {
            this.iri = iri;
            this.file = file;
        }

        /** The IRI of the concept scheme ({@code skos:inScheme} of its concepts). */
        public String iri() {
            return iri;
        }
    }

    /**
     * One concept of a bundled table.
     *
     * @param iri the concept's IRI (for a licence, the licence document's IRI)
     * @param scheme the table it belongs to
     * @param notation its code in the table ({@code CSV}, {@code FRA}, {@code Etalab-2.0}...)
     * @param labels its preferred labels by language tag ({@code fr}, {@code en})
     * @param mediaType the IANA media type of a file type; empty for other concepts and for file types
     *     without one (OGC services, GTFS)
     * @param open whether a licence satisfies the Open Definition; {@code false} for other concepts
     */
    public record Concept(
            String iri,
            Scheme scheme,
            String notation,
            Map<String, String> labels,
            Optional<String> mediaType,
            boolean open) {

        public Concept {
            Objects.requireNonNull(iri, "iri");
            Objects.requireNonNull(scheme, "scheme");
            Objects.requireNonNull(notation, "notation");
            labels = Map.copyOf(labels);
            Objects.requireNonNull(mediaType, "mediaType");
        }

        /**
         * The label in the given language ({@code "fr"}, {@code "en"}, {@code "fr-FR"}...), falling back to
         * French, then English, then the notation.
         */
        public String label(String lang) {
            if (lang != null) {
                String tag = lang.toLowerCase(Locale.ROOT);
                String label = labels.get(tag);
                if (label == null && tag.indexOf('-') > 0) {
                    label = labels.get(tag.substring(0, tag.indexOf('-')));
                }
                if (label != null) {
                    return label;
                }
            }
            return labels.getOrDefault("fr", labels.getOrDefault("en", notation));
        }
    }

    private final Graph graph;
    private final Map<String, Concept> byIri;
    private final Map<Scheme, List<Concept>> byScheme;
    private final Map<Scheme, Map<String, Concept>> byCode;
    private final Map<String, Concept> licenceAliases;
    private final Map<String, Concept> fileTypeKeys;

    private AuthorityTables(Graph graph) {
        this.graph = graph;
        Map<String, Concept> concepts = new LinkedHashMap<>();
        Map<Scheme, List<Concept>> schemes = new EnumMap<>(Scheme.class);
        Map<Scheme, Map<String, Concept>> codes = new EnumMap<>(Scheme.class);
        Map<String, Concept> licences = new HashMap<>();
        Map<String, Concept> fileTypes = new HashMap<>();
        for (Scheme scheme : Scheme.values()) {
            List<Concept> members = new ArrayList<>();
            graph.find(Node.ANY, SKOS.inScheme.asNode(), NodeFactory.createURI(scheme.iri()))
                    .forEachRemaining(t -> members.add(concept(t.getSubject(), scheme)));
            members.sort(Comparator.comparing((Concept c) -> c.label("fr"), FRENCH));
            schemes.put(scheme, List.copyOf(members));
            Map<String, Concept> schemeCodes = new HashMap<>();
            members.forEach(c -> schemeCodes.put(key(c.notation()), c));
            for (Concept c : members) {
                concepts.put(c.iri(), c);
                literals(c.iri(), SKOS.hiddenLabel.asNode()).forEach(alias -> schemeCodes.putIfAbsent(key(alias), c));
            }
            codes.put(scheme, Map.copyOf(schemeCodes));
        }
        for (Concept c : schemes.get(Scheme.LICENCE)) {
            licences.putIfAbsent(aliasKey(c.iri()), c);
            licences.putIfAbsent(aliasKey(c.notation()), c);
            c.labels().values().forEach(label -> licences.putIfAbsent(aliasKey(label), c));
            literals(c.iri(), SKOS.altLabel.asNode()).forEach(alias -> licences.putIfAbsent(aliasKey(alias), c));
            literals(c.iri(), SKOS.hiddenLabel.asNode()).forEach(alias -> licences.putIfAbsent(aliasKey(alias), c));
        }
        // Media types and extensions first: they win over the looser names that follow.
        for (Concept c : schemes.get(Scheme.FILE_TYPE)) {
            c.mediaType().ifPresent(mediaType -> fileTypes.putIfAbsent(mediaTypeKey(mediaType), c));
            literals(c.iri(), Cpt.extension.asNode()).forEach(ext -> fileTypes.putIfAbsent(key(ext), c));
        }
        for (Concept c : schemes.get(Scheme.FILE_TYPE)) {
            fileTypes.putIfAbsent(key(c.notation()), c);
            literals(c.iri(), SKOS.hiddenLabel.asNode()).forEach(alias -> fileTypes.putIfAbsent(key(alias), c));
        }
        this.byIri = Map.copyOf(concepts);
        this.byScheme = Map.copyOf(schemes);
        this.byCode = Map.copyOf(codes);
        this.licenceAliases = Map.copyOf(licences);
        this.fileTypeKeys = Map.copyOf(fileTypes);
    }

    /** The tables shipped with Comptoir, loaded once. */
    public static AuthorityTables bundled() {
        return Bundled.INSTANCE;
    }

    /** The concept with this IRI, in any bundled table. */
    public Optional<Concept> concept(String iri) {
        return iri == null ? Optional.empty() : Optional.ofNullable(byIri.get(iri));
    }

    /** The concepts of a table, sorted by French label. */
    public List<Concept> scheme(Scheme scheme) {
        return byScheme.get(scheme);
    }

    /**
     * The concept of a table with this notation, ignoring case ({@code (FILE_TYPE, "csv")}). Machine aliases
     * of the table ({@code skos:hiddenLabel}) are accepted too, such as the ISO 639-1 code of a language
     * ({@code (LANGUAGE, "fr")}).
     */
    public Optional<Concept> byNotation(Scheme scheme, String notation) {
        if (notation == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byCode.get(scheme).get(key(notation)));
    }

    /**
     * The bundled licence a harvested licence reference designates: its IRI (http or https, with or
     * without {@code www.} and trailing slash), its notation, a label or an identifier used by CKAN, udata or
     * SPDX ({@code "etalab-2.0"}, {@code "lov2"}, {@code "odc-odbl"}, {@code "cc-by"}), ignoring case.
     */
    public Optional<Concept> licenceByAlias(String alias) {
        if (alias == null || alias.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(licenceAliases.get(aliasKey(alias)));
    }

    /**
     * The bundled file type for a media type ({@code "text/csv"}, {@code "text/csv; charset=utf-8"}, an
     * IANA media-type IRI), a file-name extension ({@code "csv"}, {@code ".csv"}, {@code "export.csv"}),
     * a notation or a common name ({@code "wms"}, {@code "shapefile"}), or the file type's own IRI.
     */
    public Optional<Concept> fileTypeFor(String mediaTypeOrExtension) {
        if (mediaTypeOrExtension == null || mediaTypeOrExtension.isBlank()) {
            return Optional.empty();
        }
        String value = mediaTypeOrExtension.strip();
        Optional<Concept> byIriMatch = concept(value).filter(c -> c.scheme() == Scheme.FILE_TYPE);
        if (byIriMatch.isPresent()) {
            return byIriMatch;
        }
        int ianaPath = value.indexOf("/media-types/");
        if (ianaPath >= 0) {
            value = value.substring(ianaPath + "/media-types/".length());
        }
        Concept found = fileTypeKeys.get(key(value));
        if (found == null && value.indexOf('/') > 0) {
            found = fileTypeKeys.get(mediaTypeKey(value));
            if (found == null && value.indexOf(';') > 0) {
                found = fileTypeKeys.get(mediaTypeKey(value.substring(0, value.indexOf(';'))));
            }
        }
        if (found == null && value.indexOf('/') < 0 && value.lastIndexOf('.') >= 0) {
            found = fileTypeKeys.get(key(value.substring(value.lastIndexOf('.') + 1)));
        }
        return Optional.ofNullable(found);
    }

    /** The label of a bundled concept in the given language, or the IRI's last segment when unknown. */
    public String label(String iri, String lang) {
        return concept(iri).map(c -> c.label(lang)).orElseGet(() -> lastSegment(iri));
    }

    /**
     * Every loaded triple, as a read-only model: concepts are typed {@code skos:Concept} (and with the
     * range class DCAT-AP expects), licences also {@code dct:LicenseDocument}.
     */
    public Model model() {
        return ModelFactory.createModelForGraph(new GraphReadOnly(graph));
    }

    private Concept concept(Node subject, Scheme scheme) {
        String iri = subject.getURI();
        Map<String, String> labels = new HashMap<>();
        graph.find(subject, SKOS.prefLabel.asNode(), Node.ANY).forEachRemaining(t -> {
            Node label = t.getObject();
            if (label.isLiteral()) {
                labels.putIfAbsent(label.getLiteralLanguage().toLowerCase(Locale.ROOT), label.getLiteralLexicalForm());
            }
        });
        String notation =
                literals(iri, SKOS.notation.asNode()).stream().findFirst().orElseGet(() -> lastSegment(iri));
        Optional<String> mediaType =
                literals(iri, Cpt.mediaType.asNode()).stream().findFirst();
        boolean open = literals(iri, Cpt.openLicence.asNode()).contains("true");
        return new Concept(iri, scheme, notation, labels, mediaType, open);
    }

    private List<String> literals(String subject, Node predicate) {
        List<String> values = new ArrayList<>();
        graph.find(NodeFactory.createURI(subject), predicate, Node.ANY)
                .mapWith(Triple::getObject)
                .filterKeep(Node::isLiteral)
                .forEachRemaining(n -> values.add(n.getLiteralLexicalForm()));
        values.sort(Comparator.naturalOrder());
        return values;
    }

    private static String key(String value) {
        String key = value.strip().toLowerCase(Locale.ROOT);
        return key.startsWith(".") ? key.substring(1) : key;
    }

    private static String mediaTypeKey(String mediaType) {
        return mediaType.toLowerCase(Locale.ROOT).replace(" ", "").strip();
    }

    /** Lower case; for IRIs also without scheme, {@code www.} and trailing slash. */
    private static String aliasKey(String alias) {
        String key = alias.strip().toLowerCase(Locale.ROOT);
        if (key.startsWith("http://") || key.startsWith("https://")) {
            key = key.substring(key.indexOf("//") + 2);
            if (key.startsWith("www.")) {
                key = key.substring(4);
            }
            while (key.endsWith("/")) {
                key = key.substring(0, key.length() - 1);
            }
        }
        return key;
    }

    private static String lastSegment(String iri) {
        if (iri == null) {
            return "";
        }
        String trimmed = iri;
        while (trimmed.endsWith("/") || trimmed.endsWith("#")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        int cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('#'));
        return cut >= 0 && cut < trimmed.length() - 1 ? trimmed.substring(cut + 1) : iri;
    }

    private static AuthorityTables load() {
        Graph graph = GraphFactory.createDefaultGraph();
        for (Scheme scheme : Scheme.values()) {
            String resource = RESOURCE_DIR + scheme.file;
            try (InputStream in = AuthorityTables.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Bundled authority table missing: " + resource);
                }
                RDFParser.source(in).lang(Lang.TURTLE).parse(graph);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read bundled authority table " + resource, e);
            }
        }
        return new AuthorityTables(graph);
    }

    private static final class Bundled {
        static final AuthorityTables INSTANCE = load();
    }
}
