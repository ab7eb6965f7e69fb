package org.comptoir.web.api;

import java.util.regex.Pattern;
import org.comptoir.catalog.dataset.FieldProblem;
import org.comptoir.catalog.dataset.InvalidDatasetException;

/** Entity tags of datasets: the version, quoted. */
final class ETags {
    private static final Pattern TAG = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

    private ETags() {}

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header names. */
    static long version(String ifMatch) {
        var matcher = TAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw new InvalidDatasetException(java.util.List.of(
                    new FieldProblem("If-Match", "L'en-tête If-Match doit reprendre l'ETag lu, par exemple \"3\".")));
        }
        return Long.parseLong(matcher.group(1));
    }
}
