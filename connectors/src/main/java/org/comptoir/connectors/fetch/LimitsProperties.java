package org.comptoir.connectors.fetch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much of a source a harvest takes in at once ({@code comptoir.harvest.limits.*}); see the
 * module's README for the table of settings and ADR "network rules and limits" for the defaults.
 * A page beyond a page limit is refused before it is parsed ({@link PageGuard}); a record beyond a
 * record limit is refused alone, with its key ({@link RecordLimits}). Checked when bound: a wrong
 * value stops the application with the property's name.
 *
 * @param maxPageSize the most bytes one page may hold, once decompressed; reading stops there
 * @param maxJsonDepth how deeply a JSON page may nest objects and arrays
 * @param maxDistributions the most distributions one dataset may have
 * @param maxKeywords the most keywords one dataset may have
 * @param maxLiteralLength the most characters one value (a description, a title...) may have
 * @param maxTriplesPerRecord the most RDF statements one dataset's description may hold
 * @param maxDumpSize the most bytes, once decompressed, of a page read as a stream (a DCAT-AP dump
 *     in Turtle, N-Triples or N-Quads), which is never held whole in memory (ADR 0018)
 */
@ConfigurationProperties("comptoir.harvest.limits")
public record LimitsProperties(
        @DefaultValue("64MB") DataSize maxPageSize,
        @DefaultValue("100") int maxJsonDepth,
        @DefaultValue("1000") int maxDistributions,
        @DefaultValue("500") int maxKeywords,
        @DefaultValue("1048576") int maxLiteralLength,
        @DefaultValue("50000") int maxTriplesPerRecord,
        @DefaultValue("8GB") DataSize maxDumpSize) {

    public LimitsProperties {
        if (maxPageSize == null || maxPageSize.toBytes() < 1024 || maxPageSize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "comptoir.harvest.limits.max-page-size doit être entre 1KB et 2047MB (reçu " + maxPageSize + ")");
        }
        if (maxDumpSize == null) {
            maxDumpSize = DataSize.ofGigabytes(8);
        }
        if (maxDumpSize.toBytes() < maxPageSize.toBytes()) {
            throw new IllegalArgumentException("comptoir.harvest.limits.max-dump-size (" + maxDumpSize
                    + ") ne peut être plus petit que max-page-size (" + maxPageSize + ")");
        }
        atLeastOne("max-json-depth", maxJsonDepth);
        atLeastOne("max-distributions", maxDistributions);
        atLeastOne("max-keywords", maxKeywords);
        atLeastOne("max-literal-length", maxLiteralLength);
        atLeastOne("max-triples-per-record", maxTriplesPerRecord);
    }

    /** The defaults, as the embedded profile uses them. */
    public static LimitsProperties defaults() {
        return new LimitsProperties(
                DataSize.ofMegabytes(64), 100, 1000, 500, 1_048_576, 50_000, DataSize.ofGigabytes(8));
    }

    private static void atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(
                    "comptoir.harvest.limits." + name + " doit valoir au moins 1 (reçu " + value + ")");
        }
    }
}
