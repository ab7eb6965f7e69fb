package org.comptoir.connectors.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.comptoir.catalog.dataset.AccessLevel;
import org.comptoir.catalog.dataset.FieldProblem;
import org.comptoir.catalog.dataset.PersonalData;
import org.comptoir.connectors.InvalidSourceException;
import org.comptoir.connectors.SourceInUseException;
import org.comptoir.connectors.SourceNotFoundException;
import org.comptoir.connectors.StaleSourceException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What {@link Sources} does on every database the changelog supports. */
abstract class SourcesContract {
    private static final Instant NOW = Instant.parse("2026-03-01T08:30:00.123456Z");

    private Sources sources;
    private TestSources.RecordedSchedules schedules;

    protected abstract DataSource database();

    @BeforeEach
    void setUp() {
        schedules = new TestSources.RecordedSchedules();
        sources = TestSources.over(database(), Clock.fixed(NOW, ZoneOffset.UTC), schedules);
    }

    @Test
    void registersAValidSourceAndFindsItAgain() {
        var created = sources.create(new NewSource(
                "  Catalogue open data de la métropole ",
                "dcat-ap",
                "https://opendata.demo-metropole.example/catalog.ttl?page=1&size=100",
                "0 0 3 * * *"));

        assertThat(created.name()).isEqualTo("Catalogue open data de la métropole");
        assertThat(created.createdAt()).isEqualTo(NOW);
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.credentialType()).isEqualTo(CredentialType.NONE);
        assertThat(sources.find(created.id())).contains(created);
        assertThat(sources.all()).contains(created);
        assertThat(schedules.events).containsExactly("changed:" + created.id() + ":0 0 3 * * *");
    }

    @Test
    void treatsABlankScheduleAsNone() {
        var created = sources.create(new NewSource("Sans planification", "dcat-ap", "http://data.example.org/", " "));

        assertThat(sources.find(created.id()).orElseThrow().schedule()).isNull();
    }

    @Test
    void keepsPolitenessDefaultsAndLimits() {
        var created = sources.create(new NewSource(
                "SIG",
                "dcat-ap",
                "https://sig.example.org/catalog",
                null,
                null,
                new Politeness(0.5, 250),
                new SourceDefaults(
                        "Direction du numérique",
                        "Anne Martin",
                        "anne.martin@metropole.example",
                        AccessLevel.RESTRICTED,
                        PersonalData.PSEUDONYMISED),
                new RunLimits(5000, Duration.ofMinutes(30))));

        var found = sources.find(created.id()).orElseThrow();
        assertThat(found.politeness()).isEqualTo(new Politeness(0.5, 250));
        assertThat(found.defaults().governance().owner().orgUnit()).isEqualTo("Direction du numérique");
        assertThat(found.defaults().governance().accessLevel()).isEqualTo(AccessLevel.RESTRICTED);
        assertThat(found.defaults().governance().isOpen()).isFalse();
        assertThat(found.limits()).isEqualTo(new RunLimits(5000, Duration.ofMinutes(30)));
    }

    @Test
    void sealsCredentialsAndShowsOnlyTheirType() {
        var oauth = new Credentials.OAuth2(
                "https://auth.example.org/token", "comptoir", "s3cr3t-client-secret", "catalog:read");
        var created = sources.create(new NewSource(
                "Portail", "dcat-ap", "https://portail.example.org/catalog", null, oauth, null, null, null));

        assertThat(created.credentialType()).isEqualTo(CredentialType.OAUTH2);
        assertThat(created.credentialsSet()).isTrue();
        assertThat(created.toString()).doesNotContain("s3cr3t");
        assertThat(sources.credentials(created.id())).isEqualTo(oauth);
        var stored = JdbcClient.create(database())
                .sql("SELECT credentials FROM harvest_source WHERE id = ?")
                .param(created.id())
                .query(String.class)
                .single();
        assertThat(stored).startsWith("v1:").doesNotContain("s3cr3t").doesNotContain("comptoir");
    }

    @Test
    void keepsTheStoredCredentialsWhenAChangeGivesNone() {
        var basic = new Credentials.Basic("moissonneur", "mot de passe");
        var created = sources.create(
                new NewSource("GMAO", "dcat-ap", "https://gmao.example.org/dcat", null, basic, null, null, null));

        var changed = sources.update(
                created.id(),
                created.version(),
                new NewSource("GMAO (CARL)", "dcat-ap", "https://gmao.example.org/dcat", null, null, null, null, null));

        assertThat(changed.name()).isEqualTo("GMAO (CARL)");
        assertThat(changed.version()).isEqualTo(created.version() + 1);
        assertThat(sources.credentials(created.id())).isEqualTo(basic);

        sources.update(
                created.id(),
                changed.version(),
                new NewSource("GMAO (CARL)", "dcat-ap", "https://gmao.example.org/dcat", null));
        assertThat(sources.credentials(created.id())).isEqualTo(Credentials.NONE);
        assertThat(sources.find(created.id()).orElseThrow().credentialType()).isEqualTo(CredentialType.NONE);
    }

    @Test
    void refusesAChangeOfAVersionThatIsNoLongerCurrent() {
        var created = sources.create(new NewSource("Source", "dcat-ap", "https://data.example.org/", null));
        sources.update(created.id(), 1, new NewSource("Source renommée", "dcat-ap", "https://data.example.org/", null));

        assertThatThrownBy(() -> sources.update(
                        created.id(), 1, new NewSource("Autre nom", "dcat-ap", "https://data.example.org/", null)))
                .isInstanceOf(StaleSourceException.class)
                .hasMessageContaining("version 1")
                .hasMessageContaining("version 2");
        assertThat(sources.find(created.id()).orElseThrow().name()).isEqualTo("Source renommée");
    }

    @Test
    void deletesASourceKeepingItsRunsAndStopsItsSchedule() {
        var created = sources.create(new NewSource("Source", "dcat-ap", "https://data.example.org/", "0 0 3 * * *"));
        var jdbc = JdbcClient.create(database());
        jdbc.sql(
                        "INSERT INTO harvest_run (id, source_id, status, started_at, progressed_at) VALUES (?, ?, 'SUCCEEDED', "
                                + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .params(UUID.randomUUID().toString(), created.id())
                .update();

        sources.delete(created.id());

        assertThat(sources.find(created.id())).isEmpty();
        assertThat(sources.all()).extracting(Source::id).doesNotContain(created.id());
        assertThat(schedules.events).last().isEqualTo("deleted:" + created.id());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM harvest_run WHERE source_id = ?")
                        .param(created.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThatThrownBy(() -> sources.delete(created.id())).isInstanceOf(SourceNotFoundException.class);
    }

    @Test
    void refusesToDeleteASourceWhileItIsHarvested() {
        var created = sources.create(new NewSource("Source", "dcat-ap", "https://data.example.org/", null));
        var runId = UUID.randomUUID().toString();
        JdbcClient.create(database())
                .sql("INSERT INTO harvest_run (id, source_id, status, started_at, progressed_at, active_source) VALUES "
                        + "(?, ?, 'RUNNING', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?)")
                .params(runId, created.id(), created.id())
                .update();

        assertThatThrownBy(() -> sources.delete(created.id()))
                .isInstanceOf(SourceInUseException.class)
                .hasMessageContaining(runId);
        assertThat(sources.find(created.id())).isPresent();
    }

    @Test
    void listsEveryProblemOfAnInvalidSourceByField() {
        assertThatThrownBy(
                        () -> sources.create(new NewSource(" ", "wfs", "ftp://data.example.org/x", "tous les jours")))
                .isInstanceOf(InvalidSourceException.class)
                .satisfies(e -> assertThat(((InvalidSourceException) e).problems())
                        .extracting(FieldProblem::field)
                        .containsExactly("name", "kind", "url", "schedule"))
                .hasMessageContaining("dcat-ap")
                .hasMessageContaining("http");
    }

    @Test
    void saysWhatIsMissingFromCredentialsPolitenessAndLimits() {
        assertThatThrownBy(() -> sources.create(new NewSource(
                        "Source",
                        "dcat-ap",
                        "https://data.example.org/",
                        null,
                        new Credentials.ApiKey("Content-Length", "abc\r\nX-Injected: 1"),
                        new Politeness(0.0, 0),
                        new SourceDefaults(null, null, "pas-une-adresse", null, null),
                        new RunLimits(0, Duration.ZERO))))
                .isInstanceOf(InvalidSourceException.class)
                .satisfies(e -> assertThat(((InvalidSourceException) e).problems())
                        .extracting(FieldProblem::field)
                        .containsExactly(
                                "credentials.header",
                                "credentials.value",
                                "politeness.maxRequestsPerSecond",
                                "politeness.pageSize",
                                "defaults.ownerEmail",
                                "limits.maxRecords",
                                "limits.maxDuration"));
        assertThatThrownBy(() -> sources.create(new NewSource(
                        "Source",
                        "dcat-ap",
                        "https://data.example.org/",
                        null,
                        new Credentials.OAuth2("token", " ", null, null),
                        null,
                        null,
                        null)))
                .satisfies(e -> assertThat(((InvalidSourceException) e).problems())
                        .extracting(FieldProblem::field)
                        .containsExactly("credentials.tokenUrl", "credentials.clientId", "credentials.clientSecret"));
    }

    @Test
    void refusesARelativeUrlAndATooLongName() {
        assertThatThrownBy(() -> sources.create(new NewSource("x".repeat(201), "dcat-ap", "/catalog.ttl", null)))
                .isInstanceOf(InvalidSourceException.class)
                .satisfies(e -> assertThat(((InvalidSourceException) e).problems())
                        .extracting(FieldProblem::field)
                        .containsExactly("name", "url"));
        assertThatThrownBy(() -> sources.create(new NewSource("Source", null, "https://exa mple.org/", null)))
                .isInstanceOf(InvalidSourceException.class)
                .satisfies(e -> assertThat(((InvalidSourceException) e).problems())
                        .extracting(FieldProblem::field)
                        .containsExactly("kind", "url"));
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(sources.find("no-such-source")).isEmpty();
    }
}
