package org.comptoir.catalog.dataset;

import java.util.List;

/**
 * One way to get a dataset's data: a file, an API, a map service. Covers the mandatory and
 * recommended DCAT-AP 3 properties of {@code dcat:Distribution} and the common optional ones.
 *
 * @param iri the distribution's IRI; null for a new one, which gets one when stored
 */
public record Distribution(
        String iri,
        LangText title,
        LangText description,
        String accessUrl,
        String downloadUrl,
        String format,
        String mediaType,
        String license,
        String rights,
        String availability,
        String status,
        Long byteSize,
        String issued,
        String modified,
        List<String> languages,
        List<String> conformsTo,
        DataService accessService) {
    public Distribution {
        title = title == null ? LangText.EMPTY : title;
        description = description == null ? LangText.EMPTY : description;
        languages = languages == null ? List.of() : List.copyOf(languages);
        conformsTo = conformsTo == null ? List.of() : List.copyOf(conformsTo);
    }
}
