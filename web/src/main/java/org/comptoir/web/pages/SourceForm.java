package org.comptoir.web.pages;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.comptoir.catalog.dataset.AccessLevel;
import org.comptoir.catalog.dataset.FieldProblem;
import org.comptoir.catalog.dataset.PersonalData;
import org.comptoir.connectors.source.CredentialType;
import org.comptoir.connectors.source.Credentials;
import org.comptoir.connectors.source.NewSource;
import org.comptoir.connectors.source.Politeness;
import org.comptoir.connectors.source.RunLimits;
import org.comptoir.connectors.source.Source;
import org.comptoir.connectors.source.SourceDefaults;
import org.comptoir.connectors.source.SourceKinds;

/**
 * The source form as the browser posts it: text only, so that a number typed wrong comes back as a
 * French problem next to its field rather than as a binding error. Secrets ({@code password},
 * {@code token}, {@code keyValue}, {@code clientSecret}) are never filled in from the stored source:
 * left blank on a source that has them, they keep the stored ones.
 *
 * @param version the version of the source being edited, null for a new one
 */
record SourceForm(
        String name,
        String kind,
        String url,
        String schedule,
        String credentialType,
        String username,
        String password,
        String token,
        String header,
        String keyValue,
        String tokenUrl,
        String clientId,
        String clientSecret,
        String scope,
        String maxRequestsPerSecond,
        String pageSize,
        String orgUnit,
        String ownerName,
        String ownerEmail,
        String accessLevel,
        String personalData,
        String maxRecords,
        String maxDurationSeconds,
        String version) {

    /**
     * What the form asks for, and what it could not even read.
     *
     * @param problems the fields whose text is not a number or a choice of the list
     */
    record Parsed(NewSource request, List<FieldProblem> problems) {}

    /** An empty form for a new DCAT-AP source without credentials. */
    static SourceForm blank() {
        return new SourceForm(
                null,
                SourceKinds.DCAT_AP,
                null,
                null,
                CredentialType.NONE.name(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /**
     * The form of a stored source: its settings and the parts of its credentials that are not
     * secret (user name, header name, token URL, client id, scope).
     */
    static SourceForm of(Source source, Credentials stored) {
        var politeness = source.politeness();
        var defaults = source.defaults();
        var limits = source.limits();
        return new SourceForm(
                source.name(),
                source.kind(),
                source.url(),
                source.schedule(),
                source.credentialType().name(),
                stored instanceof Credentials.Basic basic ? basic.username() : null,
                null,
                null,
                stored instanceof Credentials.ApiKey key ? key.header() : null,
                null,
                stored instanceof Credentials.OAuth2 oauth ? oauth.tokenUrl() : null,
                stored instanceof Credentials.OAuth2 oauth ? oauth.clientId() : null,
                null,
                stored instanceof Credentials.OAuth2 oauth ? oauth.scope() : null,
                politeness.maxRequestsPerSecond() == null ? null : decimal(politeness.maxRequestsPerSecond()),
                text(politeness.pageSize()),
                defaults.orgUnit(),
                defaults.ownerName(),
                defaults.ownerEmail(),
                defaults.accessLevel() == null ? null : defaults.accessLevel().name(),
                defaults.personalData() == null ? null : defaults.personalData().name(),
                text(limits.maxRecords()),
                limits.maxDuration() == null
                        ? null
                        : String.valueOf(limits.maxDuration().toSeconds()),
                String.valueOf(source.version()));
    }

    /**
     * Reads the form.
     *
     * @param stored the credentials of the source being edited, whose secrets a blank secret field
     *     keeps when the type stays the same; {@link Credentials#NONE} for a new source
     */
    Parsed parse(Credentials stored) {
        var problems = new ArrayList<FieldProblem>();
        var rate = number(maxRequestsPerSecond, "politeness.maxRequestsPerSecond", problems);
        var size = integer(pageSize, "politeness.pageSize", problems);
        var records = integer(maxRecords, "limits.maxRecords", problems);
        var seconds = integer(maxDurationSeconds, "limits.maxDuration", problems);
        var access = choice(AccessLevel.class, accessLevel, "defaults.accessLevel", problems);
        var personal = choice(PersonalData.class, personalData, "defaults.personalData", problems);
        var type = choice(CredentialType.class, credentialType, "credentials.type", problems);
        var request = new NewSource(
                name,
                kind,
                url,
                schedule,
                credentials(type == null ? CredentialType.NONE : type, stored),
                new Politeness(rate, size),
                new SourceDefaults(orgUnit, ownerName, ownerEmail, access, personal),
                new RunLimits(records, seconds == null ? null : Duration.ofSeconds(seconds)));
        return new Parsed(request, problems);
    }

    /** The version the form was read at, or -1 when it is missing or garbled (the update is then stale). */
    long expectedVersion() {
        try {
            return version == null ? -1 : Long.parseLong(version.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private Credentials credentials(CredentialType type, Credentials stored) {
        return switch (type) {
            case NONE -> Credentials.NONE;
            case BASIC ->
                new Credentials.Basic(
                        username, kept(password, stored instanceof Credentials.Basic basic ? basic.password() : null));
            case BEARER ->
                new Credentials.Bearer(
                        kept(token, stored instanceof Credentials.Bearer bearer ? bearer.token() : null));
            case API_KEY ->
                new Credentials.ApiKey(
                        header, kept(keyValue, stored instanceof Credentials.ApiKey key ? key.value() : null));
            case OAUTH2 ->
                new Credentials.OAuth2(
                        tokenUrl,
                        clientId,
                        kept(clientSecret, stored instanceof Credentials.OAuth2 oauth ? oauth.clientSecret() : null),
                        scope);
        };
    }

    private static String kept(String typed, String stored) {
        return typed == null || typed.isEmpty() ? stored : typed;
    }

    private static Double number(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            var number = Double.parseDouble(value.strip().replace(',', '.'));
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new FieldProblem(field, "« " + value.strip() + " » n'est pas un nombre (par exemple 0,5)."));
        return null;
    }

    private static Integer integer(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip().replace("\u00a0", "").replace(" ", ""));
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "« " + value.strip() + " » n'est pas un nombre entier."));
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(
            Class<E> type, String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "« " + value.strip() + " » n'est pas un choix de la liste."));
            return null;
        }
    }

    private static String text(Integer value) {
        return value == null ? null : String.valueOf(value);
    }

    private static String decimal(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
