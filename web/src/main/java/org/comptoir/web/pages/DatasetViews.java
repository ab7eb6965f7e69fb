package org.comptoir.web.pages;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.comptoir.catalog.dataset.Audience;
import org.comptoir.catalog.dataset.Dataset;
import org.comptoir.catalog.dataset.Distribution;
import org.comptoir.catalog.dataset.LangText;
import org.comptoir.catalog.dataset.Spatial;
import org.comptoir.ontologies.AuthorityTables;
import org.comptoir.ontologies.AuthorityTables.Concept;
import org.comptoir.web.pages.Views.Box;
import org.comptoir.web.pages.Views.Contact;
import org.comptoir.web.pages.Views.DatasetSummary;
import org.comptoir.web.pages.Views.DatasetView;
import org.comptoir.web.pages.Views.Day;
import org.comptoir.web.pages.Views.DistributionView;
import org.comptoir.web.pages.Views.Link;
import org.comptoir.web.pages.Views.Text;

/**
 * Turns the catalogue's records into what the screens show, in one language: vocabulary IRIs
 * become the labels of the bundled authority tables, dates become dates a reader reads, harvested
 * addresses are kept only when safe to follow.
 */
final class DatasetViews {
    private static final int EXCERPT_LENGTH = 240;
    private static final Pattern COORDINATES =
            Pattern.compile("(-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)\\s+(-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)");
    private static final Pattern CRS_PREFIX = Pattern.compile("^\\s*<([^>]*)>\\s*");

    private final AuthorityTables tables = AuthorityTables.bundled();
    private final Locale locale;
    private final String lang;

    DatasetViews(Locale locale) {
        this.locale = locale;
        this.lang = locale.getLanguage();
    }

    /** {@code fr} or {@code en}: the language of the page. */
    String language() {
        return "en".equals(lang) ? "en" : "fr";
    }

    DatasetSummary summary(Dataset dataset) {
        var d = dataset.description();
        var formats = new LinkedHashSet<String>();
        d.distributions().forEach(dist -> format(dist).ifPresent(formats::add));
        return new DatasetSummary(
                dataset.id(),
                text(d.title()),
                new Text(excerpt(d.description().best(lang)), language(d.description())),
                d.publisher() == null ? null : blankToNull(d.publisher().name().best(lang)),
                labels(d.themes()),
                List.copyOf(formats),
                day(d.modified()),
                List.of(),
                List.of());
    }

    DatasetView page(Dataset dataset, String iri, Audience audience) {
        var d = dataset.description();
        var g = dataset.governance();
        var contact = d.contactPoint() == null
                ? null
                : new Contact(
                        blankToNull(d.contactPoint().name()),
                        email(d.contactPoint().email()),
                        SafeUrls.safe(d.contactPoint().url()));
        var spatial = d.spatial();
        List<Link> places = spatial == null
                ? List.of()
                : spatial.places().stream()
                        .map(place -> new Link(SafeUrls.safe(place), tables.label(place, lang)))
                        .toList();
        return new DatasetView(
                dataset.id(),
                iri,
                text(d.title()),
                paragraphs(d.description()),
                language(d.description()),
                blankToNull(d.identifier()),
                d.keywords(),
                labels(d.themes()),
                d.publisher() == null ? null : blankToNull(d.publisher().name().best(lang)),
                blankToNull(g.owner().orgUnit()),
                audience == Audience.INTERNAL ? blankToNull(g.owner().name()) : null,
                contact == null || (contact.name() == null && contact.email() == null && contact.url() == null)
                        ? null
                        : contact,
                d.temporal() == null ? null : day(d.temporal().start()),
                d.temporal() == null ? null : day(d.temporal().end()),
                places,
                box(spatial).orElse(null),
                d.accrualPeriodicity() == null ? null : tables.label(d.accrualPeriodicity(), lang),
                day(d.issued()),
                day(d.modified()),
                labels(d.languages()),
                SafeUrls.safe(d.landingPage()),
                distributions(d.distributions()),
                dataset.isOpen(),
                g.accessLevel().name(),
                g.personalData().name(),
                g.status().name());
    }

    /** A text in the page's language if the source gave it, else in the closest one it gave. */
    Text text(LangText text) {
        return new Text(text.best(lang), language(text));
    }

    /** The language of the text {@link LangText#best} picks for the page; null when unknown. */
    private String language(LangText text) {
        var best = text.best(lang);
        return text.values().entrySet().stream()
                .filter(entry -> entry.getValue().equals(best))
                .map(entry -> entry.getKey().isEmpty() ? null : entry.getKey())
                .findFirst()
                .orElse(null);
    }

    /** The label of a distribution's file type, from its format or else its media type. */
    Optional<String> format(Distribution distribution) {
        if (distribution.format() != null) {
            return Optional.of(tables.concept(distribution.format())
                    .or(() -> tables.fileTypeFor(distribution.format()))
                    .map(c -> c.label(lang))
                    .orElseGet(() -> tables.label(distribution.format(), lang)));
        }
        if (distribution.mediaType() != null) {
            return Optional.of(tables.fileTypeFor(distribution.mediaType())
                    .map(c -> c.label(lang))
                    .orElseGet(() -> mediaType(distribution.mediaType())));
        }
        return Optional.empty();
    }

    /** The bundled licence a distribution's licence designates, if Comptoir knows it. */
    Optional<Concept> licence(String license) {
        return license == null ? Optional.empty() : tables.concept(license).or(() -> tables.licenceByAlias(license));
    }

    /** The IANA media type a distribution declares ({@code text/csv}), from its IRI or its value. */
    static String mediaType(String mediaType) {
        var marker = "/media-types/";
        int at = mediaType.indexOf(marker);
        return at >= 0 ? mediaType.substring(at + marker.length()) : mediaType;
    }

    /**
     * The envelope of the spatial coverage's bounding box (or else of its WKT geometry), in
     * longitude/latitude degrees.
     */
    static Optional<Box> box(Spatial spatial) {
        if (spatial == null) {
            return Optional.empty();
        }
        return envelope(spatial.bbox()).or(() -> envelope(spatial.geometry()));
    }

    private static Optional<Box> envelope(String wkt) {
        if (wkt == null || wkt.isBlank() || wkt.strip().startsWith("{")) {
            return Optional.empty();
        }
        var text = wkt;
        boolean latitudeFirst = false;
        var crs = CRS_PREFIX.matcher(text);
        if (crs.find()) {
            latitudeFirst = crs.group(1).endsWith("EPSG/0/4326");
            text = text.substring(crs.end());
        }
        var matcher = COORDINATES.matcher(text);
        double west = Double.POSITIVE_INFINITY, south = Double.POSITIVE_INFINITY;
        double east = Double.NEGATIVE_INFINITY, north = Double.NEGATIVE_INFINITY;
        boolean any = false;
        while (matcher.find()) {
            double first = Double.parseDouble(matcher.group(1));
            double second = Double.parseDouble(matcher.group(2));
            double lon = latitudeFirst ? second : first;
            double lat = latitudeFirst ? first : second;
            if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
                return Optional.empty();
            }
            west = Math.min(west, lon);
            east = Math.max(east, lon);
            south = Math.min(south, lat);
            north = Math.max(north, lat);
            any = true;
        }
        return any ? Optional.of(new Box(west, south, east, north)) : Optional.empty();
    }

    private List<DistributionView> distributions(List<Distribution> distributions) {
        var views = new ArrayList<DistributionView>();
        for (var dist : distributions) {
            var format = format(dist).orElse(null);
            var licence = licence(dist.license());
            var title = text(dist.title());
            if (title.isEmpty()) {
                title = new Text(format != null ? format : dist.accessUrl() != null ? dist.accessUrl() : "", null);
            }
            var download = SafeUrls.safe(dist.downloadUrl());
            var access = SafeUrls.safe(dist.accessUrl());
            views.add(new DistributionView(
                    title,
                    dist.description().isEmpty() ? null : text(dist.description()),
                    format,
                    licence.map(c -> c.label(lang)).orElse(blankToNull(dist.license())),
                    SafeUrls.safe(licence.map(Concept::iri).orElse(dist.license())),
                    download,
                    access != null && !access.equals(download) ? access : null));
        }
        return views;
    }

    private List<String> labels(List<String> iris) {
        return iris.stream().map(iri -> tables.label(iri, lang)).toList();
    }

    private List<String> paragraphs(LangText description) {
        return java.util.Arrays.stream(description.best(lang).split("\\R\\s*\\R"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    Day day(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return new Day(value, date(value.strip()).map(this::longDate).orElse(value));
    }

    /** {@code 5 novembre 2026}, {@code 1er janvier 2018} (French writes the first of a month so). */
    private String longDate(LocalDate date) {
        var text = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(locale)
                .format(date);
        return lang.equals("fr") && date.getDayOfMonth() == 1 && text.startsWith("1 ")
                ? "1er" + text.substring(1)
                : text;
    }

    private static Optional<LocalDate> date(String value) {
        try {
            if (value.length() == 10) {
                return Optional.of(LocalDate.parse(value));
            }
            if (value.length() > 10 && value.charAt(10) == 'T') {
                try {
                    return Optional.of(OffsetDateTime.parse(value).toLocalDate());
                } catch (DateTimeParseException e) {
                    return Optional.of(LocalDateTime.parse(value).toLocalDate());
                }
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static String excerpt(String text) {
        var flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= EXCERPT_LENGTH) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', EXCERPT_LENGTH);
        return flat.substring(0, cut > EXCERPT_LENGTH / 2 ? cut : EXCERPT_LENGTH)
                        .replaceAll("[\\s,;:.]+$", "") + "…";
    }

    private static String email(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        var address = email.strip();
        address = address.regionMatches(true, 0, "mailto:", 0, 7) ? address.substring(7) : address;
        return address.contains("@") && !address.matches(".*[\\s<>\"'].*") ? address : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
