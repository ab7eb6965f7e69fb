package org.comptoir.web.pages;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.comptoir.connectors.harvest.Counts;
import org.comptoir.connectors.harvest.HarvestRun;
import org.comptoir.connectors.harvest.RecordError;
import org.comptoir.connectors.source.Source;

/** The sources and their runs as the source screens show them: times and durations already written out. */
final class HarvestViews {
    /** The authorities Comptoir serves are French: their screens tell French time. */
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** The record errors a run page lists; the count says how many there are in all. */
    static final int ERRORS_SHOWN = 100;

    private HarvestViews() {}

    /**
     * A run on a screen.
     *
     * @param status the {@link org.comptoir.connectors.harvest.RunStatus} name, for the messages
     * @param percent how far the run is, when the source told its total; null otherwise
     * @param errors the first {@value #ERRORS_SHOWN} record errors
     */
    record RunView(
            String id,
            String sourceId,
            String status,
            boolean active,
            String trigger,
            String triggeredBy,
            Time startedAt,
            Time finishedAt,
            String duration,
            long seen,
            Long total,
            Integer percent,
            int pages,
            String currentUrl,
            double rate,
            Counts counts,
            List<RecordError> errors,
            String failureReason,
            String cancelRequestedBy) {}

    /** An instant, machine-readable ({@code iso}) and as a reader reads it ({@code text}). */
    record Time(String iso, String text) {}

    /** A line of the list of sources: the source and its latest run, if any. */
    record SourceRow(Source source, RunView lastRun) {}

    static RunView run(HarvestRun run, Locale locale, Instant now) {
        var total = run.total();
        Integer percent = total == null || total <= 0 ? null : (int) Math.min(100, run.seen() * 100 / total);
        return new RunView(
                run.id(),
                run.sourceId(),
                run.status().name(),
                run.status().isActive(),
                run.trigger().kind().name(),
                run.trigger().user(),
                time(run.startedAt(), locale),
                time(run.finishedAt(), locale),
                duration(run.duration(now)),
                run.seen(),
                total,
                percent,
                run.pages(),
                run.currentUrl(),
                Math.round(run.ratePerSecond(now) * 10) / 10.0,
                run.counts(),
                run.errors().stream().limit(ERRORS_SHOWN).toList(),
                run.failureReason(),
                run.cancelRequestedBy());
    }

    static Time time(Instant instant, Locale locale) {
        if (instant == null) {
            return null;
        }
        var text = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale)
                .withZone(PARIS)
                .format(instant);
        return new Time(instant.toString(), text);
    }

    /** {@code 4 s}, {@code 2 min 05 s}, {@code 1 h 02 min}: the same in French and English. */
    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return "%d min %02d s".formatted(seconds / 60, seconds % 60);
        }
        return "%d h %02d min".formatted(seconds / 3600, seconds % 3600 / 60);
    }
}
