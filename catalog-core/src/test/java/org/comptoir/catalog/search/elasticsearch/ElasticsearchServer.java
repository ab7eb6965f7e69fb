package org.comptoir.catalog.search.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Elasticsearch server for tests: the one named by {@code COMPTOIR_TEST_ELASTICSEARCH_URL}
 * when that variable is set, otherwise one started from the distribution the build unpacks (system
 * property {@code comptoir.elasticsearch.home}) on free ports, with the heap {@code
 * comptoir.elasticsearch.heap} gives, once per JVM and stopped, with its
 * process tree, when the JVM exits. Elasticsearch refuses to run as root: as root, the server runs
 * as {@code nobody} from a work folder that user owns.
 */
public final class ElasticsearchServer {
    /** The variable naming an external server, e.g. {@code http://localhost:9200}. */
    public static final String URL_VARIABLE = "COMPTOIR_TEST_ELASTICSEARCH_URL";
    /** The system property naming the unpacked distribution's folder. */
    public static final String HOME_PROPERTY = "comptoir.elasticsearch.home";
    /** The system property giving the server's heap, {@value #TEST_HEAP} by default (tests index little). */
    public static final String HEAP_PROPERTY = "comptoir.elasticsearch.heap";

    private static final String TEST_HEAP = "512m";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static String url;

    private ElasticsearchServer() {}

    /** The base URL of a running server, started on first use. */
    public static synchronized String url() {
        if (url == null) {
            var given = System.getenv(URL_VARIABLE);
            url = given != null && !given.isBlank() ? given.strip() : start();
        }
        return url;
    }

    /** A URL where no server listens, to see how callers fail when the server is down. */
    public static String unreachableUrl() {
        return "http://127.0.0.1:" + freePort();
    }

    private static String start() {
        var home = System.getProperty(HOME_PROPERTY);
        if (home == null || !Files.isExecutable(Path.of(home, "bin", "elasticsearch"))) {
            throw new IllegalStateException("No Elasticsearch distribution at '" + home + "' (system property "
                    + HOME_PROPERTY + "): run the tests with Maven (verify), which unpacks it, or set "
                    + URL_VARIABLE + " to a running server");
        }
        try {
            return start(Path.of(home));
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch did not start", e);
        }
    }

    private static String start(Path home) throws IOException {
        var work = Files.createTempDirectory("comptoir-elasticsearch-");
        var config = work.resolve("config");
        copyTree(home.resolve("config"), config);
        for (var folder : List.of("data", "logs", "tmp")) {
            Files.createDirectories(work.resolve(folder));
        }
        var root = "root".equals(System.getProperty("user.name"));
        if (root) {
            giveToNobody(work);
        }
        int httpPort = freePort();
        int transportPort = freePort();
        var environment = new LinkedHashMap<String, String>();
        environment.put("ES_JAVA_HOME", System.getProperty("java.home"));
        environment.put("ES_PATH_CONF", config.toString());
        environment.put("ES_TMPDIR", work.resolve("tmp").toString());
        environment.put("CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + work.resolve("tmp"));
        var heap = System.getProperty(HEAP_PROPERTY, TEST_HEAP);
        environment.put("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
        var command = new ArrayList<String>();
        if (root) {
            command.addAll(List.of("runuser", "-u", "nobody", "--", "env"));
            environment.forEach((name, value) -> command.add(name + "=" + value));
        }
        command.add(home.resolve("bin/elasticsearch").toString());
        for (var setting : List.of(
                "discovery.type=single-node",
                "xpack.security.enabled=false",
                "network.host=127.0.0.1",
                "http.port=" + httpPort,
                "transport.port=" + transportPort,
                "path.data=" + work.resolve("data"),
                "path.logs=" + work.resolve("logs"),
                "cluster.routing.allocation.disk.threshold_enabled=false")) {
            command.add("-E");
            command.add(setting);
        }
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("console.log").toFile());
        if (!root) {
            builder.environment().putAll(environment);
        }
        var process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process, work), "elasticsearch-stop"));
        var base = "http://127.0.0.1:" + httpPort;
        awaitYellow(base, process, work);
        return base;
    }

    private static void awaitYellow(String base, Process process, Path work) {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var health = HttpRequest.newBuilder(URI.create(base + "/_cluster/health?wait_for_status=yellow&timeout=5s"))
                .timeout(Duration.ofSeconds(10))
                .build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Elasticsearch exited with " + process.exitValue() + ":\n" + tail(work.resolve("console.log")));
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Elasticsearch", e);
            }
            sleep(Duration.ofMillis(250));
        }
        stop(process, work);
        throw new IllegalStateException(
                "Elasticsearch was not ready within " + START_TIMEOUT + ":\n" + tail(work.resolve("console.log")));
    }

    private static void stop(Process process, Path work) {
        var tree = new ArrayList<ProcessHandle>();
        process.descendants().forEach(tree::add);
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (var handle : tree) {
            try {
                handle.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
        try (var paths = Files.walk(work)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (var path : paths.toList()) {
                var target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    private static void giveToNobody(Path work) throws IOException {
        var principals = work.getFileSystem().getUserPrincipalLookupService();
        var nobody = principals.lookupPrincipalByName("nobody");
        var nogroup = principals.lookupPrincipalByGroupName("nogroup");
        try (var paths = Files.walk(work)) {
            for (var path : paths.toList()) {
                var view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
                view.setOwner(nobody);
                view.setGroup(nogroup);
            }
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path log) {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no console output: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Elasticsearch", e);
        }
    }
}
