package org.comptoir.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.comptoir.web.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Personal API tokens as a script's author meets them: created once with a password, the secret shown
 * once, then sent as a bearer token with the user's roles until it expires, is revoked, or the user
 * is disabled or deleted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiTokensIntegrationTests {
    private static final String INVALID_TOKEN = "https://w3id.org/comptoir/problems/invalid-token";

    @LocalServerPort
    int port;

    @Autowired
    JdbcUserDetailsManager users;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    JdbcClient jdbc;

    private ApiClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        var dataDir = Files.createTempDirectory("comptoir-tokens-test");
        registry.add("comptoir.data-dir", dataDir::toString);
    }

    @BeforeEach
    void accounts() {
        api = new ApiClient(port, "pw");
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
    void aScriptCallsTheApiWithATokenItsUserCreatedAndSeesItsSecretOnlyOnce() throws Exception {
        users.createUser(User.withUsername("export")
                .password(encoder.encode("pw"))
                .roles(Role.CDO.name())
                .build());
        var created = api.send("POST", "/api/v1/tokens", "export", "{\"name\":\"export nocturne\"}", Map.of());

        assertThat(created.statusCode()).isEqualTo(201);
        var body = ApiClient.json(created);
        var secret = body.path("secret").asString();
        assertThat(secret).startsWith("cpt_").hasSize(4 + 43);
        assertThat(body.path("prefix").asString()).isEqualTo(secret.substring(0, 10));
        assertThat(created.headers().firstValue("Location"))
                .hasValue("/api/v1/tokens/" + body.path("id").asString());

        var consistency = bearer("GET", "/api/v1/search/consistency", secret);
        assertThat(consistency.statusCode())
                .as("a governing role's token reaches what the role may")
                .isEqualTo(200);

        var listed = ApiClient.json(api.send("GET", "/api/v1/tokens", "export", null, Map.of()));
        assertThat(listed).hasSize(1);
        var token = listed.get(0);
        assertThat(token.path("name").asString()).isEqualTo("export nocturne");
        assertThat(token.has("secret")).isFalse();
        assertThat(listed.toString()).doesNotContain(secret.substring(10));
        assertThat(token.path("expired").asBoolean()).isFalse();
        assertThat(token.path("lastUsedAt").isMissingNode())
                .as("its use is recorded")
                .isFalse();
        assertThat(ApiClient.json(api.send("GET", "/api/v1/tokens", "owner", null, Map.of()))
                        .toString())
                .as("another user does not see it")
                .doesNotContain(body.path("id").asString());
        var stored = jdbc.sql("SELECT secret_hash FROM api_token WHERE username = 'export'")
                .query(String.class)
                .list();
        assertThat(stored).hasSize(1).doesNotContain(secret).allSatisfy(hash -> assertThat(hash)
                .hasSize(64));
    }

    @Test
    void aTokenCarriesItsUsersRolesAndNoMore() throws Exception {
        var secret = create("owner", "{\"name\":\"import\"}");

        assertThat(bearer("GET", "/api/v1/search/consistency", secret).statusCode())
                .isEqualTo(403);
        var search = bearer("GET", "/api/v1/datasets?q=arbres", secret);
        assertThat(search.statusCode()).isEqualTo(200);
        var create = bearer("POST", "/api/v1/tokens", secret, "{\"name\":\"another\"}");
        assertThat(create.statusCode())
                .as("a token cannot make another one that outlives it")
                .isEqualTo(403);
        assertThat(problemType(create)).isEqualTo("https://w3id.org/comptoir/problems/forbidden");
    }

    @Test
    void aRevokedTokenIsRefusedAtOnce() throws Exception {
        var created = ApiClient.json(api.send("POST", "/api/v1/tokens", "dpo", "{\"name\":\"rapport\"}", Map.of()));
        var secret = created.path("secret").asString();
        assertThat(bearer("GET", "/api/v1/tokens", secret).statusCode()).isEqualTo(200);

        var otherUser = api.send(
                "DELETE", "/api/v1/tokens/" + created.path("id").asString(), "owner", null, Map.of("Accept", "*/*"));
        assertThat(otherUser.statusCode()).as("only its user revokes it").isEqualTo(404);
        // as curl sends it
        var revoked = api.send(
                "DELETE",
                "/api/v1/tokens/" + created.path("id").asString(),
                null,
                null,
                Map.of("Authorization", "Bearer " + secret, "Accept", "*/*"));
        assertThat(revoked.statusCode()).isEqualTo(204);

        var refused = bearer("GET", "/api/v1/datasets", secret);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(problemType(refused)).isEqualTo(INVALID_TOKEN);
        assertThat(ApiClient.json(api.send("GET", "/api/v1/tokens", "dpo", null, Map.of())))
                .isEmpty();
    }

    @Test
    void anExpiredOrUnknownTokenIsRefusedAndAnExpiryMustBeNearFuture() throws Exception {
        var secret = create("cdo", "{\"name\":\"lointain\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}", 400);
        assertThat(secret).as("at most 366 days").isNull();
        assertThat(api.send(
                                "POST",
                                "/api/v1/tokens",
                                "cdo",
                                "{\"name\":\"passé\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}",
                                Map.of())
                        .statusCode())
                .isEqualTo(400);
        var token = create("cdo", "{\"name\":\"bientôt expiré\"}");
        assertThat(bearer("GET", "/api/v1/datasets", token).statusCode()).isEqualTo(200);

        jdbc.sql("UPDATE api_token SET expires_at = ? WHERE name = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), "bientôt expiré")
                .update();

        assertThat(problemType(bearer("GET", "/api/v1/datasets", token))).isEqualTo(INVALID_TOKEN);
        assertThat(problemType(bearer("GET", "/api/v1/datasets", "cpt_" + "A".repeat(43))))
                .isEqualTo(INVALID_TOKEN);
        assertThat(ApiClient.json(api.send("GET", "/api/v1/tokens", "cdo", null, Map.of()))
                        .get(0)
                        .path("expired")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aDisabledOrDeletedUsersTokensStopWorking() throws Exception {
        users.createUser(User.withUsername("robot")
                .password(encoder.encode("pw"))
                .roles(Role.OWNER.name())
                .build());
        var token = create("robot", "{\"name\":\"robot\"}");
        assertThat(bearer("GET", "/api/v1/tokens", token).statusCode()).isEqualTo(200);

        users.updateUser(User.withUsername("robot")
                .password(encoder.encode("pw"))
                .roles(Role.OWNER.name())
                .disabled(true)
                .build());
        assertThat(problemType(bearer("GET", "/api/v1/tokens", token))).isEqualTo(INVALID_TOKEN);

        users.updateUser(User.withUsername("robot")
                .password(encoder.encode("pw"))
                .roles(Role.OWNER.name())
                .build());
        assertThat(bearer("GET", "/api/v1/tokens", token).statusCode()).isEqualTo(200);
        users.deleteUser("robot");
        assertThat(problemType(bearer("GET", "/api/v1/tokens", token))).isEqualTo(INVALID_TOKEN);
    }

    @Test
    void httpBasicKeepsWorking() throws Exception {
        assertThat(api.send("GET", "/api/v1/search/consistency", "cdo", null, Map.of())
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.send("GET", "/api/v1/tokens", null, null, Map.of()).statusCode())
                .as("tokens are a signed-in user's")
                .isEqualTo(401);
    }

    private String create(String user, String body) throws Exception {
        return create(user, body, 201);
    }

    private String create(String user, String body, int status) throws Exception {
        var response = api.send("POST", "/api/v1/tokens", user, body, Map.of());
        assertThat(response.statusCode()).isEqualTo(status);
        return status == 201 ? ApiClient.json(response).path("secret").asString() : null;
    }

    private HttpResponse<String> bearer(String method, String path, String token) throws Exception {
        return bearer(method, path, token, null);
    }

    private HttpResponse<String> bearer(String method, String path, String token, String body) throws Exception {
        return api.send(method, path, null, body, Map.of("Authorization", "Bearer " + token));
    }

    private static String problemType(HttpResponse<String> response) {
        JsonNode json = ApiClient.json(response);
        return json.path("type").asString();
    }
}
