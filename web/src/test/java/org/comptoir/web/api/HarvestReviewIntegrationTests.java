package org.comptoir.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.comptoir.web.security.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A CDO after a harvest run, over HTTP: the run that would have withdrawn half a source asks for
 * confirmation, and the run that met a source's new keys shows what it reconciled.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HarvestReviewIntegrationTests {
    private static final String PUBLIC_SEARCH = "/api/v1/datasets?q=jeu&size=50";
    private static WireMockServer source;

    @LocalServerPort
    int port;

    @Autowired
    JdbcUserDetailsManager users;

    @Autowired
    PasswordEncoder encoder;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        var dataDir = Files.createTempDirectory("comptoir-review-test");
        registry.add("comptoir.data-dir", dataDir::toString);
        registry.add("comptoir.security.admin-password", () -> "admin-secret");
    }

    @BeforeAll
    static void startSource() {
        source = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        source.start();
    }

    @AfterAll
    static void stopSource() {
        source.stop();
    }

    @BeforeEach
    void accounts() {
        for (var role : Role.values()) {
            var name = role.name().toLowerCase();
            if (!users.userExists(name)) {
                users.createUser(User.withUsername(name)
                        .password(encoder.encode("pw"))
                        .roles(role.name())
                        .build());
            }
        }
    }

    @Test
    void aCdoConfirmsTheWithdrawalOfARunThatLostHalfItsSource() throws Exception {
        serve("/half.ttl", catalogue("ds", 10));
        var sourceId = createSource("/half.ttl");
        assertThat(harvest(sourceId).path("status").asString()).isEqualTo("SUCCEEDED");
        serve("/half.ttl", catalogue("ds", 5));

        var held = harvest(sourceId);

        assertThat(held.path("status").asString()).isEqualTo("TO_CONFIRM");
        assertThat(held.path("counts").path("held").asInt()).isEqualTo(5);
        assertThat(held.path("counts").path("withdrawn").asInt()).isZero();
        assertThat(held.path("failureReason").asString()).startsWith("confirmation nécessaire");
        var runId = held.path("id").asString();
        var hold = json(send("GET", "/api/v1/harvests/" + runId + "/withdrawals", "cdo"));
        assertThat(hold.path("status").asString()).isEqualTo("PENDING");
        assertThat(hold.path("datasets")).hasSize(5);
        assertThat(publicTotalOnceIndexed(10)).isEqualTo(10);
        assertThat(send("POST", "/api/v1/harvests/" + runId + "/withdrawals/confirm", "owner")
                        .statusCode())
                .isEqualTo(403);

        var confirmed = send("POST", "/api/v1/harvests/" + runId + "/withdrawals/confirm", "cdo");

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(json(confirmed).path("withdrawn").asInt()).isEqualTo(5);
        assertThat(json(confirmed).path("decidedBy").asString()).isEqualTo("cdo");
        assertThat(publicTotalOnceIndexed(5)).isEqualTo(5);
        var again = send("POST", "/api/v1/harvests/" + runId + "/withdrawals/dismiss", "cdo");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).path("type").asString()).endsWith("/withdrawal-already-decided");
        assertThat(json(again).path("detail").asString()).contains("déjà été confirmé par cdo");
        var none = send("POST", "/api/v1/harvests/no-such-run/withdrawals/confirm", "cdo");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(json(none).path("detail").asString()).contains("pas de retrait en attente");
    }

    @Test
    void aRunShowsTheDatasetsItReconciledWhenTheSourceChangedItsKeys() throws Exception {
        serve("/slugs.ttl", catalogue("ancien-slug", 3));
        var sourceId = createSource("/slugs.ttl");
        harvest(sourceId);
        serve("/slugs.ttl", catalogue("nouveau-slug", 3));

        var run = harvest(sourceId);

        assertThat(run.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("counts").path("reconciled").asInt()).isEqualTo(3);
        assertThat(run.path("counts").path("added").asInt()).isZero();
        assertThat(run.path("counts").path("withdrawn").asInt()).isZero();
        var decisions =
                json(send("GET", "/api/v1/harvests/" + run.path("id").asString() + "/identity-decisions", "cdo"));
        assertThat(decisions).hasSize(3);
        assertThat(decisions.get(0).path("kind").asString()).isEqualTo("RECONCILED");
        assertThat(decisions.get(0).path("previousKey").asString()).contains("/ancien-slug-");
        assertThat(decisions.get(0).path("sourceKey").asString()).contains("/nouveau-slug-");
    }

    /** A Turtle catalogue of {@code size} datasets whose keys use {@code slug}; their landing pages do not. */
    private static String catalogue(String slug, int size) {
        return """
                @prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
                """
                + IntStream.range(0, size)
                        .mapToObj(i -> ("<https://hub.ville.example/datasets/%s-%d> a dcat:Dataset ; "
                                        + "dct:title \"Jeu %d\"@fr ; dct:description \"Données %d.\"@fr ; "
                                        + "dcat:landingPage <https://www.ville.example/donnees/%d> .")
                                .formatted(slug, i, i, i, i))
                        .collect(Collectors.joining("\n"));
    }

    private static void serve(String path, String turtle) {
        source.stubFor(WireMock.get(path)
                .willReturn(WireMock.aResponse()
                        .withHeader("Content-Type", "text/turtle")
                        .withBody(turtle)));
    }

    private String createSource(String path) throws Exception {
        var body = "{\"name\":\"Portail " + path + "\",\"kind\":\"dcat-ap\",\"url\":\"http://localhost:" + source.port()
                + path + "\"}";
        var created = new ApiClient(port, "pw").send("POST", "/api/v1/sources", "cdo", body, Map.of());
        assertThat(created.statusCode()).isEqualTo(201);
        return json(created).path("id").asString();
    }

    private JsonNode harvest(String sourceId) throws Exception {
        var runId = json(send("POST", "/api/v1/sources/" + sourceId + "/harvests", "cdo"))
                .path("id")
                .asString();
        return new ApiClient(port, "pw").awaitRun(runId, "cdo");
    }

    /** The public search's total once it says {@code expected}, or after 5 s: the index follows the store. */
    private long publicTotalOnceIndexed(long expected) throws Exception {
        return new ApiClient(port, "pw")
                .until(PUBLIC_SEARCH, null, page -> page.path("total").asLong() == expected)
                .path("total")
                .asLong();
    }

    private HttpResponse<String> send(String method, String path, String user) throws Exception {
        return new ApiClient(port, "pw").send(method, path, user, null, Map.of());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return ApiClient.json(response);
    }
}
