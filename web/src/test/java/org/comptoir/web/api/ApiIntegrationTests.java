package org.comptoir.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
import tools.jackson.databind.json.JsonMapper;

/** The management API as its users meet it: over HTTP, with accounts, on a real server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiIntegrationTests {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Path dataDir;
    private static WireMockServer source;

    @LocalServerPort
    int port;

    @Autowired
    JdbcUserDetailsManager users;

    @Autowired
    PasswordEncoder encoder;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        dataDir = Files.createTempDirectory("comptoir-api-test");
        registry.add("comptoir.data-dir", () -> dataDir.toString());
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
    void anonymousWritesAreRefusedWithAProblem() throws Exception {
        var response = send("POST", "/api/v1/datasets", null, validDataset("Arbres"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).path("type").asString()).isEqualTo("https://w3id.org/comptoir/problems/unauthorized");
    }

    @Test
    void aPartnerCannotRegisterDatasets() throws Exception {
        assertThat(send("POST", "/api/v1/datasets", "partner", validDataset("Arbres"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        var request = HttpRequest.newBuilder(uri("/api/v1/datasets"))
                .header("Authorization", basic("owner", "not-the-password"))
                .GET()
                .build();
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void anOwnerRegistersChangesAndWithdrawsADatasetWithConditionalWrites() throws Exception {
        var created = send("POST", "/api/v1/datasets", "owner", validDataset("Arbres d'alignement"));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
        var body = json(created);
        var id = body.path("id").asString();
        assertThat(created.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith(id));
        assertThat(body.path("status").asString()).isEqualTo("DRAFT");
        assertThat(body.path("iri").asString()).isEqualTo("http://localhost:" + port + "/datasets/" + id);
        assertThat(body.path("distributions").get(0).path("iri").asString())
                .isEqualTo("http://localhost:" + port + "/datasets/" + id + "/distributions/1");

        // a draft is invisible to the public
        assertThat(send("GET", "/api/v1/datasets/" + id, null, null).statusCode())
                .isEqualTo(404);

        var read = send("GET", "/api/v1/datasets/" + id, "owner", null);
        assertThat(read.headers().firstValue("ETag")).contains("\"1\"");

        var published = validDataset("Arbres d'alignement").replace("\"status\":\"DRAFT\"", "\"status\":\"PUBLISHED\"");
        assertThat(send("PUT", "/api/v1/datasets/" + id, "owner", published).statusCode())
                .isEqualTo(428);
        var updated = send("PUT", "/api/v1/datasets/" + id, "owner", published, "\"1\"");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(updated.headers().firstValue("ETag")).contains("\"2\"");
        var stale = send("PUT", "/api/v1/datasets/" + id, "cdo", published, "\"1\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(json(stale).path("type").asString()).endsWith("/stale-version");

        assertThat(send("GET", "/api/v1/datasets/" + id, null, null).statusCode())
                .isEqualTo(200);
        var list = api().until(
                        "/api/v1/datasets?q=alignement",
                        null,
                        found -> found.path("total").asLong() > 0);
        assertThat(list.path("items")).extracting(n -> n.path("id").asString()).contains(id);

        var withdrawn = send("POST", "/api/v1/datasets/" + id + "/withdrawal", "cdo", null, "\"2\"");
        assertThat(withdrawn.statusCode()).isEqualTo(200);
        assertThat(json(withdrawn).path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(send("GET", "/api/v1/datasets/" + id, null, null).statusCode())
                .isEqualTo(404);
        assertThat(send("GET", "/api/v1/datasets/" + id, "cdo", null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void personalDataNeverReachesAnonymousCallersEvenWhenPublishedAndPublic() throws Exception {
        var personal = validDataset("Inscriptions à la cantine scolaire")
                .replace("\"status\":\"DRAFT\"", "\"status\":\"PUBLISHED\"")
                .replace("\"personalData\":\"NONE\"", "\"personalData\":\"PERSONAL\"");
        var id = json(send("POST", "/api/v1/datasets", "owner", personal))
                .path("id")
                .asString();

        assertThat(send("GET", "/api/v1/datasets/" + id, null, null).statusCode())
                .isEqualTo(404);
        assertThat(api().until(
                                "/api/v1/datasets?q=cantine",
                                "dpo",
                                body -> body.path("total").asLong() == 1)
                        .path("total")
                        .asLong())
                .as("indexed for the DPO")
                .isEqualTo(1);
        assertThat(json(send("GET", "/api/v1/datasets?q=cantine", null, null))
                        .path("total")
                        .asLong())
                .isZero();
        assertThat(json(send("GET", "/api/v1/datasets?q=cantine", "partner", null))
                        .path("total")
                        .asLong())
                .isZero();
        assertThat(json(send("GET", "/api/v1/datasets?q=cantine", "dpo", null))
                        .path("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void eachInvalidFieldIsListedWithAMessage() throws Exception {
        var response = send("POST", "/api/v1/datasets", "owner", """
                {"title":{"en":"Trees only in English"},"description":{"fr":"x"},
                 "distributions":[{"title":{"fr":"CSV"}}]}""");

        assertThat(response.statusCode()).isEqualTo(400);
        var problem = json(response);
        assertThat(problem.path("type").asString()).endsWith("/validation");
        assertThat(problem.path("errors"))
                .extracting(e -> e.path("field").asString())
                .contains("distributions[0].accessUrl");

        var noFrench = send("POST", "/api/v1/datasets", "owner", """
                {"title":{"en":"Trees"},"description":{"fr":"Arbres."}}""");
        assertThat(json(noFrench).path("errors"))
                .extracting(e -> e.path("field").asString())
                .containsExactly("title.fr");
        assertThat(json(noFrench).path("errors").get(0).path("message").asString())
                .contains("français");
    }

    @Test
    void malformedOrHostileBodiesGetFourHundredsAndLeakNothing() throws Exception {
        var badEnum = send(
                "POST",
                "/api/v1/datasets",
                "owner",
                validDataset("X").replace("\"accessLevel\":\"PUBLIC\"", "\"accessLevel\":\"EVERYONE\""));
        assertThat(badEnum.statusCode()).isEqualTo(400);
        assertThat(json(badEnum).path("errors").get(0).path("field").asString()).isEqualTo("accessLevel");

        var broken = send("POST", "/api/v1/datasets", "owner", "{\"title\": {\"fr\": ");
        assertThat(broken.statusCode()).isEqualTo(400);

        var huge = send(
                "POST",
                "/api/v1/datasets",
                "owner",
                validDataset("X")
                        .replace("\"description\":{", "\"description\":{\"de\":\"" + "x".repeat(2_000_000) + "\","));
        assertThat(huge.statusCode()).isEqualTo(413);

        var injection = send(
                "GET",
                "/api/v1/datasets?q=" + java.net.URLEncoder.encode("'; DROP TABLE dataset; --", StandardCharsets.UTF_8),
                null,
                null);
        assertThat(injection.statusCode()).isEqualTo(200);
        assertThat(json(injection).path("total").asLong()).isZero();
        assertThat(send("GET", "/api/v1/datasets", "cdo", null).statusCode()).isEqualTo(200);

        var badPage = send("GET", "/api/v1/datasets?size=100000", null, null);
        assertThat(badPage.statusCode()).isEqualTo(400);

        for (var response : java.util.List.of(badEnum, broken, huge, badPage)) {
            assertThat(response.body()).doesNotContain("Exception", "at org.", "SQL", "tools.jackson", "admin-secret");
        }
        var script = validDataset("<script>alert(1)</script>");
        var stored = json(send("POST", "/api/v1/datasets", "owner", script));
        assertThat(stored.path("title").path("fr").asString()).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void aCdoHarvestsASourceAndFollowsTheRun() throws Exception {
        source.stubFor(WireMock.get("/catalog.ttl")
                .willReturn(WireMock.aResponse()
                        .withHeader("Content-Type", "text/turtle")
                        .withBody("""
                        @prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
                        <https://src.example/catalog> a dcat:Catalog ; dcat:dataset <https://src.example/ds/1>, <https://src.example/ds/2> .
                        <https://src.example/ds/1> a dcat:Dataset ; dct:title "Parkings relais"@fr ; dct:description "Les P+R."@fr .
                        <https://src.example/ds/2> a dcat:Dataset ; dct:description "Sans titre"@fr .
                        """)));
        assertThat(send(
                                "POST",
                                "/api/v1/sources",
                                "owner",
                                sourceJson("http://localhost:" + source.port() + "/catalog.ttl"))
                        .statusCode())
                .isEqualTo(403);
        var invalid = send("POST", "/api/v1/sources", "cdo", sourceJson("ftp://nowhere"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).path("errors"))
                .extracting(e -> e.path("field").asString())
                .contains("url");

        var created = send(
                "POST", "/api/v1/sources", "cdo", sourceJson("http://localhost:" + source.port() + "/catalog.ttl"));
        assertThat(created.statusCode()).isEqualTo(201);
        var sourceId = json(created).path("id").asString();

        var started = send("POST", "/api/v1/sources/" + sourceId + "/harvests", "cdo", null);
        assertThat(started.statusCode()).isEqualTo(202);
        var runId = json(started).path("id").asString();

        var run = awaitRun(runId);
        assertThat(run.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("counts").path("added").asInt()).isEqualTo(1);
        assertThat(run.path("counts").path("failed").asInt()).isEqualTo(1);
        assertThat(run.path("errors").get(0).path("sourceKey").asString()).isEqualTo("https://src.example/ds/2");
        assertThat(json(send("GET", "/api/v1/sources/" + sourceId + "/harvests", "cdo", null)))
                .extracting(n -> n.path("id").asString())
                .contains(runId);
        assertThat(api().until(
                                "/api/v1/datasets?q=parkings",
                                null,
                                body -> body.path("total").asLong() == 1)
                        .path("total")
                        .asLong())
                .isEqualTo(1);
        assertThat(send("GET", "/api/v1/harvests/" + runId, null, null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aCdoConfiguresASourceWhoseCredentialsNeverComeBack() throws Exception {
        source.stubFor(WireMock.get("/private.ttl")
                .withBasicAuth("moissonneur", "s3cr3t")
                .willReturn(WireMock.aResponse()
                        .withHeader("Content-Type", "text/turtle")
                        .withBody("""
                        @prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
                        <https://src.example/private/1> a dcat:Dataset ; dct:title "Réseau de chaleur"@fr ; dct:description "Les sous-stations."@fr .
                        """)));
        var body = """
                {"name":"GMAO","kind":"dcat-ap","url":"http://localhost:%d/private.ttl","schedule":"0 0 3 * * *",
                 "credentials":{"type":"BASIC","username":"moissonneur","password":"s3cr3t"},
                 "politeness":{"maxRequestsPerSecond":2,"pageSize":50},
                 "defaults":{"orgUnit":"Direction du patrimoine","accessLevel":"RESTRICTED"},
                 "limits":{"maxRecords":1000,"maxDurationSeconds":3600}}
                """.formatted(source.port());

        var created = send("POST", "/api/v1/sources", "cdo", body);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(created.body()).doesNotContain("s3cr3t").doesNotContain("moissonneur");
        var id = json(created).path("id").asString();
        var read = send("GET", "/api/v1/sources/" + id, "cdo", null);
        assertThat(read.body()).doesNotContain("s3cr3t");
        assertThat(json(read).path("credentialType").asString()).isEqualTo("BASIC");
        assertThat(json(read).path("credentialsSet").asBoolean()).isTrue();
        assertThat(json(read).path("nextRunAt").asString()).isNotEmpty();
        assertThat(json(read).path("defaults").path("orgUnit").asString()).isEqualTo("Direction du patrimoine");

        var dryRun = send("POST", "/api/v1/sources/" + id + "/dry-run", "cdo", null);
        assertThat(dryRun.statusCode()).isEqualTo(200);
        assertThat(json(dryRun).path("count").asInt()).isEqualTo(1);
        assertThat(json(dryRun).path("titles").get(0).asString()).isEqualTo("Réseau de chaleur");

        var renamed = body.replace("\"GMAO\"", "\"GMAO (CARL)\"").replaceAll(",\\s*\"credentials\":\\{[^}]*}", "");
        assertThat(send("PUT", "/api/v1/sources/" + id, "cdo", renamed).statusCode())
                .isEqualTo(428);
        var changed = send("PUT", "/api/v1/sources/" + id, "cdo", renamed, "\"1\"");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(json(changed).path("name").asString()).isEqualTo("GMAO (CARL)");
        assertThat(json(changed).path("credentialsSet").asBoolean()).isTrue();
        assertThat(send("PUT", "/api/v1/sources/" + id, "cdo", renamed, "\"1\"").statusCode())
                .isEqualTo(412);
        assertThat(send("DELETE", "/api/v1/sources/" + id, "owner", null).statusCode())
                .isEqualTo(403);

        var run = awaitRun(json(send("POST", "/api/v1/sources/" + id + "/harvests", "cdo", null))
                .path("id")
                .asString());
        assertThat(run.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("trigger").asString()).isEqualTo("API");
        assertThat(run.path("triggeredBy").asString()).isEqualTo("cdo");
        assertThat(run.path("pages").asInt()).isEqualTo(1);
        var cancel = send("POST", "/api/v1/harvests/" + run.path("id").asString() + "/cancel", "cdo", null);
        assertThat(cancel.statusCode()).isEqualTo(409);

        assertThat(send("DELETE", "/api/v1/sources/" + id, "cdo", null).statusCode())
                .isEqualTo(204);
        assertThat(send("GET", "/api/v1/sources/" + id, "cdo", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aDryRunOfAnUnreachableSourceSaysWhy() throws Exception {
        var response = send(
                "POST",
                "/api/v1/sources/dry-run",
                "cdo",
                sourceJson("http://localhost:" + source.port() + "/absent.ttl"));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(json(response).path("detail").asString()).contains("404").contains("vérifiez l'URL");
    }

    @Test
    void unknownThingsAreNotFoundProblems() throws Exception {
        var response = send("GET", "/api/v1/datasets/00000000-0000-0000-0000-000000000000", "cdo", null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("type").asString()).endsWith("/not-found");
        assertThat(send("GET", "/api/v1/harvests/nope", "cdo", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void servesTheContractAndItsInteractiveDocs() throws Exception {
        var contract = send("GET", "/openapi.yaml", null, null);
        assertThat(contract.statusCode()).isEqualTo(200);
        assertThat(contract.body()).contains("operationId: listDatasets");

        var client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        var docs = client.send(HttpRequest.newBuilder(uri("/api/docs")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).containsIgnoringCase("swagger");
    }

    private JsonNode awaitRun(String runId) throws Exception {
        return api().awaitRun(runId, "cdo");
    }

    private static String sourceJson(String url) {
        return "{\"name\":\"Portail test\",\"kind\":\"dcat-ap\",\"url\":\"" + url + "\"}";
    }

    private static String validDataset(String title) {
        return """
                {"title":{"fr":"%s","en":"Trees"},"description":{"fr":"Inventaire des arbres.","en":"Tree inventory."},
                 "keywords":["arbre","végétation"],"themes":["http://publications.europa.eu/resource/authority/data-theme/ENVI"],
                 "accessLevel":"PUBLIC","personalData":"NONE","status":"DRAFT",
                 "owner":{"orgUnit":"Direction des Espaces verts","name":"Léa Martin"},
                 "distributions":[{"title":{"fr":"CSV"},"accessUrl":"https://data.example.org/arbres.csv",
                   "format":"http://publications.europa.eu/resource/authority/file-type/CSV",
                   "license":"https://www.etalab.gouv.fr/licence-ouverte-open-licence/"}]}""".formatted(title.replace("\"", "\\\""));
    }

    private HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
        return send(method, path, user, body, null);
    }

    private HttpResponse<String> send(String method, String path, String user, String body, String ifMatch)
            throws Exception {
        return api().send(method, path, user, body, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    private ApiClient api() {
        return new ApiClient(port, "pw");
    }

    private URI uri(String path) {
        return api().uri(path);
    }

    private static String basic(String user, String password) {
        return ApiClient.basic(user, password);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return ApiClient.json(response);
    }
}
