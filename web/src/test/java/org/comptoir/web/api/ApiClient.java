package org.comptoir.web.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API as a script calls it in the tests: JSON over HTTP, HTTP Basic for a signed-in user. */
final class ApiClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final String password;

    /** @param password every test user's password */
    ApiClient(int port, String password) {
        this.port = port;
        this.password = password;
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /**
     * @param user the user signed in, or null for an anonymous call
     * @param body a JSON body, or null
     * @param headers more request headers
     */
    HttpResponse<String> send(String method, String path, String user, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        var builder = HttpRequest.newBuilder(uri(path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json");
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        if (user != null) {
            builder.header("Authorization", basic(user, password));
        }
        headers.forEach(builder::header);
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Reads {@code path} again until the answer satisfies {@code done}, for at most 5 s: the search
     * index follows the store within a second; the margin covers a machine busy with other builds.
     *
     * @return the last answer, satisfying or not
     */
    JsonNode until(String path, String user, Predicate<JsonNode> done) throws IOException, InterruptedException {
        var deadline = Instant.now().plus(Duration.ofSeconds(5));
        JsonNode body;
        do {
            body = json(send("GET", path, user, null, Map.of()));
            if (done.test(body)) {
                return body;
            }
            Thread.sleep(20);
        } while (Instant.now().isBefore(deadline));
        return body;
    }

    /** Reads a harvest run until it is no longer queued or running, for at most 30 s. */
    JsonNode awaitRun(String runId, String user) throws IOException, InterruptedException {
        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode run;
        do {
            Thread.sleep(100);
            run = json(send("GET", "/api/v1/harvests/" + runId, user, null, Map.of()));
        } while (Instant.now().isBefore(deadline)
                && (run.path("status").asString().equals("QUEUED")
                        || run.path("status").asString().equals("RUNNING")));
        return run;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
