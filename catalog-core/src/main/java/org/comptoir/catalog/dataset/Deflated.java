package org.comptoir.catalog.dataset;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Text as the store keeps a dataset's description and the payload it was harvested from: UTF-8,
 * deflated (zlib format, RFC 1950, at the fastest level), as bytes rather than as a large object
 * (ADR 0020). N-Triples and the payloads of portals repeat their IRIs and keys: a description takes
 * about a seventh of its size.
 *
 * <p>Deflating is done where the caller has cores to spare (a harvest deflates while it maps, on
 * every core), not in the transaction that writes the row.
 */
public final class Deflated {
    /** zlib's state for deflating takes about 256 KiB: kept for the next text, a few at most. */
    private static final ArrayBlockingQueue<Deflater> DEFLATERS = new ArrayBlockingQueue<>(8);

    private static final ArrayBlockingQueue<Inflater> INFLATERS = new ArrayBlockingQueue<>(8);

    private final byte[] bytes;

    private Deflated(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The text deflated. */
    public static Deflated of(String text) {
        var input = text.getBytes(StandardCharsets.UTF_8);
        var deflater = DEFLATERS.poll();
        if (deflater == null) {
            deflater = new Deflater(Deflater.BEST_SPEED);
        }
        try {
            deflater.setInput(input);
            deflater.finish();
            var output = new byte[Math.max(64, input.length / 4)];
            int length = 0;
            while (!deflater.finished()) {
                if (length == output.length) {
                    output = Arrays.copyOf(output, output.length * 2);
                }
                length += deflater.deflate(output, length, output.length - length);
            }
            return new Deflated(Arrays.copyOf(output, length));
        } finally {
            deflater.reset();
            if (!DEFLATERS.offer(deflater)) {
                deflater.end();
            }
        }
    }

    /** Bytes as the store gave them back. */
    static Deflated stored(byte[] bytes) {
        return bytes == null ? null : new Deflated(bytes);
    }

    /** What the store keeps. */
    byte[] bytes() {
        return bytes;
    }

    /**
     * The text again.
     *
     * @throws IllegalStateException when the bytes are not deflated text (a row written by hand)
     */
    public String text() {
        var inflater = INFLATERS.poll();
        if (inflater == null) {
            inflater = new Inflater();
        }
        try {
            inflater.setInput(bytes);
            var output = new byte[Math.max(256, bytes.length * 8)];
            int length = 0;
            while (!inflater.finished()) {
                if (length == output.length) {
                    output = Arrays.copyOf(output, output.length * 2);
                }
                int n = inflater.inflate(output, length, output.length - length);
                if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("Stored text cut short: " + bytes.length + " deflated bytes");
                }
                length += n;
            }
            return new String(output, 0, length, StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalStateException("Stored text cannot be inflated: " + e.getMessage(), e);
        } finally {
            inflater.reset();
            if (!INFLATERS.offer(inflater)) {
                inflater.end();
            }
        }
    }

    /** How many bytes the store keeps. */
    int size() {
        return bytes.length;
    }
}
