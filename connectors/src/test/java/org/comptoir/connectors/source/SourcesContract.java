package org.comptoir.connectors.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.comptoir.catalog.dataset.FieldProblem;
import org.comptoir.connectors.InvalidSourceException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What {@link Sources} does on every database the changelog supports. */
abstract class SourcesContract {
    private static final Instant NOW = Instant.parse("2026-03-01T08:30:00.123456Z");

    private Sources sources;

    protected abstract DataSource database();

    @BeforeEach
    void setUp() {
        sources = new Sources(JdbcClient.create(database()), Clock.fixed(NOW, ZoneOffset.UTC));
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
        assertThat(sources.find(created.id())).contains(created);
        assertThat(sources.all()).contains(created);
    }

    @Test
    void treatsABlankScheduleAsNone() {
        var created = sources.create(new NewSource("Sans planification", "dcat-ap", "http://data.example.org/", " "));

        assertThat(sources.find(created.id()).orElseThrow().schedule()).isNull();
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
