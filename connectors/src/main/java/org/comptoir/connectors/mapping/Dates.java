package org.comptoir.connectors.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the dates portals write into the lexical forms of XSD dates that DCAT-AP accepts, keeping
 * the precision given: {@code 2017} (a year), {@code 2017-08}, {@code 2017-08-05}, {@code
 * 2017-08-05T03:16:52.857800} (CKAN, without zone), {@code 2019-09-30 22:00:00}, {@code
 * 2019-09-30T22:00:00+0000}, {@code 30/09/2019} (French day first) or milliseconds since 1970
 * (ArcGIS). What cannot be read as a date is dropped (the raw payload keeps it).
 */
public final class Dates {
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern COMPACT_OFFSET = Pattern.compile("([+-]\\d{2})(\\d{2})$");
    private static final List<DateTimeFormatter> DAY_FIRST =
            List.of(DateTimeFormatter.ofPattern("dd/MM/uuuu"), DateTimeFormatter.ofPattern("d/M/uuuu"));

    private Dates() {}

    /** The XSD lexical form of {@code value}, or null when it is not a date Comptoir can read. */
    public static String lexical(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var text = value.strip();
        try {
            if (YEAR.matcher(text).matches()) {
                return Year.parse(text).toString();
            }
            if (YEAR_MONTH.matcher(text).matches()) {
                return YearMonth.parse(text).toString();
            }
            if (text.length() == 10 && text.charAt(4) == '-') {
                return LocalDate.parse(text).toString();
            }
            if (text.length() == 10 && text.charAt(2) == '/') {
                return dayFirst(text);
            }
            if (text.length() > 10 && text.charAt(4) == '-') {
                return dateTime(text);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    /** The date-time (UTC) of a count of milliseconds since 1970, as ArcGIS gives them. */
    public static String fromEpochMillis(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    private static String dateTime(String text) {
        var normalised = text.replace(' ', 'T');
        var compact = COMPACT_OFFSET.matcher(normalised);
        if (compact.find() && normalised.indexOf('T') > 0) {
            normalised = compact.replaceFirst("$1:$2");
        }
        try {
            OffsetDateTime.parse(normalised);
            return normalised;
        } catch (DateTimeParseException e) {
            LocalDateTime.parse(normalised);
            return normalised;
        }
    }

    private static String dayFirst(String text) {
        for (var format : DAY_FIRST) {
            try {
                return LocalDate.parse(text, format).toString();
            } catch (DateTimeParseException e) {
                // try the next pattern
            }
        }
        return null;
    }
}
