package org.comptoir.connectors.fetch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A source that misbehaves below what WireMock can fake: it reads a request, writes the given head,
 * then hands the socket's output to a script (a body that never ends, one cut short...).
 */
final class RawHttpServer implements AutoCloseable {
    interface Script {
        void write(OutputStream out) throws IOException;
    }

    private final ServerSocket server;
    private final Thread thread;

    RawHttpServer(String head, Script body) {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    var in = socket.getInputStream();
                    var seen = new StringBuilder();
                    while (!seen.toString().endsWith("\r\n\r\n")) {
                        int c = in.read();
                        if (c < 0) {
                            break;
                        }
                        seen.append((char) c);
                    }
                    var out = socket.getOutputStream();
                    out.write(head.replace("\n", "\r\n").concat("\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    body.write(out);
                    out.flush();
                } catch (IOException e) {
                    // the client hung up, as it should on a page it refuses
                }
            }
        });
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    @Override
    public void close() throws Exception {
        server.close();
        thread.join(5_000);
    }
}
