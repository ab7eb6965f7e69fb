package org.comptoir.connectors.source;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.comptoir.catalog.dataset.AccessLevel;
import org.comptoir.catalog.dataset.FieldProblem;
import org.comptoir.catalog.dataset.PersonalData;
import org.comptoir.connectors.InvalidSourceException;
import org.comptoir.connectors.SourceInUseException;
import org.comptoir.connectors.SourceNotFoundException;
import org.comptoir.connectors.StaleSourceException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The harvest sources, in the relational store. Credentials are sealed before they are written
 * ({@link SecretBox}); a change goes through only when it names the current version; every change
 * tells the {@link SourceSchedules} in the same transaction. A deleted source disappears from the
 * lists and its schedule stops, but its runs stay, and the datasets it brought in stay as they are.
 */
public class Sources {
    static final int MAX_NAME = 200;
    static final int MAX_URL = 2000;
    static final int MAX_TEXT = 255;
    static final int MAX_PAGE_SIZE = 10_000;
    static final double MAX_REQUESTS_PER_SECOND = 100;
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final List<String> RESERVED_HEADERS =
            List.of("host", "content-length", "transfer-encoding", "connection", "accept", "user-agent");
    private static final String COLUMNS = "id, name, kind, url, schedule, created_at, version, credential_type, "
            + "max_requests_per_second, page_size, default_org_unit, default_owner_name, default_owner_email, "
            + "default_access_level, default_personal_data, max_records, max_duration_seconds";

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final SecretBox secrets;
    private final SourceSchedules schedules;
    private final Clock clock;

    public Sources(
            JdbcClient jdbc,
            TransactionOperations transactions,
            SecretBox secrets,
            SourceSchedules schedules,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.secrets = secrets;
        this.schedules = schedules;
        this.clock = clock;
    }

    /**
     * Registers a source.
     *
     * @throws InvalidSourceException listing every field to fix
     */
    public Source create(NewSource request) {
        var credentials = request.credentials() == null ? Credentials.NONE : request.credentials();
        var problems = problems(request, credentials);
        if (!problems.isEmpty()) {
            throw new InvalidSourceException(problems);
        }
        var id = UUID.randomUUID().toString();
        var now = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
        return transactions.execute(status -> {
            jdbc.sql("INSERT INTO harvest_source (id, name, kind, url, schedule, created_at, updated_at, version, "
                            + "credential_type, credentials) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)")
                    .params(
                            id,
                            request.name().strip(),
                            request.kind(),
                            request.url().strip(),
                            schedule(request),
                            now,
                            now,
                            credentials.type().name(),
                            seal(id, credentials))
                    .update();
            writeSettings(id, request);
            var source = find(id).orElseThrow();
            schedules.changed(source);
            return source;
        });
    }

    /**
     * Changes a source, if it is still at the version the caller read.
     *
     * @param request the whole new configuration; its null credentials keep the stored ones
     * @throws SourceNotFoundException when there is no such source
     * @throws StaleSourceException when the source changed since {@code expectedVersion}
     * @throws InvalidSourceException listing every field to fix
     */
    public Source update(String id, long expectedVersion, NewSource request) {
        var problems = problems(request, request.credentials() == null ? Credentials.NONE : request.credentials());
        if (!problems.isEmpty()) {
            throw new InvalidSourceException(problems);
        }
        return transactions.execute(status -> {
            var current = lock(id);
            if (current.version() != expectedVersion) {
                throw new StaleSourceException(id, expectedVersion, current.version());
            }
            jdbc.sql("UPDATE harvest_source SET name = ?, kind = ?, url = ?, schedule = ?, updated_at = ?, "
                            + "version = version + 1 WHERE id = ?")
                    .params(
                            request.name().strip(),
                            request.kind(),
                            request.url().strip(),
                            schedule(request),
                            Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)),
                            id)
                    .update();
            if (request.credentials() != null) {
                jdbc.sql("UPDATE harvest_source SET credential_type = ?, credentials = ? WHERE id = ?")
                        .params(request.credentials().type().name(), seal(id, request.credentials()), id)
                        .update();
            }
            writeSettings(id, request);
            var source = find(id).orElseThrow();
            schedules.changed(source);
            return source;
        });
    }

    /**
     * Deletes a source: it leaves the lists and its schedule stops; its runs stay, and so do the
     * datasets it brought in, unchanged (a person withdraws them if they should go).
     *
     * @throws SourceNotFoundException when there is no such source
     * @throws SourceInUseException while one of its runs is queued or running
     */
    public void delete(String id) {
        transactions.executeWithoutResult(status -> {
            lock(id);
            jdbc.sql("SELECT id FROM harvest_run WHERE active_source = ?")
                    .param(id)
                    .query(String.class)
                    .optional()
                    .ifPresent(run -> {
                        throw new SourceInUseException(run);
                    });
            jdbc.sql("UPDATE harvest_source SET deleted_at = ?, schedule = NULL, credentials = NULL, "
                            + "credential_type = 'NONE', version = version + 1 WHERE id = ?")
                    .params(Timestamp.from(clock.instant()), id)
                    .update();
            schedules.deleted(id);
        });
    }

    public Optional<Source> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM harvest_source WHERE id = ? AND deleted_at IS NULL")
                .param(id)
                .query(Sources::row)
                .optional();
    }

    /** Every source, by name. */
    public List<Source> all() {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM harvest_source WHERE deleted_at IS NULL ORDER BY name, created_at, id")
                .query(Sources::row)
                .list();
    }

    /**
     * The source's credentials, opened, for the harvest to send them.
     *
     * @throws SourceNotFoundException when there is no such source
     * @throws SecretBox.UnreadableSecretException when the key changed since they were stored
     */
    public Credentials credentials(String id) {
        var sealed = jdbc.sql("SELECT credentials FROM harvest_source WHERE id = ? AND deleted_at IS NULL")
                .param(id)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
                .optional()
                .orElseThrow(() -> new SourceNotFoundException(id));
        return sealed.map(value -> decode(secrets.open(value, id))).orElse(Credentials.NONE);
    }

    /**
     * Every problem of a configuration, field by field (empty when it is valid).
     *
     * @param credentials the credentials to check, {@link Credentials#NONE} when none are given
     */
    public static List<FieldProblem> problems(NewSource request, Credentials credentials) {
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
        var urlProblem = urlProblem(request.url(), "l'URL de la source", "https://data.exemple.fr/catalog.ttl");
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
        credentialProblems(credentials, problems);
        var politeness = request.politeness();
        var rate = politeness.maxRequestsPerSecond();
        if (rate != null && !(rate > 0 && rate <= MAX_REQUESTS_PER_SECOND)) {
            problems.add(new FieldProblem(
                    "politeness.maxRequestsPerSecond",
                    "Le nombre de requêtes par seconde doit être supérieur à 0 et au plus "
                            + (int) MAX_REQUESTS_PER_SECOND + " (0,5 : une requête toutes les deux secondes)."));
        }
        var pageSize = politeness.pageSize();
        if (pageSize != null && (pageSize < 1 || pageSize > MAX_PAGE_SIZE)) {
            problems.add(new FieldProblem(
                    "politeness.pageSize", "La taille de page doit être entre 1 et " + MAX_PAGE_SIZE + "."));
        }
        var defaults = request.defaults();
        tooLong(defaults.orgUnit(), "defaults.orgUnit", problems);
        tooLong(defaults.ownerName(), "defaults.ownerName", problems);
        tooLong(defaults.ownerEmail(), "defaults.ownerEmail", problems);
        if (defaults.ownerEmail() != null
                && !defaults.ownerEmail().isBlank()
                && !EMAIL.matcher(defaults.ownerEmail().strip()).matches()) {
            problems.add(new FieldProblem(
                    "defaults.ownerEmail", "« " + defaults.ownerEmail() + " » n'est pas une adresse e-mail."));
        }
        var limits = request.limits();
        if (limits.maxRecords() != null && limits.maxRecords() < 1) {
            problems.add(new FieldProblem(
                    "limits.maxRecords", "Le nombre maximal de jeux de données par récolte doit valoir au moins 1."));
        }
        if (limits.maxDuration() != null && limits.maxDuration().compareTo(Duration.ofSeconds(1)) < 0) {
            problems.add(new FieldProblem(
                    "limits.maxDuration", "La durée maximale d'une récolte doit être d'au moins 1 s."));
        }
        return problems;
    }

    private static void credentialProblems(Credentials credentials, List<FieldProblem> problems) {
        switch (credentials) {
            case Credentials.None none -> {}
            case Credentials.Basic basic -> {
                required(basic.username(), "credentials.username", "Donnez l'identifiant.", problems);
                if (basic.username() != null && basic.username().contains(":")) {
                    problems.add(new FieldProblem(
                            "credentials.username", "L'identifiant HTTP Basic ne peut pas contenir « : »."));
                }
                required(basic.password(), "credentials.password", "Donnez le mot de passe.", problems);
            }
            case Credentials.Bearer bearer ->
                headerValue(bearer.token(), "credentials.token", "Donnez le jeton.", problems);
            case Credentials.ApiKey key -> {
                if (key.header() == null
                        || !HEADER_NAME.matcher(key.header().strip()).matches()) {
                    problems.add(new FieldProblem(
                            "credentials.header",
                            "Donnez le nom de l'en-tête qui porte la clé, par exemple X-API-Key (lettres, chiffres, "
                                    + "tirets)."));
                } else if (RESERVED_HEADERS.contains(key.header().strip().toLowerCase(Locale.ROOT))) {
                    problems.add(new FieldProblem(
                            "credentials.header", "L'en-tête « " + key.header() + " » est réservé au protocole HTTP."));
                }
                headerValue(key.value(), "credentials.value", "Donnez la valeur de la clé.", problems);
            }
            case Credentials.OAuth2 oauth -> {
                var problem = urlProblem(oauth.tokenUrl(), "l'URL du jeton", "https://auth.exemple.fr/oauth2/token");
                if (problem != null) {
                    problems.add(new FieldProblem("credentials.tokenUrl", problem));
                }
                required(oauth.clientId(), "credentials.clientId", "Donnez l'identifiant du client.", problems);
                required(oauth.clientSecret(), "credentials.clientSecret", "Donnez le secret du client.", problems);
            }
        }
    }

    private static void required(String value, String field, String message, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, message));
        } else if (value.length() > 2000) {
            problems.add(new FieldProblem(field, "La valeur dépasse 2000 caractères."));
        }
    }

    private static void headerValue(String value, String field, String message, List<FieldProblem> problems) {
        required(value, field, message, problems);
        if (value != null && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0)) {
            problems.add(new FieldProblem(field, "La valeur ne peut pas contenir de retour à la ligne."));
        }
    }

    private static void tooLong(String value, String field, List<FieldProblem> problems) {
        if (value != null && value.strip().length() > MAX_TEXT) {
            problems.add(new FieldProblem(field, "La valeur dépasse " + MAX_TEXT + " caractères."));
        }
    }

    private static String urlProblem(String url, String what, String example) {
        if (url == null || url.isBlank()) {
            return "Donnez " + what + ".";
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
                return "L'URL doit nommer un serveur, par exemple " + example + ".";
            }
            return null;
        } catch (URISyntaxException e) {
            return "« " + value + " » n'est pas une URL valide (" + e.getReason() + ").";
        }
    }

    private Source lock(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM harvest_source WHERE id = ? AND deleted_at IS NULL FOR UPDATE")
                .param(id)
                .query(Sources::row)
                .optional()
                .orElseThrow(() -> new SourceNotFoundException(id));
    }

    private void writeSettings(String id, NewSource request) {
        var politeness = request.politeness();
        var defaults = request.defaults();
        var limits = request.limits();
        jdbc.sql("UPDATE harvest_source SET max_requests_per_second = ?, page_size = ?, default_org_unit = ?, "
                        + "default_owner_name = ?, default_owner_email = ?, default_access_level = ?, "
                        + "default_personal_data = ?, max_records = ?, max_duration_seconds = ? WHERE id = ?")
                .params(
                        politeness.maxRequestsPerSecond() == null
                                ? null
                                : BigDecimal.valueOf(politeness.maxRequestsPerSecond()),
                        politeness.pageSize(),
                        blankToNull(defaults.orgUnit()),
                        blankToNull(defaults.ownerName()),
                        blankToNull(defaults.ownerEmail()),
                        defaults.accessLevel() == null
                                ? null
                                : defaults.accessLevel().name(),
                        defaults.personalData() == null
                                ? null
                                : defaults.personalData().name(),
                        limits.maxRecords(),
                        limits.maxDuration() == null
                                ? null
                                : limits.maxDuration().toSeconds(),
                        id)
                .update();
    }

    private static String schedule(NewSource request) {
        return request.schedule() == null || request.schedule().isBlank()
                ? null
                : request.schedule().strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String seal(String id, Credentials credentials) {
        return credentials.type() == CredentialType.NONE ? null : secrets.seal(encode(credentials), id);
    }

    static String encode(Credentials credentials) {
        var properties = new Properties();
        switch (credentials) {
            case Credentials.None none -> {}
            case Credentials.Basic basic -> {
                properties.setProperty("username", basic.username());
                properties.setProperty("password", basic.password());
            }
            case Credentials.Bearer bearer -> properties.setProperty("token", bearer.token());
            case Credentials.ApiKey key -> {
                properties.setProperty("header", key.header().strip());
                properties.setProperty("value", key.value());
            }
            case Credentials.OAuth2 oauth -> {
                properties.setProperty("tokenUrl", oauth.tokenUrl().strip());
                properties.setProperty("clientId", oauth.clientId());
                properties.setProperty("clientSecret", oauth.clientSecret());
                if (oauth.scope() != null && !oauth.scope().isBlank()) {
                    properties.setProperty("scope", oauth.scope().strip());
                }
            }
        }
        properties.setProperty("type", credentials.type().name());
        var out = new StringWriter();
        try {
            properties.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static Credentials decode(String text) {
        var p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return switch (CredentialType.valueOf(p.getProperty("type"))) {
            case NONE -> Credentials.NONE;
            case BASIC -> new Credentials.Basic(p.getProperty("username"), p.getProperty("password"));
            case BEARER -> new Credentials.Bearer(p.getProperty("token"));
            case API_KEY -> new Credentials.ApiKey(p.getProperty("header"), p.getProperty("value"));
            case OAUTH2 ->
                new Credentials.OAuth2(
                        p.getProperty("tokenUrl"),
                        p.getProperty("clientId"),
                        p.getProperty("clientSecret"),
                        p.getProperty("scope"));
        };
    }

    private static Source row(ResultSet rs, int rowNum) throws SQLException {
        var rate = rs.getBigDecimal("max_requests_per_second");
        var pageSize = rs.getInt("page_size");
        var pageSizeSet = !rs.wasNull();
        var maxRecords = rs.getInt("max_records");
        var maxRecordsSet = !rs.wasNull();
        var maxSeconds = rs.getLong("max_duration_seconds");
        var maxSecondsSet = !rs.wasNull();
        var access = rs.getString("default_access_level");
        var personal = rs.getString("default_personal_data");
        return new Source(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("kind"),
                rs.getString("url"),
                rs.getString("schedule"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getLong("version"),
                CredentialType.valueOf(rs.getString("credential_type")),
                new Politeness(rate == null ? null : rate.doubleValue(), pageSizeSet ? pageSize : null),
                new SourceDefaults(
                        rs.getString("default_org_unit"),
                        rs.getString("default_owner_name"),
                        rs.getString("default_owner_email"),
                        access == null ? null : AccessLevel.valueOf(access),
                        personal == null ? null : PersonalData.valueOf(personal)),
                new RunLimits(
                        maxRecordsSet ? maxRecords : null, maxSecondsSet ? Duration.ofSeconds(maxSeconds) : null));
    }
}
