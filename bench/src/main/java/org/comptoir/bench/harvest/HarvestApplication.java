package org.comptoir.bench.harvest;

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
 * The packaged application in its own JVM on a fresh data folder (embedded H2 and Lucene), with its
 * heap limited and its collections logged, driven through the REST API as an administrator.
 */
final class HarvestApplication implements AutoCloseable {
    static final String ADMIN = "bench-admin";
    static final String PASSWORD = "bench-harvest-password";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * How often the bench asks how a run goes, and so how precisely it times one: a re-harvest of
     * 20,000 datasets takes about 6 s, of 100,000 about 30 s. Each request is signed with an API token
     * (a hash lookup, not BCrypt), but still costs the application about a millisecond of CPU: asking
     * five times a second took 3 % of a first harvest's samples.
     */
    private static final long POLL = 500;

    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final Process process;
    private final Path console;
    private final Path gcLog;
    private final String base;
    /** HTTP Basic until {@link #useToken}: every call signed in with a password costs a BCrypt. */
    private String authorization =
            "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HarvestApplication(Process process, Path console, Path gcLog, String base) {
        this.process = process;
        this.console = console;
        this.gcLog = gcLog;
        this.base = base;
    }

    static HarvestApplication start(Path jar, Path workDir, String heap, String gc, Path jfr) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: package the application first (./mvnw -q -pl web -am package -DskipTests)");
        }
        Files.createDirectories(workDir);
        int port = freePort();
        var gcLog = workDir.resolve("gc.log");
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(
                java,
                "-Xmx" + heap,
                "-XX:+Use" + gc + "GC",
                "-XX:+ExitOnOutOfMemoryError",
                "-Xlog:gc:file=" + gcLog + ":uptime"));
        if (jfr != null) {
            command.add("-XX:FlightRecorderOptions:stackdepth=256");
            command.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
        }
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--comptoir.data-dir=" + workDir.resolve("data").toAbsolutePath(),
                "--comptoir.security.admin-username=" + ADMIN,
                "--comptoir.security.admin-password=" + PASSWORD,
                "--logging.file.name=" + workDir.resolve("comptoir.log")));
        var console = workDir.resolve("console.log");
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(console.toFile())
                .start();
        var app = new HarvestApplication(process, console, gcLog, "http://127.0.0.1:" + port);
        app.awaitReady(Duration.ofMinutes(5));
        app.useToken();
        return app;
    }

    /** The CPU time the application's JVM used so far, every thread together. */
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElseThrow();
    }

    /** The most heap in use the collector saw before any collection so far, in MiB (from its log). */
    long peakHeapMib() throws IOException {
        long peak = 0;
        for (var line : Files.readAllLines(gcLog)) {
            var matcher = GC_LINE.matcher(line);
            if (matcher.find()) {
                peak = Math.max(peak, Long.parseLong(matcher.group(1)));
            }
        }
        return peak;
    }

    /** The heap the collector may grow to, in MiB (from its log). */
    long heapCapacityMib() throws IOException {
        long capacity = 0;
        for (var line : Files.readAllLines(gcLog)) {
            var matcher = GC_LINE.matcher(line);
            if (matcher.find()) {
                capacity = Math.max(capacity, Long.parseLong(matcher.group(3)));
            }
        }
        return capacity;
    }

    /**
     * Signs the next calls in with an API token, as a script does (ADR 0016): one indexed query per
     * call rather than a BCrypt of the password, which polling would otherwise add to the
     * application's CPU time.
     */
    private void useToken() {
        var secret = send("POST", "/api/v1/tokens", "{\"name\":\"banc de récolte\"}", 201)
                .path("secret")
                .asString();
        authorization = "Bearer " + secret;
    }

    String registerSource(String name, String url) {
        var body = "{\"name\":\"" + name + "\",\"kind\":\"dcat-ap\",\"url\":\"" + url + "\"}";
        return send("POST", "/api/v1/sources", body, 201).path("id").asString();
    }

    String startHarvest(String sourceId) {
        return send("POST", "/api/v1/sources/" + sourceId + "/harvests", null, 202)
                .path("id")
                .asString();
    }

    /** Polls the run until it ends; returns its last state. */
    JsonNode awaitRun(String runId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var run = send("GET", "/api/v1/harvests/" + runId, null, 200);
            var status = run.path("status").asString();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return run;
            }
            sleep(POLL);
        }
        throw new IllegalStateException("Run " + runId + " did not end within " + timeout);
    }

    /** Polls until the search index holds the store. */
    JsonNode awaitSearchable(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode report = null;
        while (System.nanoTime() < deadline) {
            report = send("GET", "/api/v1/search/consistency", null, 200);
            if (report.path("consistent").asBoolean()) {
                return report;
            }
            sleep(POLL);
        }
        throw new IllegalStateException("The index did not follow the store within " + timeout + ": " + report);
    }

    private JsonNode send(String method, String path, String body, int expected) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", authorization)
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
                throw new IllegalStateException("The application stopped while starting, see " + console);
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
        throw new IllegalStateException("The application did not start within " + timeout + ", see " + console);
    }

    boolean alive() {
        return process.isAlive();
    }

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
