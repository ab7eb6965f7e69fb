package org.comptoir.catalog.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A key other than the source key that names a harvested dataset: stored as the SHA-256 of its
 * normalised value, so a URL of any length fits an index.
 *
 * @param kind where the value was found (explains a reconciliation; any kind matches any other)
 * @param value the normalised value
 */
record IdentityKey(Kind kind, String value) {
    enum Kind {
        LANDING_PAGE,
        DOWNLOAD_URL,
        ACCESS_URL,
        IDENTIFIER
    }

    String hash() {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
