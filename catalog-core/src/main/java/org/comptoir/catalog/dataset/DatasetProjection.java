package org.comptoir.catalog.dataset;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

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
            .build();

    private DatasetProjection() {}

    /** What the projection holds: the parts of a dataset that only its RDF description says. */
    record Decoded(Description description, Owner owner) {}

    /** JSON in UTF-8: the store reads bytes without decoding text, Jackson parses them as they are. */
    static byte[] encode(Description description, Owner owner) {
        return JSON.writeValueAsBytes(new Decoded(description, owner));
    }

    /**
     * Like {@link #decode}, for the rows a search shows: the same datasets come back in page after
     * page, and a projection's bytes decode to the same description and owner (immutable records)
     * whatever the row, so the last {@link #DECODED_KEPT} are kept by their bytes.
     */
    static Decoded decodeKept(byte[] json) {
        var key = ByteBuffer.wrap(json);
        var kept = DECODED.get(key);
        if (kept == null) {
            kept = decode(json);
            if (DECODED.size() >= DECODED_KEPT) {
                DECODED.clear();
            }
            DECODED.put(key, kept);
        }
        return kept;
    }

    /** Most decoded projections kept; beyond, they are all dropped and decoded again as read. */
    static final int DECODED_KEPT = 1_024;

    private static final Map<ByteBuffer, Decoded> DECODED = new ConcurrentHashMap<>();

    static Decoded decode(byte[] json) {
        var decoded = JSON.readValue(json, Decoded.class);
        return new Decoded(decoded.description(), decoded.owner() == null ? Owner.NONE : decoded.owner());
    }
}
