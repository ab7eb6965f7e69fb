package org.comptoir.catalog.dataset;

/**
 * A whole dataset as compact JSON bytes, for a search index to keep beside a document and give back
 * with a hit, so that a search shows its hits without reading the store (ADR 0017). Encoded with the
 * projection's mapper: the same field names, nulls left out. The store stays the truth: a snapshot is
 * what the index was given, no more recent.
 */
public final class DatasetSnapshot {
    private DatasetSnapshot() {}

    public static byte[] encode(Dataset dataset) {
        return DatasetProjection.JSON.writeValueAsBytes(dataset);
    }

    public static Dataset decode(byte[] snapshot) {
        return decode(snapshot, 0, snapshot.length);
    }

    /** The dataset encoded in {@code length} bytes of {@code bytes} from {@code offset}. */
    public static Dataset decode(byte[] bytes, int offset, int length) {
        return DatasetProjection.JSON.readValue(bytes, offset, length, Dataset.class);
    }
}
