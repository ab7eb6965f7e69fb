package org.comptoir.catalog.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;

/**
 * One dataset as a source described it: mapped already, or received and mapped only when the
 * catalogue needs its description.
 *
 * <p>A received record ({@link #received}) carries a fingerprint of what the source sent, taken
 * before any mapping: of the statements received and of everything else that changes the mapping's
 * result. The catalogue compares it with the fingerprint it stored, and maps the record only when
 * they differ, so that an unchanged record costs no mapping, no validation and no raw payload. A
 * mapped record is fingerprinted on its description by the catalogue. A received record's hash may
 * be taken lazily too, so that the catalogue takes the hashes of a batch on every core rather than
 * the connector's reading thread one after the other.
 */
public final class HarvestedRecord {
    private final String sourceKey;
    private final boolean received;
    private Supplier<String> fingerprinting;
    private String fingerprint;
    private Supplier<HarvestedRecord> mapping;
    private Mapped mapped;

    private record Mapped(Model description, Resource dataset, String rawPayload, String mediaType) {}

    /**
     * A mapped record.
     *
     * @param sourceKey the dataset's stable key in the source (its IRI for a DCAT source)
     * @param description the dataset's DCAT description, as the connector mapped it
     * @param dataset the dataset's node in {@code description}
     * @param rawPayload what the source sent for this record, kept as provenance
     * @param mediaType the media type of {@code rawPayload}
     */
    public HarvestedRecord(String sourceKey, Model description, Resource dataset, String rawPayload, String mediaType) {
        this.sourceKey = sourceKey;
        this.received = false;
        this.mapped = new Mapped(description, dataset, rawPayload, mediaType);
    }

    private HarvestedRecord(String sourceKey, Supplier<String> fingerprinting, Supplier<HarvestedRecord> mapping) {
        this.sourceKey = Objects.requireNonNull(sourceKey);
        this.received = true;
        this.fingerprinting = Objects.requireNonNull(fingerprinting);
        this.mapping = Objects.requireNonNull(mapping);
    }

    /**
     * A received record, hashed by {@code receivedHash} the first time its fingerprint is asked for
     * and mapped by {@code mapping} the first time its description is asked for (each on any thread,
     * and kept once it succeeds); a hash or a mapping that throws makes the record fail alone, with
     * that reason.
     *
     * @param receivedHash a hash of the statements the source sent for it (of what it sent, before
     *     any mapping), the same for two fetches of an unchanged record
     * @param mappingVersion the version of the code that maps it: a new version maps every record again
     */
    public static HarvestedRecord received(
            String sourceKey, Supplier<String> receivedHash, String mappingVersion, Supplier<HarvestedRecord> mapping) {
        Objects.requireNonNull(receivedHash);
        Objects.requireNonNull(mappingVersion);
        return new HarvestedRecord(sourceKey, () -> combine(receivedHash.get(), mappingVersion), mapping);
    }

    /**
     * The same received record, its fingerprint combined with {@code setting} (a setting that
     * changes the mapping's result, so that a change of it maps every record again) and its mapping
     * followed by {@code check}.
     */
    public HarvestedRecord with(String setting, Consumer<HarvestedRecord> check) {
        if (!isReceived()) {
            throw new IllegalStateException("only a received record is mapped later");
        }
        return new HarvestedRecord(sourceKey, () -> combine(fingerprint(), setting), () -> {
            var result = mapped();
            check.accept(result);
            return result;
        });
    }

    public String sourceKey() {
        return sourceKey;
    }

    /** Whether this record was received, to be mapped only when the catalogue needs it. */
    public boolean isReceived() {
        return received;
    }

    /**
     * The fingerprint of what the source sent, before mapping, taken on the first call; null for a
     * record mapped already.
     */
    public synchronized String fingerprint() {
        if (fingerprinting != null) {
            fingerprint = Objects.requireNonNull(fingerprinting.get());
            fingerprinting = null;
        }
        return fingerprint;
    }

    public Model description() {
        return map().description();
    }

    public Resource dataset() {
        return map().dataset();
    }

    public String rawPayload() {
        return map().rawPayload();
    }

    public String mediaType() {
        return map().mediaType();
    }

    /** This record mapped: itself when it is, else what its mapping gives. */
    private HarvestedRecord mapped() {
        map();
        return this;
    }

    private static String combine(String fingerprint, String setting) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(fingerprint.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(setting.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized Mapped map() {
        if (mapped == null) {
            var result = mapping.get();
            mapped = result.map();
            mapping = null;
        }
        return mapped;
    }
}
