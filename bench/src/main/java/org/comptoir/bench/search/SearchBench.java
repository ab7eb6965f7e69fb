package org.comptoir.bench.search;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.comptoir.catalog.search.elasticsearch.ElasticsearchServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #3's search benchmark (docs/benchmarks.md, section Search): a synthetic catalogue in the
 * application's store, then, for each engine, the packaged application in its own JVM, the full
 * reindex throughput through {@code POST /api/v1/search/reindex}, the latency of a realistic mix of
 * searches at the HTTP API with 1 and 8 concurrent clients, and the heap the index takes.
 *
 * <p>Options: {@code --root} (the repository), {@code --datasets} (100000), {@code --engines}
 * ({@code lucene,elasticsearch}), {@code --clients} ({@code 1,8}), {@code --warm-up} (searches per
 * client before measuring, 500), {@code --searches} (measured searches per client count, 6000),
 * {@code --heap} (the application's {@code -Xmx}, 1g), {@code --gc} (the application's collector,
 * {@code Parallel} as the production image runs it, or {@code G1}), {@code --jar} (the application, {@code
 * web/target/comptoir.jar}), {@code --data} (the store's folder, {@code
 * bench/target/search-bench/data-<datasets>}: two folders compare two applications on stores of
 * their own), {@code --profile} (a JFR recording per engine
 * under {@code bench/target/search-bench/}), {@code --auth} ({@code token}: internal users send a personal
 * API token as a script does; {@code basic}: HTTP Basic), {@code --no-report} (leave docs/benchmarks.md alone).
 */
public final class SearchBench {
    private static final String BEGIN = "<!-- search-bench:begin -->";
    private static final String END = "<!-- search-bench:end -->";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SearchBench() {}

    /** What one engine measured; CPU times are the application's plus the Elasticsearch server's. */
    private record EngineRun(
            String engine,
            List<Reindex> reindexes,
            Map<Integer, QueryLoad.Measured> searches,
            Map<Integer, Double> searchCpuMillis,
            long appHeapAfterGc,
            String indexSize,
            String serverHeap) {}

    /**
     * One {@code POST /api/v1/search/reindex}.
     *
     * @param tookMs the rebuild's time as the application reports it
     * @param cpuMs the CPU time the application (and the Elasticsearch server) used meanwhile
     */
    private record Reindex(long datasets, long tookMs, long cpuMs) {
        double rate() {
            return datasets * 1000.0 / Math.max(1, tookMs);
        }

        double ratePerCpuSecond() {
            return datasets * 1000.0 / Math.max(1, cpuMs);
        }
    }

    public static void main(String[] args) throws Exception {
        var options = options(args);
        var root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize();
        int datasets = Integer.parseInt(options.getOrDefault("datasets", "100000"));
        var engines =
                List.of(options.getOrDefault("engines", "lucene,elasticsearch").split(","));
        var clients = Stream.of(options.getOrDefault("clients", "1,8").split(","))
                .map(Integer::parseInt)
                .toList();
        int warmUp = Integer.parseInt(options.getOrDefault("warm-up", "500"));
        int searches = Integer.parseInt(options.getOrDefault("searches", "6000"));
        var heap = options.getOrDefault("heap", "1g");
        var gc = options.getOrDefault("gc", "Parallel");
        boolean profile = options.containsKey("profile");
        boolean basic = "basic".equals(options.getOrDefault("auth", "token"));
        var work = root.resolve("bench/target/search-bench");
        var jar = Path.of(options.getOrDefault(
                        "jar", root.resolve("web/target/comptoir.jar").toString()))
                .toAbsolutePath();
        var data = Path.of(options.getOrDefault(
                        "data", work.resolve("data-" + datasets).toString()))
                .toAbsolutePath();
        var catalogue = new SyntheticCatalogue();

        System.out.printf("Search benchmark: %,d datasets, engines %s, load average %s%n", datasets, engines, load());
        prepareStore(jar, data, work, catalogue, datasets, heap, gc);

        var runs = new ArrayList<EngineRun>();
        for (var engine : engines) {
            String elasticsearch = "elasticsearch".equals(engine) ? ElasticsearchServer.url() : null;
            var jfr = profile ? work.resolve(engine + ".jfr") : null;
            System.out.printf("%n== %s (load average %s)%n", engine, load());
            try (var app = Application.start(jar, data, work, heap, gc, engine, elasticsearch, jfr)) {
                if (basic) {
                    Application.useBasic();
                } else {
                    app.useToken();
                }
                var first = app.awaitConsistent(Duration.ofMinutes(30));
                System.out.printf("  index follows the store: %s datasets%n", first.path("indexed"));
                var reindexes = new ArrayList<Reindex>();
                for (int i = 0; i < 2; i++) {
                    long cpu = cpuMillis(app, elasticsearch);
                    var reindexed = app.reindex();
                    var reindex = new Reindex(
                            reindexed.path("datasets").asLong(),
                            reindexed.path("tookMs").asLong(),
                            cpuMillis(app, elasticsearch) - cpu);
                    reindexes.add(reindex);
                    System.out.printf(
                            "  reindex %d: %d datasets in %d ms = %.0f datasets/s; %d ms of CPU = %.0f datasets per"
                                    + " CPU-second (load average %s)%n",
                            i + 1,
                            reindex.datasets(),
                            reindex.tookMs(),
                            reindex.rate(),
                            reindex.cpuMs(),
                            reindex.ratePerCpuSecond(),
                            load());
                }
                app.awaitConsistent(Duration.ofMinutes(5));
                // searches are measured on an index at rest, not beside the merges a full reindex leaves
                System.out.printf("  at rest after %d s (load average %s)%n", settle(app, elasticsearch), load());
                var measured = new LinkedHashMap<Integer, QueryLoad.Measured>();
                var searchCpu = new LinkedHashMap<Integer, Double>();
                for (int count : clients) {
                    var load = new QueryLoad(catalogue, 42L * count);
                    int perClient = Math.max(1, searches / count);
                    long cpu = cpuMillis(app, elasticsearch);
                    var result = load.run(app.base(), count, warmUp, perClient);
                    // warm-up included: its searches are of the same mix
                    double perSearch = (cpuMillis(app, elasticsearch) - cpu) / (double) (count * (warmUp + perClient));
                    measured.put(count, result);
                    searchCpu.put(count, perSearch);
                    System.out.printf(
                            "  %d client(s): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %.0f searches/s, %d errors,"
                                    + " %.1f ms of CPU per search (load average %s)%n",
                            count,
                            ms(result.latency(), 50),
                            ms(result.latency(), 95),
                            ms(result.latency(), 99),
                            result.throughput(),
                            result.errors(),
                            perSearch,
                            load());
                }
                long heapAfterGc = app.heapAfterGc();
                String indexSize;
                String serverHeap = "";
                if (elasticsearch == null) {
                    indexSize = mib(folderSize(data.resolve("search"))) + " on disk (Lucene folder)";
                } else {
                    var stats = get(elasticsearch + "/bench-datasets/_stats/store,docs");
                    indexSize = mib(stats.path("_all")
                                    .path("primaries")
                                    .path("store")
                                    .path("size_in_bytes")
                                    .asLong()) + " on disk (primary store)";
                    var nodes = get(elasticsearch + "/_nodes/stats/jvm").path("nodes");
                    long used = 0;
                    long max = 0;
                    for (var node : nodes) {
                        used += node.path("jvm")
                                .path("mem")
                                .path("heap_used_in_bytes")
                                .asLong();
                        max += node.path("jvm")
                                .path("mem")
                                .path("heap_max_in_bytes")
                                .asLong();
                    }
                    serverHeap = mib(used) + " used of " + mib(max);
                }
                System.out.printf(
                        "  application heap after GC: %s; index: %s %s%n", mib(heapAfterGc), indexSize, serverHeap);
                runs.add(new EngineRun(engine, reindexes, measured, searchCpu, heapAfterGc, indexSize, serverHeap));
            }
        }

        var report = report(runs, datasets, options, clients);
        System.out.println();
        System.out.println(report);
        if (!options.containsKey("no-report")) {
            writeReport(root.resolve("docs/benchmarks.md"), report);
        }
        System.exit(0);
    }

    /** The store with {@code datasets} datasets: reused when a previous run left it, else made. */
    private static void prepareStore(
            Path jar, Path data, Path work, SyntheticCatalogue catalogue, int datasets, String heap, String gc)
            throws IOException {
        if (Files.exists(data.resolve("comptoir.mv.db")) && StoreLoader.count(data) == datasets) {
            System.out.printf("  reusing the store of a previous run in %s%n", data);
            return;
        }
        deleteRecursively(data);
        Files.createDirectories(data);
        System.out.println("  creating the schema: starting the application once on an empty data folder");
        try (var app = Application.start(jar, data, work, heap, gc, "lucene", null, null)) {
            // Liquibase ran and the bench administrator exists; nothing else to do
        }
        deleteRecursively(data.resolve("search"));
        long begin = System.nanoTime();
        StoreLoader.load(data, catalogue, datasets);
        System.out.printf(
                "  %,d datasets written into the store in %.0f s%n", datasets, (System.nanoTime() - begin) / 1e9);
    }

    private static String report(
            List<EngineRun> runs, int datasets, Map<String, String> options, List<Integer> clients) {
        var out = new StringBuilder();
        var os = ManagementFactory.getOperatingSystemMXBean();
        out.append(String.format(
                Locale.ROOT,
                "Run of %s, %,d datasets, %d cores (%s), Java %s, application `-Xmx%s`;"
                        + " load average at the end: %s.%n%n",
                LocalDate.now(),
                datasets,
                os.getAvailableProcessors(),
                cpuModel(),
                Runtime.version(),
                options.getOrDefault("heap", "1g"),
                load()));
        out.append("| engine | full reindex (2nd of 2) | per CPU-second | 1st reindex |");
        for (int count : clients) {
            out.append(" p50 / p95 / p99, ")
                    .append(count)
                    .append(count == 1 ? " client" : " clients")
                    .append(" |");
        }
        out.append(" searches/s at ").append(clients.getLast()).append(" | CPU per search |");
        out.append(" app heap after GC | index |\n");
        out.append("| --- | ---: | ---: | ---: |");
        clients.forEach(c -> out.append(" ---: |"));
        out.append(" ---: | ---: | ---: | --- |\n");
        for (var run : runs) {
            var last = run.reindexes().getLast();
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %,.0f datasets/s | %,.0f datasets | %,.0f datasets/s |",
                    run.engine(),
                    last.rate(),
                    last.ratePerCpuSecond(),
                    run.reindexes().getFirst().rate()));
            for (int count : clients) {
                var measured = run.searches().get(count);
                out.append(String.format(
                        Locale.ROOT,
                        " %.0f / %.0f / %.0f ms |",
                        ms(measured.latency(), 50),
                        ms(measured.latency(), 95),
                        ms(measured.latency(), 99)));
            }
            out.append(String.format(
                    Locale.ROOT,
                    " %.0f | %.1f ms |",
                    run.searches().get(clients.getLast()).throughput(),
                    run.searchCpuMillis().get(clients.getLast())));
            out.append(" ").append(mib(run.appHeapAfterGc())).append(" | ").append(run.indexSize());
            if (!run.serverHeap().isEmpty()) {
                out.append("; Elasticsearch heap ").append(run.serverHeap());
            }
            out.append(" |\n");
        }
        out.append("\nAnonymous and internal searches apart (p50 / p95 / p99 in ms, and how many):\n\n");
        out.append("| engine | clients | anonymous | internal ("
                + ("basic".equals(options.getOrDefault("auth", "token")) ? "HTTP Basic" : "API token")
                + ") | errors | searches without hits | searches asked before in the run |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (var run : runs) {
            run.searches()
                    .forEach((count, measured) -> out.append(String.format(
                            Locale.ROOT,
                            "| %s | %d | %.0f / %.0f / %.0f (%d) | %.0f / %.0f / %.0f (%d) | %d | %d | %.0f %% |%n",
                            run.engine(),
                            count,
                            ms(measured.anonymous(), 50),
                            ms(measured.anonymous(), 95),
                            ms(measured.anonymous(), 99),
                            measured.anonymous().getTotalCount(),
                            ms(measured.internal(), 50),
                            ms(measured.internal(), 95),
                            ms(measured.internal(), 99),
                            measured.internal().getTotalCount(),
                            measured.errors(),
                            measured.empty(),
                            100 * measured.repeated())));
        }
        return out.toString();
    }

    private static void writeReport(Path file, String report) throws IOException {
        var text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n";
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            text = text.stripTrailing() + "\n\n## Search\n\n### Last run\n\n" + BEGIN + "\n" + END + "\n";
            begin = text.indexOf(BEGIN);
            end = text.indexOf(END);
        }
        Files.writeString(file, text.substring(0, begin + BEGIN.length()) + "\n" + report + text.substring(end));
        System.out.println("Written to " + file);
    }

    /**
     * Waits until the application (and the Elasticsearch server) use less than a twentieth of a core
     * over two seconds: the segment merges that follow a full reindex are done. Gives up after three
     * minutes.
     *
     * @return the seconds waited
     */
    private static long settle(Application app, String elasticsearch) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(3).toNanos();
        long cpu = cpuMillis(app, elasticsearch);
        while (System.nanoTime() < deadline) {
            Thread.sleep(2_000);
            long now = cpuMillis(app, elasticsearch);
            if (now - cpu < 100) {
                break;
            }
            cpu = now;
        }
        return Duration.ofNanos(System.nanoTime() - start).toSeconds();
    }

    /** CPU time of the application, and of the Elasticsearch server when there is one, in ms. */
    private static long cpuMillis(Application app, String elasticsearch) throws IOException, InterruptedException {
        long millis = app.cpu().toMillis();
        if (elasticsearch != null) {
            for (var node : get(elasticsearch + "/_nodes/stats/process").path("nodes")) {
                millis +=
                        node.path("process").path("cpu").path("total_in_millis").asLong();
            }
        }
        return millis;
    }

    private static double ms(org.HdrHistogram.Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        try (var http = HttpClient.newHttpClient()) {
            var response =
                    http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        }
    }

    private static String load() {
        try {
            var fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException e) {
            return String.format(
                    Locale.ROOT,
                    "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String cpuModel() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MiB", bytes / 1024.0 / 1024.0);
    }

    private static long folderSize(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile)
                    .mapToLong(path -> path.toFile().length())
                    .sum();
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        var options = new LinkedHashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument " + args[i]);
            }
            var name = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(name, args[++i]);
            } else {
                options.put(name, "");
            }
        }
        return options;
    }
}
