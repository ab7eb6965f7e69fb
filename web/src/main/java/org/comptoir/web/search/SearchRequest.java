package org.comptoir.web.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.comptoir.catalog.dataset.AccessLevel;
import org.comptoir.catalog.dataset.FieldProblem;
import org.comptoir.catalog.dataset.PersonalData;
import org.comptoir.catalog.dataset.PublicationStatus;
import org.comptoir.catalog.search.BoundingBox;
import org.comptoir.catalog.search.Facet;
import org.comptoir.catalog.search.SearchQuery;
import org.comptoir.catalog.search.Viewer;

/**
 * A search as a request asks for it, in the request's own terms (strings, one-based or zero-based
 * pages), turned into a {@link SearchQuery} by {@link #toQuery}, which explains in French every
 * parameter it cannot use.
 *
 * @param filters per dimension, the values asked for
 * @param bbox {@code west,south,east,north} in WGS 84 degrees, or null
 * @param sort {@code relevance}, {@code modified} or {@code title}, or null for relevance
 * @param page zero-based
 */
public record SearchRequest(
        String text,
        Map<Facet, List<String>> filters,
        LocalDate modifiedFrom,
        LocalDate modifiedTo,
        String bbox,
        String sort,
        int page,
        int size) {
    private static final Map<Facet, Set<String>> CODES = Map.of(
            Facet.ACCESS_LEVEL, names(AccessLevel.values()),
            Facet.PERSONAL_DATA, names(PersonalData.values()),
            Facet.STATUS, names(PublicationStatus.values()));

    public SearchRequest {
        text = text == null ? "" : text.strip();
        var copy = new EnumMap<Facet, List<String>>(Facet.class);
        if (filters != null) {
            filters.forEach((facet, values) -> {
                if (values != null) {
                    var kept = values.stream()
                            .filter(v -> v != null && !v.isBlank())
                            .map(String::strip)
                            .distinct()
                            .toList();
                    if (!kept.isEmpty()) {
                        copy.put(facet, kept);
                    }
                }
            });
        }
        filters = Map.copyOf(copy);
    }

    /**
     * The query for a viewer, with facet labels in a language.
     *
     * @throws InvalidSearchException naming each parameter that is wrong
     */
    public SearchQuery toQuery(Viewer viewer, String language) {
        var problems = new ArrayList<FieldProblem>();
        var box = bbox == null || bbox.isBlank() ? null : box(bbox.strip(), problems);
        var order = sort(problems);
        CODES.forEach((facet, codes) -> filters.getOrDefault(facet, List.of()).stream()
                .filter(value -> !codes.contains(value))
                .findFirst()
                .ifPresent(value -> problems.add(new FieldProblem(
                        facet.apiName(),
                        "Valeur inconnue « " + value + " » : les valeurs possibles sont "
                                + String.join(", ", codes.stream().sorted().toList()) + "."))));
        if (modifiedFrom != null && modifiedTo != null && modifiedFrom.isAfter(modifiedTo)) {
            problems.add(new FieldProblem(
                    "modifiedFrom", "La date de début (modifiedFrom) est postérieure à la date de fin (modifiedTo)."));
        }
        if (page < 0) {
            problems.add(new FieldProblem("page", "La page commence à 0."));
        }
        if (size < 1 || size > SearchQuery.MAX_SIZE) {
            problems.add(new FieldProblem("size", "La taille de page va de 1 à " + SearchQuery.MAX_SIZE + "."));
        } else if (page >= 0 && (long) (page + 1) * size > SearchQuery.MAX_WINDOW) {
            problems.add(new FieldProblem(
                    "page",
                    "Seuls les " + String.format(Locale.FRANCE, "%,d", SearchQuery.MAX_WINDOW)
                            + " premiers résultats se consultent page à page : affinez la recherche "
                            + "avec des mots ou des filtres."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSearchException(problems);
        }
        var sets = new EnumMap<Facet, Set<String>>(Facet.class);
        filters.forEach((facet, values) -> sets.put(facet, new LinkedHashSet<>(values)));
        return new SearchQuery(text, sets, modifiedFrom, modifiedTo, box, order, viewer, page, size, language);
    }

    private SearchQuery.Sort sort(List<FieldProblem> problems) {
        if (sort == null || sort.isBlank()) {
            return SearchQuery.Sort.RELEVANCE;
        }
        return Arrays.stream(SearchQuery.Sort.values())
                .filter(s -> s.name().equalsIgnoreCase(sort.strip()))
                .findFirst()
                .orElseGet(() -> {
                    problems.add(new FieldProblem(
                            "sort",
                            "Tri inconnu « " + sort + " » : les tris possibles sont relevance, modified, title."));
                    return null;
                });
    }

    private static BoundingBox box(String value, List<FieldProblem> problems) {
        var parts = value.split(",", -1);
        if (parts.length == 4) {
            try {
                var numbers = Arrays.stream(parts)
                        .map(String::strip)
                        .mapToDouble(Double::parseDouble)
                        .toArray();
                if (Arrays.stream(numbers).allMatch(Double::isFinite)) {
                    return new BoundingBox(numbers[0], numbers[1], numbers[2], numbers[3]);
                }
            } catch (NumberFormatException e) {
                // explained below
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(
                        "bbox",
                        "Rectangle impossible « " + value + " » : il faut -180 ≤ ouest ≤ est ≤ 180 "
                                + "et -90 ≤ sud ≤ nord ≤ 90 (degrés WGS 84)."));
                return null;
            }
        }
        problems.add(new FieldProblem(
                "bbox",
                "Rectangle mal formé « " + value + " » : quatre nombres séparés par des virgules, "
                        + "ouest,sud,est,nord en degrés WGS 84, par exemple 4.7,45.6,5.0,45.9."));
        return null;
    }

    /**
     * The language facet labels are wanted in: {@code lang} when given, else the first of French
     * and English that {@code Accept-Language} prefers, else French.
     */
    public static String language(String lang, String acceptLanguage) {
        if (lang != null && !lang.isBlank()) {
            return lang.strip().toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "fr";
        }
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return "fr";
        }
        try {
            var chosen = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), List.of("fr", "en"));
            return "en".equals(chosen) ? "en" : "fr";
        } catch (IllegalArgumentException malformed) {
            return "fr";
        }
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }
}
