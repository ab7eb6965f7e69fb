package org.comptoir.bench.harvest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
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
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;
import tools.jackson.databind.JsonNode;

/**
 * Issue #4's harvest benchmark (docs/benchmarks.md, section Harvest): a generated DCAT-AP catalogue
 * ({@link SourceFiles}) served by a local HTTP server ({@link SourceServer}) in three layouts —
 * Turtle pages linked by Hydra, one Turtle dump, one N-Triples dump — each harvested by the packaged
 * application in its own JVM on a fresh data folder ({@link HarvestApplication}), first on an empty
 * catalogue, then again unchanged; against a bare Jena RIOT parse of the same bytes in this JVM.
 *
 * <p>Options: {@code --root} (the repository), {@code --datasets} (100000), {@code --layouts}
 * ({@code turtle-pages,turtle-dump,ntriples-dump}), {@code --page-size} (datasets per page, 1000),
 * {@code --heap} (the application's {@code -Xmx}, 512m), {@code --gc} (the application's collector,
 * {@code Parallel} as the production image runs it, or {@code G1}), {@code --jar} (the application, {@code
 * web/target/comptoir.jar}), {@code --profile} (a JFR recording per layout
 * under {@code bench/target/harvest-bench/}), {@code --no-report} (leave docs/benchmarks.md alone).
 */
public final class HarvestBench {
    private static final String BEGIN = "<!-- harvest-bench:begin -->";
    private static final String END = "<!-- harvest-bench:end -->";

    private HarvestBench() {}

    /** One harvest as measured from outside. */
    private record Harvest(
            long datasets, double runSeconds, double searchableSeconds, double cpuSeconds, JsonNode counts) {
        double rate() {
            return datasets / searchableSeconds;
        }

        double perCpuSecond() {
            return datasets / cpuSeconds;
        }
    }

    private record LayoutRun(
            String layout,
            long bytes,
            Harvest first,
            Harvest again,
            long peakHeapMib,
            long heapMib,
            double parseRate) {}

    public static void main(String[] args) throws Exception {
        var options = options(args);
        var root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize();
        int datasets = Integer.parseInt(options.getOrDefault("datasets", "100000"));
        int pageSize = Integer.parseInt(options.getOrDefault("page-size", "1000"));
        var layouts = List.of(options.getOrDefault("layouts", "turtle-pages,turtle-dump,ntriples-dump")
                .split(","));
        var heap = options.getOrDefault("heap", "512m");
        var gc = options.getOrDefault("gc", "Parallel");
        boolean profile = options.containsKey("profile");
        var work = root.resolve("bench/target/harvest-bench");
        var files = work.resolve("source-" + datasets);
        Files.createDirectories(work);
        // Maven's exec plugin shows the program's output only without -q: keep it in a file as well
        var log = new java.io.PrintStream(
                Files.newOutputStream(work.resolve("last-run-" + datasets + ".txt")), true, "UTF-8");
        var console = System.out;
        System.setOut(new java.io.PrintStream(
                new java.io.OutputStream() {
                    @Override
                    public void write(int b) {
                        console.write(b);
                        log.write(b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) {
                        console.write(bytes, offset, length);
                        log.write(bytes, offset, length);
                    }
                },
                true,
                java.nio.charset.StandardCharsets.UTF_8));

        long begin = System.nanoTime();
        int pages = SourceFiles.write(files, datasets, pageSize);
        System.out.printf(
                Locale.ROOT,
                "Source of %,d datasets (%d pages) ready in %.0f s: %s%n",
                datasets,
                pages,
                (System.nanoTime() - begin) / 1e9,
                files);

        var runs = new ArrayList<LayoutRun>();
        try (var server = new SourceServer(files)) {
            for (var layout : layouts) {
                var bytes = bytes(files, layout);
                double parseRate = parse(files, layout, datasets);
                System.out.printf(
                        Locale.ROOT, "%s: %,d bytes; bare RIOT parse %,.0f datasets/s%n", layout, bytes, parseRate);
                var dir = work.resolve(layout + "-" + datasets);
                deleteRecursively(dir);
                try (var app = HarvestApplication.start(
                        Path.of(options.getOrDefault(
                                "jar", root.resolve("web/target/comptoir.jar").toString())),
                        dir,
                        heap,
                        gc,
                        profile ? work.resolve(layout + ".jfr") : null)) {
                    var source = app.registerSource("Banc " + layout, server.url(entry(layout)));
                    var first = harvest(app, source, datasets);
                    System.out.printf(
                            Locale.ROOT,
                            "  first harvest: %,.0f datasets/s until searchable (run %.1f s, searchable %.1f s, %.1f CPU-s) %s%n",
                            first.rate(),
                            first.runSeconds(),
                            first.searchableSeconds(),
                            first.cpuSeconds(),
                            first.counts());
                    var again = harvest(app, source, datasets);
                    System.out.printf(
                            Locale.ROOT,
                            "  unchanged re-harvest: %,.0f datasets/s (run %.1f s, %.1f CPU-s) %s%n",
                            again.rate(),
                            again.runSeconds(),
                            again.cpuSeconds(),
                            again.counts());
                    runs.add(new LayoutRun(
                            layout, bytes, first, again, app.peakHeapMib(), app.heapCapacityMib(), parseRate));
                }
                if (!options.containsKey("no-report")) {
                    // after each layout: a long run stopped half-way still leaves what it measured
                    writeReport(root.resolve("docs/benchmarks.md"), report(datasets, heap, gc, runs));
                }
            }
        }
        System.out.println(report(datasets, heap, gc, runs));
    }

    /** One harvest through the API, until the search index holds what it stored. */
    private static Harvest harvest(HarvestApplication app, String source, int datasets) {
        var cpu = app.cpu();
        long start = System.nanoTime();
        var runId = app.startHarvest(source);
        var run = app.awaitRun(runId, Duration.ofHours(2));
        long ran = System.nanoTime();
        if (!run.path("status").asString().equals("SUCCEEDED")) {
            throw new IllegalStateException("The harvest did not succeed: " + run);
        }
        app.awaitSearchable(Duration.ofHours(1));
        long searchable = System.nanoTime();
        var used = app.cpu().minus(cpu);
        var counts = run.path("counts");
        long seen = counts.path("added").asLong()
                + counts.path("updated").asLong()
                + counts.path("unchanged").asLong();
        if (seen != datasets) {
            throw new IllegalStateException("The harvest took in " + seen + " datasets, not " + datasets + ": " + run);
        }
        return new Harvest(seen, (ran - start) / 1e9, (searchable - start) / 1e9, used.toMillis() / 1000.0, counts);
    }

    private static String entry(String layout) {
        return switch (layout) {
            case "turtle-pages" -> "/pages/1";
            case "turtle-dump" -> "/dump.ttl";
            case "ntriples-dump" -> "/dump.nt";
            default -> throw new IllegalArgumentException("Unknown layout " + layout);
        };
    }

    private static List<Path> layoutFiles(Path files, String layout) throws IOException {
        return switch (layout) {
            case "turtle-pages" -> {
                try (var list = Files.list(files.resolve("pages"))) {
                    yield list.sorted().toList();
                }
            }
            case "turtle-dump" -> List.of(files.resolve("dump.ttl"));
            case "ntriples-dump" -> List.of(files.resolve("dump.nt"));
            default -> throw new IllegalArgumentException("Unknown layout " + layout);
        };
    }

    private static long bytes(Path files, String layout) throws IOException {
        long total = 0;
        for (var file : layoutFiles(files, layout)) {
            total += Files.size(file);
        }
        return total;
    }

    /** A bare RIOT parse of the layout's bytes into a sink that counts, twice: the second is measured. */
    private static double parse(Path files, String layout, int datasets) throws IOException {
        var paths = layoutFiles(files, layout);
        var lang = layout.startsWith("ntriples") ? Lang.NTRIPLES : Lang.TURTLE;
        double seconds = 0;
        for (int round = 0; round < 2; round++) {
            long[] triples = {0};
            long start = System.nanoTime();
            for (var path : paths) {
                RDFParser.source(path)
                        .lang(lang)
                        .base("http://127.0.0.1/pages/")
                        .parse(new StreamRDFBase() {
                            @Override
                            public void triple(Triple triple) {
                                triples[0]++;
                            }
                        });
            }
            seconds = (System.nanoTime() - start) / 1e9;
        }
        return datasets / seconds;
    }

    private static String report(int datasets, String heap, String gc, List<LayoutRun> runs) {
        var out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Run of %s, %,d datasets (%,d triples on average), %d cores (%s), Java %s, application `-Xmx%s -XX:+Use%sGC`; "
                        + "load average at the end: %s.%n%n",
                LocalDate.now(),
                datasets,
                triplesPerDataset(runs),
                Runtime.getRuntime().availableProcessors(),
                cpuModel(),
                System.getProperty("java.runtime.version"),
                heap,
                gc,
                load()));
        out.append("| layout | size | first harvest | per CPU-second | unchanged re-harvest | per CPU-second "
                + "| heap peak (GC log) | bare RIOT parse | first harvest / parse |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (var run : runs) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %,.0f MiB | %,.0f datasets/s (%.0f s; run %.0f s) | %,.0f | %,.0f datasets/s (%.0f s) | %,.0f "
                            + "| %,d MiB of %,d MiB | %,.0f datasets/s | %.1f %% |%n",
                    run.layout(),
                    run.bytes() / 1024.0 / 1024.0,
                    run.first().rate(),
                    run.first().searchableSeconds(),
                    run.first().runSeconds(),
                    run.first().perCpuSecond(),
                    run.again().rate(),
                    run.again().searchableSeconds(),
                    run.again().perCpuSecond(),
                    run.peakHeapMib(),
                    run.heapMib(),
                    run.parseRate(),
                    100 * run.first().rate() / run.parseRate()));
        }
        return out.toString();
    }

    private static long triplesPerDataset(List<LayoutRun> runs) {
        return SourceFiles.TRIPLES_PER_DATASET.get();
    }

    private static void writeReport(Path file, String report) throws IOException {
        var text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n";
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            text = text.stripTrailing() + "\n\n## Harvest\n\n### Last run\n\n" + BEGIN + "\n" + END + "\n";
            begin = text.indexOf(BEGIN);
            end = text.indexOf(END);
        }
        Files.writeString(file, text.substring(0, begin + BEGIN.length()) + "\n" + report + text.substring(end));
        System.out.println("Written to " + file);
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
