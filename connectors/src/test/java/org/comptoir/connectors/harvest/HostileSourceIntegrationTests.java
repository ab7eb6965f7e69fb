package org.comptoir.connectors.harvest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.comptoir.catalog.dataset.Datasets;
import org.comptoir.catalog.dataset.PublicationStatus;
import org.comptoir.connectors.ConnectorsTestApplication;
import org.comptoir.connectors.dcat.DcatPageReader;
import org.comptoir.connectors.source.NewSource;
import org.comptoir.connectors.source.SourceKinds;
import org.comptoir.connectors.source.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whole runs against sources that misbehave: a page with one broken record, a source that asks to
 * wait, one that redirects to the cloud-metadata service, one with a monstrous record. A test kind,
 * {@code offset-dcat}, pages a DCAT catalogue by offset ({@code ?start=&rows=}), so that it can split
 * a page and knows the page after one.
 */
@SpringBootTest(
        classes = ConnectorsTestApplication.class,
        properties = {
            "comptoir.harvest.limits.max-distributions=50",
            "comptoir.harvest.limits.max-literal-length=100000"
        })
@Import(HostileSourceIntegrationTests.OffsetKind.class)
class HostileSourceIntegrationTests {
    @RegisterExtension
    static final WireMockExtension source = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String DATASETS = "https://data.demo-metropole.example/datasets/";
    private static final String KIND = "offset-dcat";
    private static final int ROWS = 4;

    @Autowired
    Sources sources;

    @Autowired
    HarvestEngine engine;

    @Autowired
    Datasets datasets;

    @Autowired
    JdbcClient jdbc;

    @Test
    void splitsThePageWithABrokenRecordAndReportsThatRecordAlone() {
        var base = base();
        serveOffsetCatalogue(base, 10, 5);
        var sourceId = offsetSource(base);

        var run = harvest(sourceId);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.counts()).isEqualTo(new Counts(9, 0, 0, 0, 1));
        for (int i : new int[] {0, 1, 2, 3, 4, 6, 7, 8, 9}) {
            assertThat(datasets.findBySourceKey(sourceId, DATASETS + "d" + i))
                    .as("d%d", i)
                    .isPresent();
        }
        assertThat(run.errors()).singleElement().satisfies(error -> {
            assertThat(error.sourceKey()).isEqualTo(url(base + "/catalogue?start=5&rows=1"));
            assertThat(error.reason())
                    .startsWith("page sautée : la page " + url(base + "/catalogue?start=5&rows=1"))
                    .contains("n'est pas du RDF lisible");
        });
        source.verify(getRequestedFor(urlEqualTo(base + "/catalogue?start=4&rows=2")));
        source.verify(getRequestedFor(urlEqualTo(base + "/catalogue?start=8&rows=4")));
    }

    @Test
    void withdrawsNothingAfterARunThatSkippedAPage() {
        var base = base();
        serveOffsetCatalogue(base, 11, -1);
        var sourceId = offsetSource(base);
        assertThat(harvest(sourceId).counts()).isEqualTo(new Counts(11, 0, 0, 0, 0));
        source.resetAll();
        serveOffsetCatalogue(base, 10, 5);

        var run = harvest(sourceId);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.counts()).isEqualTo(new Counts(0, 0, 9, 0, 1));
        for (var name : new String[] {"d5", "d10"}) {
            assertThat(datasets.findBySourceKey(sourceId, DATASETS + name))
                    .as(name)
                    .hasValueSatisfying(stored ->
                            assertThat(stored.dataset().governance().status()).isEqualTo(PublicationStatus.PUBLISHED));
        }
    }

    @Test
    void refusesAMonstrousRecordAloneWithItsKey() {
        var path = base() + "/catalogue.ttl";
        var distributions = IntStream.range(0, 60)
                .mapToObj(i -> "[ a dcat:Distribution ; dcat:accessURL <https://files.example/f" + i + ".csv> ]")
                .reduce((a, b) -> a + ", " + b)
                .orElseThrow();
        serveTurtle(
                path,
                PREFIXES
                        + dataset("ordinaire", "")
                        + dataset("fichiers", "dcat:distribution " + distributions + " ;")
                        + dataset("bavard", "dct:abstract \"" + "bla ".repeat(50_000) + "\" ;"));

        var run = harvest(dcatSource(url(path)));

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.counts()).isEqualTo(new Counts(1, 0, 0, 0, 2));
        assertThat(run.errors())
                .extracting(RecordError::sourceKey, RecordError::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                DATASETS + "fichiers",
                                "le jeu de données a plus de 50 distributions (limite "
                                        + "comptoir.harvest.limits.max-distributions) ; jeu de données non pris"),
                        org.assertj.core.groups.Tuple.tuple(
                                DATASETS + "bavard",
                                "la valeur de dct:abstract fait 200000 caractères, plus que la limite de 100000 "
                                        + "(comptoir.harvest.limits.max-literal-length) ; jeu de données non pris"));
    }

    @Test
    void waitsWhatTheSourceAsksWithRetryAfterThenGoesOn() {
        var path = base() + "/catalogue.ttl";
        var scenario = "busy-" + path;
        source.stubFor(get(urlEqualTo(path))
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2"))
                .willSetStateTo("waited"));
        source.stubFor(get(urlEqualTo(path))
                .inScenario(scenario)
                .whenScenarioStateIs("waited")
                .willReturn(turtle(PREFIXES + dataset("ordinaire", ""))));

        var run = harvest(dcatSource(url(path)));

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        var asked = source.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().equals(path))
                .map(event -> event.getRequest().getLoggedDate().toInstant())
                .sorted()
                .toList();
        assertThat(asked).hasSize(2);
        assertThat(Duration.between(asked.get(0), asked.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(1_900));
    }

    @Test
    void failsAtOnceWhenTheSourceAsksToWaitLongerThanAllowed() {
        var path = base() + "/catalogue.ttl";
        source.stubFor(
                get(urlEqualTo(path)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3600")));

        var started = Instant.now();
        var run = harvest(dcatSource(url(path)));

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason())
                .isEqualTo("la source a répondu 503 (Service Unavailable) à GET " + url(path)
                        + " et demande d'attendre 3600 s avant de réessayer (Retry-After), plus que le maximum de "
                        + "120 s (comptoir.harvest.network.max-retry-wait) : récolte arrêtée, à relancer plus tard");
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(20));
        source.verify(1, getRequestedFor(urlEqualTo(path)));
    }

    @Test
    void failsARunRedirectedToTheCloudMetadataServiceNamingTheHostAndTheRule() {
        var path = base() + "/catalogue.ttl";
        source.stubFor(get(urlEqualTo(path))
                .willReturn(aResponse()
                        .withStatus(302)
                        .withHeader("Location", "http://169.254.169.254/latest/meta-data/")));

        var run = harvest(dcatSource(url(path)));

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason())
                .isEqualTo(
                        "GET " + url(path) + " : redirection vers http://169.254.169.254/latest/meta-data/ refusée : "
                                + "connexion refusée à 169.254.169.254 : adresse d'un service de métadonnées du nuage (règle fixe)");
    }

    @Test
    void failsOnAnAnswerCutShortAfterTryingAgain() {
        var path = base() + "/catalogue.ttl";
        source.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

        var run = harvest(dcatSource(url(path)));

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason())
                .startsWith("réponse tronquée à GET " + url(path))
                .endsWith("après 3 tentatives");
    }

    @Test
    void failsOnAnHtmlErrorPageServedAsTurtle() {
        var path = base() + "/catalogue.ttl";
        serveTurtle(path, "<!DOCTYPE html><html><body>Erreur interne</body></html>");

        var run = harvest(dcatSource(url(path)));

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason())
                .isEqualTo("la page " + url(path) + " est refusée : c'est une page HTML (une page d'erreur ou de "
                        + "maintenance ?), servie comme text/turtle");
    }

    private static final String PREFIXES = """
            @prefix dcat: <http://www.w3.org/ns/dcat#> .
            @prefix dct: <http://purl.org/dc/terms/> .
            @prefix ds: <https://data.demo-metropole.example/datasets/> .
            """;

    private static String dataset(String name, String more) {
        return """
                ds:%s a dcat:Dataset ; %s
                    dct:title "Jeu %s"@fr ;
                    dct:description "Un jeu de données de la métropole."@fr .
                """.formatted(name, more, name);
    }

    /**
     * Serves records d0 to d{count-1} by offset, any page a run may ask for; record {@code broken}
     * (or none when negative) is not valid Turtle, so any page holding it cannot be read.
     */
    private static void serveOffsetCatalogue(String base, int count, int broken) {
        for (int rows : new int[] {1, 2, ROWS}) {
            for (int start = 0; start <= count + ROWS; start++) {
                var page = new StringBuilder(PREFIXES);
                for (int i = start; i < Math.min(count, start + rows); i++) {
                    page.append(
                            i == broken ? "ds:d" + i + " a dcat:Dataset ; dct:title \"Cassé\n" : dataset("d" + i, ""));
                }
                serveTurtle(base + "/catalogue?start=" + start + "&rows=" + rows, page.toString());
            }
        }
    }

    private static void serveTurtle(String path, String body) {
        source.stubFor(get(urlEqualTo(path)).willReturn(turtle(body)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder turtle(String body) {
        return aResponse()
                .withHeader("Content-Type", "text/turtle; charset=utf-8")
                .withBody(body);
    }

    private String dcatSource(String url) {
        return sources.create(new NewSource("Source hostile", SourceKinds.DCAT_AP, url, null))
                .id();
    }

    /** The test kind is not one users may register: its source is written to the store directly. */
    private String offsetSource(String base) {
        var id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO harvest_source (id, name, kind, url, schedule, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        "Source paginée par décalage",
                        KIND,
                        url(base + "/catalogue"),
                        null,
                        Timestamp.from(Instant.now()))
                .update();
        return id;
    }

    private HarvestRun harvest(String sourceId) {
        var runId = engine.start(sourceId).id();
        var deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            var run = engine.run(runId).orElseThrow();
            if (!run.status().isActive()) {
                return run;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("run " + runId + " did not finish");
    }

    private static String base() {
        return "/" + UUID.randomUUID();
    }

    private static String url(String path) {
        return source.baseUrl() + path;
    }

    /** {@code offset-dcat}: a DCAT catalogue paged with {@code ?start=&rows=}, read as the dcat-ap kind reads it. */
    @TestConfiguration(proxyBeanMethods = false)
    static class OffsetKind {
        @Bean
        SourceKind offsetDcatKind() {
            var dcat = new DcatPageReader();
            return new SourceKind() {
                @Override
                public String name() {
                    return KIND;
                }

                @Override
                public String accept() {
                    return "text/turtle";
                }

                @Override
                public String firstPage(String url, int pageSize) {
                    return url + "?start=0&rows=" + ROWS;
                }

                @Override
                public List<String> split(String pageUrl) {
                    int start = parameter(pageUrl, "start");
                    int rows = parameter(pageUrl, "rows");
                    if (rows == 1) {
                        return List.of();
                    }
                    var pages = new ArrayList<String>();
                    pages.add(page(pageUrl, start, rows / 2));
                    pages.add(page(pageUrl, start + rows / 2, rows - rows / 2));
                    return pages;
                }

                @Override
                public String after(String pageUrl) {
                    int rows = parameter(pageUrl, "rows");
                    return page(pageUrl, parameter(pageUrl, "start") + rows, rows);
                }

                @Override
                public SourcePage read(byte[] body, String contentType, String pageUrl) {
                    var page = dcat.read(body, contentType, pageUrl);
                    var full = page.records().size() == parameter(pageUrl, "rows");
                    return new SourcePage(page.records(), full ? after(pageUrl) : null, null);
                }

                private static String page(String pageUrl, int start, int rows) {
                    return pageUrl.substring(0, pageUrl.indexOf('?')) + "?start=" + start + "&rows=" + rows;
                }

                private static int parameter(String pageUrl, String name) {
                    for (var pair : pageUrl.substring(pageUrl.indexOf('?') + 1).split("&")) {
                        if (pair.startsWith(name + "=")) {
                            return Integer.parseInt(pair.substring(name.length() + 1));
                        }
                    }
                    throw new IllegalArgumentException(pageUrl);
                }
            };
        }
    }
}
