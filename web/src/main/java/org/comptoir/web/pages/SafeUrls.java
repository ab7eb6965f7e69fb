package org.comptoir.web.pages;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Addresses taken from harvested descriptions, kept only when a browser may follow them safely: a
 * source could send {@code javascript:} or {@code data:} where a download link is expected.
 */
final class SafeUrls {
    private static final Set<String> SCHEMES = Set.of("http", "https", "ftp", "mailto");

    private SafeUrls() {}

    /** The address if its scheme is http, https, ftp or mailto; null otherwise. */
    static String safe(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            var scheme = new URI(url.strip()).getScheme();
            return scheme != null && SCHEMES.contains(scheme.toLowerCase(Locale.ROOT)) ? url.strip() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
