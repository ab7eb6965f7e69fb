package org.comptoir.connectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The reference payloads of {@code ../shared/reference}, read from the system property {@code
 * comptoir.reference.dir}; a test that needs one is skipped when the folder is absent.
 */
public final class Reference {
    private Reference() {}

    public static String text(String relative) {
        return new String(bytes(relative), StandardCharsets.UTF_8);
    }

    public static byte[] bytes(String relative) {
        var dir = System.getProperty("comptoir.reference.dir");
        Assumptions.assumeTrue(
                dir != null && !dir.isBlank() && Files.isDirectory(Path.of(dir)),
                "../shared/reference absent (system property comptoir.reference.dir): skipping");
        try {
            return Files.readAllBytes(Path.of(dir).resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A test resource next to {@code type}. */
    public static String fixture(Class<?> type, String name) {
        try (var in = type.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
