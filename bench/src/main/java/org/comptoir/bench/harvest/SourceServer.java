package org.comptoir.bench.harvest;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/**
 * The source: a local HTTP server (the JDK's) that serves the files of {@link SourceFiles} as a
 * portal would, {@code /pages/N} in Turtle with Hydra links, {@code /dump.ttl} and {@code /dump.nt},
 * each with its length, streamed from disk.
 */
final class SourceServer implements AutoCloseable {
    private final HttpServer server;
    private final java.util.concurrent.ExecutorService threads = Executors.newFixedThreadPool(4);

    SourceServer(Path dir) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> {
            try (exchange) {
                var path = exchange.getRequestURI().getPath();
                Path file;
                String type;
                if (path.startsWith("/pages/")) {
                    file = dir.resolve("pages").resolve(path.substring("/pages/".length()) + ".ttl");
                    type = "text/turtle; charset=utf-8";
                } else if (path.equals("/dump.ttl")) {
                    file = dir.resolve("dump.ttl");
                    type = "text/turtle; charset=utf-8";
                } else if (path.equals("/dump.nt")) {
                    file = dir.resolve("dump.nt");
                    type = "application/n-triples";
                } else {
                    file = null;
                    type = null;
                }
                if (file == null
                        || !Files.isRegularFile(file)
                        || file.getFileName().toString().contains("..")) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", type);
                exchange.sendResponseHeaders(200, Files.size(file));
                try (var in = Files.newInputStream(file)) {
                    in.transferTo(exchange.getResponseBody());
                }
            }
        });
        server.setExecutor(threads);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
