package org.comptoir.catalog.dataset;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * What the store keeps beside a dataset's RDF description so that reading it back never parses
 * RDF: the description and owner that {@code DatasetRdf.read} decodes from the graph, as compact
 * JSON. Written with the row, in its transaction; tagged with the row's version so that a row
 * written by a path that forgot it is decoded from its graph instead (ADR 0017).
 */
final class DatasetProjection {
    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultVisibility(visibility -> visibility
                    .withVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                    .withVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY))
            .changeDefaultPropertyInclusion(include -> include.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // every search hit's projection is read: fields set through generated lambdas
            .addModule(new BlackbirdModule())
            .build();

    private DatasetProjection() {}

    /** What the projection holds: the parts of a dataset that only its RDF description says. */
    record Decoded(Description description, Owner owner) {}

    /** JSON in UTF-8: the store reads bytes without decoding text, Jackson parses them as they are. */
    static byte[] encode(Description description, Owner owner) {
        return JSON.writeValueAsBytes(new Decoded(description, owner));
    }

    static Decoded decode(byte[] json) {
        var decoded = JSON.readValue(json, Decoded.class);
        return new Decoded(decoded.description(), decoded.owner() == null ? Owner.NONE : decoded.owner());
    }
}
