package org.comptoir.connectors.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fetcher against real sockets: WireMock for well-formed answers, a raw server for broken ones. */
class PageFetcherIntegrationTests {
    @RegisterExtension
    static final WireMockExtension source = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final long ONE_MIB = 1024 * 1024;
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    /** A DNS where the city's catalogue points to the cloud-metadata service, and rebind.example here. */
    private static final DnsResolver HOSTILE_DNS = new DnsResolver() {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return switch (host) {
                case "catalogue.ville.example" -> new InetAddress[] {InetAddress.getByName("169.254.169.254")};
                case "capteurs.ville.example" ->
                    new InetAddress[] {InetAddress.getByName("127.0.0.1"), InetAddress.getByName("fe80::1")};
                case "rebind.example" -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};
                default -> SystemDefaultDnsResolver.INSTANCE.resolve(host);
            };
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    };

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (var resource : closing) {
            resource.close();
        }
    }

    @Test
    void fetchesAPageWithTheRequestHeadersAndItsContentType() throws IOException {
        source.stubFor(get(urlEqualTo("/catalog.ttl"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/turtle; charset=utf-8")
                        .withBody("<a> <b> <c> .")));

        var page = fetcher(NetworkRules.defaults())
                .fetch(
                        source.baseUrl() + "/catalog.ttl",
                        Map.of("Accept", "text/turtle", "Authorization", "Bearer jeton"));

        assertThat(page.contentType()).isEqualTo("text/turtle; charset=utf-8");
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo("<a> <b> <c> .");
        source.verify(getRequestedFor(urlEqualTo("/catalog.ttl"))
                .withHeader("Accept", equalTo("text/turtle"))
                .withHeader("Authorization", equalTo("Bearer jeton"))
                .withHeader("User-Agent", equalTo(PageFetcher.USER_AGENT)));
    }

    @Test
    void refusesANameTheDnsPointsToTheCloudMetadataService() {
        var fetcher = fetcher(NetworkRules.defaults());

        assertThatThrownBy(() -> fetcher.fetch("http://catalogue.ville.example/catalog", Map.of()))
                .isInstanceOf(ForbiddenAddressException.class)
                .hasMessage("connexion refusée à catalogue.ville.example (169.254.169.254) : "
                        + "adresse d'un service de métadonnées du nuage (règle fixe)");
        assertThatThrownBy(() -> fetcher.fetch("http://capteurs.ville.example/", Map.of()))
                .hasMessageContaining("capteurs.ville.example (fe80:0:0:0:0:0:0:1)")
                .hasMessageContaining("lien-local");
    }

    @Test
    void checksTheAddressTheDnsAnswersNotTheName() {
        source.stubFor(get(urlEqualTo("/catalog")).willReturn(aResponse().withBody("ok")));
        var noLoopback =
                new NetworkRules(new NetworkProperties(false, true, List.of(), List.of(), Duration.ofMinutes(2), 5));

        assertThatThrownBy(() ->
                        fetcher(noLoopback).fetch("http://rebind.example:" + source.getPort() + "/catalog", Map.of()))
                .hasMessageContaining("rebind.example (127.0.0.1)")
                .hasMessageContaining("allow-loopback=false");
        source.verify(0, getRequestedFor(urlEqualTo("/catalog")));
    }

    @Test
    void carriesNoCredentialToAnotherServerByRedirect() throws IOException {
        source.stubFor(
                get(urlEqualTo("/moved")).willReturn(aResponse().withStatus(301).withHeader("Location", "/catalog")));
        source.stubFor(get(urlEqualTo("/catalog")).willReturn(aResponse().withBody("ok")));
        var elsewhere = "http://rebind.example:" + source.getPort() + "/copy";
        source.stubFor(get(urlEqualTo("/to-copy"))
                .willReturn(aResponse().withStatus(302).withHeader("Location", elsewhere)));
        source.stubFor(get(urlEqualTo("/copy")).willReturn(aResponse().withBody("copie")));
        var fetcher = fetcher(NetworkRules.defaults());
        var key = Map.of("X-API-Key", "clé-secrète", "Accept", "text/turtle");

        assertThat(fetcher.fetch(source.baseUrl() + "/moved", key).body())
                .asString()
                .isEqualTo("ok");
        source.verify(getRequestedFor(urlEqualTo("/catalog")).withHeader("X-API-Key", equalTo("clé-secrète")));
        assertThatThrownBy(() -> fetcher.fetch(source.baseUrl() + "/to-copy", key))
                .isInstanceOf(ForbiddenAddressException.class)
                .hasMessageContaining("redirection vers " + elsewhere + " non suivie")
                .hasMessageContaining("identifiants")
                .hasMessageNotContaining("clé-secrète");
        source.verify(0, getRequestedFor(urlEqualTo("/copy")));
        assertThatThrownBy(
                        () -> fetcher.fetch(source.baseUrl() + "/to-copy", Map.of("Authorization", "Bearer jeton-42")))
                .isInstanceOf(ForbiddenAddressException.class);
        source.verify(0, getRequestedFor(urlEqualTo("/copy")));
        assertThat(fetcher.fetch(source.baseUrl() + "/to-copy", Map.of("Accept", "text/turtle"))
                        .body())
                .asString()
                .isEqualTo("copie");
    }

    @Test
    void followsARedirectOnlyWhereTheRulesAllow() throws IOException {
        source.stubFor(
                get(urlEqualTo("/moved")).willReturn(aResponse().withStatus(301).withHeader("Location", "/catalog")));
        source.stubFor(get(urlEqualTo("/catalog")).willReturn(aResponse().withBody("ok")));
        source.stubFor(get(urlEqualTo("/to-metadata"))
                .willReturn(aResponse()
                        .withStatus(302)
                        .withHeader("Location", "http://169.254.169.254/latest/meta-data/")));
        source.stubFor(get(urlEqualTo("/to-google"))
                .willReturn(aResponse()
                        .withStatus(307)
                        .withHeader("Location", "http://metadata.google.internal/computeMetadata/v1/")));
        source.stubFor(get(urlEqualTo("/to-rebound"))
                .willReturn(aResponse().withStatus(302).withHeader("Location", "http://catalogue.ville.example/")));
        var fetcher = fetcher(NetworkRules.defaults());

        assertThat(fetcher.fetch(source.baseUrl() + "/moved", Map.of()).body())
                .asString()
                .isEqualTo("ok");
        assertThatThrownBy(() -> fetcher.fetch(source.baseUrl() + "/to-metadata", Map.of()))
                .isInstanceOf(ForbiddenAddressException.class)
                .hasMessageContaining("redirection vers http://169.254.169.254/latest/meta-data/ refusée")
                .hasMessageContaining("métadonnées du nuage");
        assertThatThrownBy(() -> fetcher.fetch(source.baseUrl() + "/to-google", Map.of()))
                .hasMessageContaining("metadata.google.internal");
        assertThatThrownBy(() -> fetcher.fetch(source.baseUrl() + "/to-rebound", Map.of()))
                .hasMessageContaining("catalogue.ville.example (169.254.169.254)");
    }

    @Test
    void tellsHowLongASourceAsksToWaitInSecondsOrAsADate() {
        source.stubFor(
                get(urlEqualTo("/busy")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
        source.stubFor(get(urlEqualTo("/down"))
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "Mon, 23 Nov 2026 11:00:00 GMT")));
        source.stubFor(get(urlEqualTo("/gone")).willReturn(aResponse().withStatus(404)));
        var fetcher = fetcher(NetworkRules.defaults());

        assertThatThrownBy(() -> fetcher.fetch(source.baseUrl() + "/busy", Map.of()))
                .isInstanceOfSatisfying(SourceAnswerException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120));
                    assertThat(e.isTransient()).isTrue();
                });
        assertThatThrownBy(() -> fetcher.fetch(source.baseUrl() + "/down", Map.of()))
                .isInstanceOfSatisfying(SourceAnswerException.class, e -> assertThat(e.retryAfter())
                        .isEqualTo(Duration.ofHours(1)));
        assertThatThrownBy(() -> fetcher.fetch(source.baseUrl() + "/gone", Map.of()))
                .isInstanceOfSatisfying(SourceAnswerException.class, e -> {
                    assertThat(e.retryAfter()).isNull();
                    assertThat(e.isTransient()).isFalse();
                });
    }

    @Test
    void refusesAPageThatAnnouncesMoreThanTheLimitWithoutReadingIt() {
        var server = raw("HTTP/1.1 200 OK\nContent-Type: text/turtle\nContent-Length: 5000000000\n", out -> {
            var chunk = new byte[64 * 1024];
            while (true) {
                out.write(chunk);
            }
        });

        assertThatThrownBy(() -> fetcher(NetworkRules.defaults()).fetch(server.url("/dump.ttl"), Map.of()))
                .isInstanceOf(PageRefusedException.class)
                .hasMessageContaining(
                        "dépasse la taille maximale d'une page (1 Mio, comptoir.harvest.limits.max-page-size)")
                .hasMessageContaining("annonce 5000000000 octets");
    }

    @Test
    void stopsReadingAnEndlessChunkedAnswerAtTheLimit() {
        var server = raw("HTTP/1.1 200 OK\nContent-Type: application/json\nTransfer-Encoding: chunked\n", out -> {
            var chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            while (true) {
                out.write(chunk);
            }
        });

        var started = System.nanoTime();
        assertThatThrownBy(() -> fetcher(NetworkRules.defaults()).fetch(server.url("/endless"), Map.of()))
                .isInstanceOf(PageRefusedException.class)
                .hasMessageContaining("lecture arrêtée après 1048576 octets");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void countsTheLimitAfterDecompressingSoACompressedBombStopsThere() throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(bytes)) {
            var zeros = new byte[ONE_MIB_INT];
            for (int i = 0; i < 50; i++) {
                gzip.write(zeros);
            }
        }
        var bomb = bytes.toByteArray();
        assertThat(bomb.length).isLessThan(ONE_MIB_INT / 4);
        var server = raw(
                "HTTP/1.1 200 OK\nContent-Type: application/rdf+xml\nContent-Encoding: gzip\nContent-Length: "
                        + bomb.length + "\n",
                out -> out.write(bomb));

        assertThatThrownBy(() -> fetcher(NetworkRules.defaults()).fetch(server.url("/bomb.rdf"), Map.of()))
                .isInstanceOf(PageRefusedException.class)
                .hasMessageContaining("lecture arrêtée après 1048576 octets");
    }

    @Test
    void refusesABodyShorterThanItsContentLength() {
        var server = raw("HTTP/1.1 200 OK\nContent-Type: text/turtle\nContent-Length: 1000\n", out -> {
            out.write("<a> <b> <c> .\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        });

        assertThatThrownBy(() -> fetcher(NetworkRules.defaults()).fetch(server.url("/cut.ttl"), Map.of()))
                .isInstanceOf(TruncatedBodyException.class)
                .hasMessage("réponse tronquée à GET " + server.url("/cut.ttl")
                        + " : la source a annoncé 1000 octets et n'en a envoyé que 14");
    }

    @Test
    void refusesAChunkedBodyCutBeforeItsLastChunk() {
        var server = raw("HTTP/1.1 200 OK\nContent-Type: text/turtle\nTransfer-Encoding: chunked\n", out -> {
            out.write("e\r\n<a> <b> <c> .\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        });

        assertThatThrownBy(() -> fetcher(NetworkRules.defaults()).fetch(server.url("/cut.ttl"), Map.of()))
                .isInstanceOf(TruncatedBodyException.class)
                .hasMessageContaining("la source a coupé la réponse après 14 octets");
    }

    @Test
    void givesUpOnASourceThatDoesNotAnswerWithinTheReadTimeout() {
        source.stubFor(
                get(urlEqualTo("/slow")).willReturn(aResponse().withBody("ok").withFixedDelay(1_500)));
        source.stubFor(get(urlEqualTo("/dribble"))
                .willReturn(aResponse().withBody("x".repeat(1000)).withChunkedDribbleDelay(4, 2_400)));
        var fetcher = fetcher(NetworkRules.defaults(), Duration.ofMillis(500));

        assertThatThrownBy(() -> fetcher.fetch(source.baseUrl() + "/slow", Map.of()))
                .isInstanceOf(SocketTimeoutException.class);
        assertThatThrownBy(() -> fetcher.fetch(source.baseUrl() + "/dribble", Map.of()))
                .isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void givesUpOnASourceThatDoesNotAcceptTheConnectionWithinTheConnectTimeout() throws IOException {
        var server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        closing.add(server);
        for (int i = 0; i < 8; i++) {
            var filler = new Socket();
            closing.add(filler);
            try {
                filler.connect(server.getLocalSocketAddress(), 200);
            } catch (SocketTimeoutException e) {
                break;
            }
        }

        var started = System.nanoTime();
        assertThatThrownBy(() -> fetcher(NetworkRules.defaults(), Duration.ofMillis(500))
                        .fetch("http://127.0.0.1:" + server.getLocalPort() + "/catalog", Map.of()))
                .isInstanceOf(InterruptedIOException.class)
                .satisfies(e -> assertThat(e.getClass().getSimpleName()).isEqualTo("ConnectTimeoutException"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    private static final int ONE_MIB_INT = (int) ONE_MIB;

    private PageFetcher fetcher(NetworkRules rules) {
        return fetcher(rules, Duration.ofSeconds(5));
    }

    private PageFetcher fetcher(NetworkRules rules, Duration timeouts) {
        var fetcher =
                new PageFetcher(rules, timeouts, timeouts, 5, ONE_MIB, Clock.fixed(NOW, ZoneOffset.UTC), HOSTILE_DNS);
        closing.add(fetcher);
        return fetcher;
    }

    private RawHttpServer raw(String head, RawHttpServer.Script body) {
        var server = new RawHttpServer(head, body);
        closing.add(server);
        return server;
    }
}
