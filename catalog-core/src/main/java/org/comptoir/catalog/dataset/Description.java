package org.comptoir.catalog.dataset;

import java.util.List;

/**
 * What a dataset is: the mandatory and recommended DCAT-AP 3 properties of {@code dcat:Dataset}
 * and the optional ones a catalogue user searches on. Properties outside this record are not lost:
 * they stay in the dataset's stored RDF description (see {@code catalog.rdf}).
 *
 * <p>Dates are ISO 8601 dates or date-times as the source wrote them; vocabulary values (themes,
 * languages, frequency) are IRIs of the EU authority tables.
 */
public record Description(
        LangText title,
        LangText description,
        String identifier,
        List<String> keywords,
        List<String> themes,
        Agent publisher,
        ContactPoint contactPoint,
        String issued,
        String modified,
        List<String> languages,
        String accrualPeriodicity,
        Spatial spatial,
        Temporal temporal,
        String landingPage,
        List<String> conformsTo,
        String version,
        List<String> inSeries,
        List<String> applicableLegislation,
        List<Distribution> distributions) {
    public Description {
        title = title == null ? LangText.EMPTY : title;
        description = description == null ? LangText.EMPTY : description;
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        themes = themes == null ? List.of() : List.copyOf(themes);
        languages = languages == null ? List.of() : List.copyOf(languages);
        conformsTo = conformsTo == null ? List.of() : List.copyOf(conformsTo);
        inSeries = inSeries == null ? List.of() : List.copyOf(inSeries);
        applicableLegislation = applicableLegislation == null ? List.of() : List.copyOf(applicableLegislation);
        distributions = distributions == null ? List.of() : List.copyOf(distributions);
        spatial = spatial == null || spatial.isEmpty() ? null : spatial;
    }
}
