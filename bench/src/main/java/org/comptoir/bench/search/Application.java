package org.comptoir.bench.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged application ({@code web/target/comptoir.jar}) in its own JVM on a data folder, with
 * the search engine given, driven over HTTP; its heap read with {@code jcmd}.
 */
final class Application implements AutoCloseable {
    static final String ADMIN = "bench-admin";
    static final String PASSWORD = "bench-search-password";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The heap's {@code used} figure: G1's one line, or each of the Parallel collector's two generations. */
    private static final Pattern HEAP_USED =
            Pattern.compile("(?m)^\\s*(?:garbage-first heap|PSYoungGen|ParOldGen)\\s+total [^\\n]*?used (\\d+)K");

    private final Process process;
    private final Path log;
    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Application(Process process, Path log, String base) {
        this.process = process;
        this.log = log;
        this.base = base;
    }

    /**
     * Starts the application and waits until it answers.
     *
     * @param engine {@code lucene} or {@code elasticsearch}
     * @param elasticsearchUrl the server, for {@code elasticsearch}
     * @param jfr where to record a JFR profile, or null
     */
    static Application start(
            Path jar,
            Path dataDir,
            Path workDir,
            String heap,
            String gc,
            String engine,
            String elasticsearchUrl,
            Path jfr)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: package the application first (./mvnw -q -pl web -am package -DskipTests)");
        }
        Files.createDirectories(workDir);
        int port = freePort();
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command =
                new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+Use" + gc + "GC", "-XX:+ExitOnOutOfMemoryError"));
        if (jfr != null) {
            // whole stacks: Spring's are deeper than JFR's default 64 frames
            command.add("-XX:FlightRecorderOptions=stackdepth=256");
            command.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
        }
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--comptoir.data-dir=" + dataDir.toAbsolutePath(),
                "--comptoir.security.admin-username=" + ADMIN,
                "--comptoir.security.admin-password=" + PASSWORD,
                "--comptoir.search.engine=" + engine,
                "--logging.file.name=" + workDir.resolve("comptoir-" + engine + ".log")));
        if (elasticsearchUrl != null) {
            command.add("--comptoir.search.elasticsearch.url=" + elasticsearchUrl);
            command.add("--comptoir.search.elasticsearch.index-prefix=bench");
        }
        var console = workDir.resolve("console-" + engine + ".log");
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(console.toFile())
                .start();
        var application = new Application(process, console, "http://127.0.0.1:" + port);
        application.awaitReady(Duration.ofMinutes(5));
        return application;
    }

    String base() {
        return base;
    }

    long pid() {
        return process.pid();
    }

    /** The CPU time the application's JVM used so far, every thread together. */
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElseThrow();
    }

    static String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** How the internal users' searches authenticate: HTTP Basic until {@link #useToken} is called. */
    private static volatile String scriptAuthorization = authorization();

    static String scriptAuthorization() {
        return scriptAuthorization;
    }

    /**
     * Makes the internal users' searches send a personal API token, as a script does: created once
     * with the password ({@code POST /api/v1/tokens}), then sent as a bearer token.
     */
    void useToken() {
        var token = send("POST", "/api/v1/tokens", "{\"name\":\"search bench\"}", Duration.ofMinutes(1), 201);
        scriptAuthorization = "Bearer " + token.path("secret").asString();
    }

    /** Makes the internal users' searches send HTTP Basic again. */
    static void useBasic() {
        scriptAuthorization = authorization();
    }

    /** Waits until the index holds every dataset of the store (the start-up rebuild of a new index). */
    JsonNode awaitConsistent(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode report = null;
        while (System.nanoTime() < deadline) {
            report = send("GET", "/api/v1/search/consistency", Duration.ofMinutes(2));
            if (report.path("consistent").asBoolean() && report.path("stored").asLong() > 0) {
                return report;
            }
            sleep(1_000);
        }
        throw new IllegalStateException("The index did not follow the store within " + timeout + ": " + report);
    }

    /** {@code POST /api/v1/search/reindex}, answered when the rebuild is done. */
    JsonNode reindex() {
        return send("POST", "/api/v1/search/reindex", Duration.ofMinutes(30));
    }

    /**
     * The heap in use after a full collection, in bytes: {@code jcmd GC.run}, then the {@code used}
     * figures of {@code jcmd GC.heap_info}.
     */
    long heapAfterGc() {
        jcmd("GC.run");
        jcmd("GC.run");
        var info = jcmd("GC.heap_info");
        var matcher = HEAP_USED.matcher(info);
        long used = 0;
        boolean found = false;
        while (matcher.find()) {
            used += Long.parseLong(matcher.group(1));
            found = true;
        }
        if (!found) {
            throw new IllegalStateException("No heap figure in jcmd GC.heap_info: " + info);
        }
        return used * 1024;
    }

    private String jcmd(String command) {
        var jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            var run = new ProcessBuilder(jcmd, Long.toString(process.pid()), command)
                    .redirectErrorStream(true)
                    .start();
            var out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            run.waitFor(2, TimeUnit.MINUTES);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode send(String method, String path, Duration timeout) {
        return send(method, path, null, timeout, 200);
    }

    private JsonNode send(String method, String path, String body, Duration timeout, int expected) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Authorization", authorization())
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        var health = HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application stopped while starting, see " + log);
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        close();
        throw new IllegalStateException("The application did not start within " + timeout + ", see " + log);
    }

    /** Stops the application as an operator would (SIGTERM), so that H2 and the index close cleanly. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
