package org.comptoir.bench.search;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The searches people make, sent to {@code GET /api/v1/datasets} by concurrent clients, each waiting
 * for its answer before sending the next (closed loop): 1-3 words of one subject of the catalogue
 * (its title and keywords), now and then a place, a word without its accents or with a typo, 0-3 filters over themes, publishers, formats, licences and (for the authority's own people)
 * statuses, every facet in every answer, 20 hits a page. Seven searches in ten are anonymous, three
 * come from an internal user authenticated with a personal API token (or HTTP Basic with {@code --auth
 * basic}), as a script of the authority would.
 */
final class QueryLoad {
    /** A search as sent: its path and query string, and whether an internal user sends it. */
    record Search(String pathAndQuery, boolean internal) {}

    /**
     * What a run measured.
     *
     * @param latency microseconds from sending the request to the last byte of the answer
     * @param errors answers other than 200
     * @param empty answers with no hit
     * @param repeated the share of searches (warm-up included) that a client of the run had sent
     *     before, as the same kind of user: what an engine's caches may answer without searching again
     */
    record Measured(
            int clients,
            Histogram latency,
            Histogram anonymous,
            Histogram internal,
            long errors,
            long empty,
            double repeated,
            double seconds) {
        double throughput() {
            return latency.getTotalCount() / seconds;
        }
    }

    /** Words people type without their accents, and with a typo. */
    private static final List<String> VARIANTS = List.of(
            "batiment",
            "eclairage",
            "eclairrage",
            "electriques",
            "dechets",
            "velo",
            "ecoles",
            "batimants",
            "consomation",
            "temperature",
            "l'éclairage",
            "capteur",
            "arbre",
            "voiries");

    private final SplittableRandom random;
    private final SyntheticCatalogue catalogue;

    QueryLoad(SyntheticCatalogue catalogue, long seed) {
        this.catalogue = catalogue;
        this.random = new SplittableRandom(seed);
    }

    /** The next search of the mix. */
    Search next() {
        var query = new StringBuilder("/api/v1/datasets?q=");
        int words = 1 + random.nextInt(3);
        var text = new ArrayList<String>();
        var subject = SyntheticCatalogue.pick(random, SyntheticCatalogue.SUBJECTS);
        var vocabulary = new ArrayList<String>(List.of(subject.title().split(" ")));
        vocabulary.removeIf(word -> word.length() < 4);
        vocabulary.addAll(subject.keywords());
        for (int i = 0; i < words; i++) {
            int r = random.nextInt(20);
            text.add(
                    r == 0
                            ? SyntheticCatalogue.pick(random, VARIANTS)
                            : r < 3
                                    ? SyntheticCatalogue.pick(random, SyntheticCatalogue.PLACES)
                                    : SyntheticCatalogue.pick(random, vocabulary));
        }
        query.append(encode(String.join(" ", text)));
        boolean internal = random.nextInt(10) < 3;
        int r = random.nextInt(10);
        int filters = r < 4 ? 0 : r < 7 ? 1 : r < 9 ? 2 : 3;
        for (int i = 0; i < filters; i++) {
            switch (random.nextInt(internal ? 5 : 4)) {
                case 0 -> query.append("&theme=").append(encode(SyntheticCatalogue.pick(random, catalogue.themes())));
                case 1 ->
                    query.append("&publisher=")
                            .append(encode(
                                    SyntheticCatalogue.publisherIri(random.nextInt(SyntheticCatalogue.PUBLISHERS))));
                case 2 ->
                    query.append("&format=").append(encode(SyntheticCatalogue.pick(random, catalogue.fileTypes())));
                case 3 ->
                    query.append("&license=").append(encode(SyntheticCatalogue.pick(random, catalogue.licences())));
                default -> query.append("&status=").append(random.nextBoolean() ? "PUBLISHED" : "DRAFT");
            }
        }
        return new Search(query.toString(), internal);
    }

    /**
     * Sends {@code perClient} searches from each of {@code clients} clients at once, after each client
     * sent {@code warmUp} searches that are not measured.
     */
    Measured run(String base, int clients, int warmUp, int perClient) throws Exception {
        var plans = new ArrayList<List<Search>>();
        for (int c = 0; c < clients; c++) {
            var plan = new ArrayList<Search>();
            for (int i = 0; i < warmUp + perClient; i++) {
                plan.add(next());
            }
            plans.add(plan);
        }
        var http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        var errors = new AtomicLong();
        var empty = new AtomicLong();
        var all = histogram();
        var anonymous = histogram();
        var internal = histogram();
        var started = new java.util.concurrent.CyclicBarrier(clients + 1);
        var finished = new java.util.concurrent.CountDownLatch(clients);
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            var futures = new ArrayList<Future<?>>();
            for (var plan : plans) {
                futures.add(pool.submit(() -> {
                    var mine = histogram();
                    var mineAnonymous = histogram();
                    var mineInternal = histogram();
                    for (int i = 0; i < warmUp; i++) {
                        send(http, base, plan.get(i), null, null);
                    }
                    started.await();
                    for (int i = warmUp; i < plan.size(); i++) {
                        var search = plan.get(i);
                        long begin = System.nanoTime();
                        var response = send(http, base, search, errors, empty);
                        long micros = (System.nanoTime() - begin) / 1_000;
                        if (response) {
                            mine.recordValue(micros);
                            (search.internal() ? mineInternal : mineAnonymous).recordValue(micros);
                        }
                    }
                    finished.countDown();
                    synchronized (all) {
                        all.add(mine);
                        anonymous.add(mineAnonymous);
                        internal.add(mineInternal);
                    }
                    return null;
                }));
            }
            started.await();
            long begin = System.nanoTime();
            finished.await();
            double seconds = (System.nanoTime() - begin) / 1e9;
            for (var future : futures) {
                future.get();
            }
            return new Measured(clients, all, anonymous, internal, errors.get(), empty.get(), repeated(plans), seconds);
        }
    }

    private static double repeated(List<List<Search>> plans) {
        var seen = new java.util.HashSet<Search>();
        var all = plans.stream().flatMap(List::stream).toList();
        return all.stream().filter(search -> !seen.add(search)).count() / (double) all.size();
    }

    /** Sends one search; false when it failed. */
    private static boolean send(HttpClient http, String base, Search search, AtomicLong errors, AtomicLong empty)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + search.pathAndQuery()))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (search.internal()) {
            request.header("Authorization", Application.scriptAuthorization());
        }
        // the bytes as they come: decoding the whole answer from UTF-8 would take from the cores the
        // application shares; Latin-1 only copies them, and the marker is ASCII
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            if (errors != null) {
                errors.incrementAndGet();
            }
            return false;
        }
        if (empty != null && new String(response.body(), StandardCharsets.ISO_8859_1).contains("\"total\":0")) {
            empty.incrementAndGet();
        }
        return true;
    }

    private static Histogram histogram() {
        return new Histogram(60_000_000L, 3);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
