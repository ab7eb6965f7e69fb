package org.comptoir.connectors.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.comptoir.catalog.dataset.FieldProblem;
import org.comptoir.connectors.InvalidSourceException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;

/** The harvest sources, in the relational store. */
public class Sources {
    static final int MAX_NAME = 200;
    static final int MAX_URL = 2000;
    private static final String COLUMNS = "id, name, kind, url, schedule, created_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    public Sources(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Registers a source.
     *
     * @throws InvalidSourceException listing every field to fix
     */
    public Source create(NewSource request) {
        var problems = problems(request);
        if (!problems.isEmpty()) {
            throw new InvalidSourceException(problems);
        }
        var schedule = request.schedule() == null || request.schedule().isBlank()
                ? null
                : request.schedule().strip();
        var source = new Source(
                UUID.randomUUID().toString(),
                request.name().strip(),
                request.kind(),
                request.url().strip(),
                schedule,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        jdbc.sql("INSERT INTO harvest_source (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        source.id(),
                        source.name(),
                        source.kind(),
                        source.url(),
                        source.schedule(),
                        Timestamp.from(source.createdAt()))
                .update();
        return source;
    }

    public Optional<Source> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM harvest_source WHERE id = ?")
                .param(id)
                .query(Sources::row)
                .optional();
    }

    /** Every source, by name. */
    public List<Source> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM harvest_source ORDER BY name, created_at, id")
                .query(Sources::row)
                .list();
    }

    static List<FieldProblem> problems(NewSource request) {
        var problems = new ArrayList<FieldProblem>();
        var name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            problems.add(new FieldProblem("name", "Donnez un nom à la source."));
        } else if (name.length() > MAX_NAME) {
            problems.add(new FieldProblem("name", "Le nom dépasse " + MAX_NAME + " caractères."));
        }
        if (!SourceKinds.isKnown(request.kind())) {
            problems.add(new FieldProblem(
                    "kind",
                    "Type de source inconnu"
                            + (request.kind() == null ? "" : " « " + request.kind() + " »")
                            + " : les types possibles sont " + String.join(", ", new TreeSet<>(SourceKinds.all()))
                            + "."));
        }
        var urlProblem = urlProblem(request.url());
        if (urlProblem != null) {
            problems.add(new FieldProblem("url", urlProblem));
        }
        var schedule = request.schedule();
        if (schedule != null && !schedule.isBlank() && !CronExpression.isValidExpression(schedule.strip())) {
            problems.add(new FieldProblem(
                    "schedule",
                    "« " + schedule + " » n'est pas une expression cron valide : six champs (seconde minute heure "
                            + "jour mois jour-de-semaine), par exemple « 0 0 3 * * * » pour chaque nuit à 3 h."));
        }
        return problems;
    }

    private static String urlProblem(String url) {
        if (url == null || url.isBlank()) {
            return "Donnez l'URL de la source.";
        }
        var value = url.strip();
        if (value.length() > MAX_URL) {
            return "L'URL dépasse " + MAX_URL + " caractères.";
        }
        try {
            var uri = new URI(value);
            var scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !("http".equals(scheme) || "https".equals(scheme))) {
                return "L'URL doit être absolue et commencer par http:// ou https://.";
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                return "L'URL doit nommer un serveur, par exemple https://data.exemple.fr/catalog.ttl.";
            }
            return null;
        } catch (URISyntaxException e) {
            return "« " + value + " » n'est pas une URL valide (" + e.getReason() + ").";
        }
    }

    private static Source row(ResultSet rs, int rowNum) throws SQLException {
        return new Source(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("kind"),
                rs.getString("url"),
                rs.getString("schedule"),
                rs.getTimestamp("created_at").toInstant());
    }
}
