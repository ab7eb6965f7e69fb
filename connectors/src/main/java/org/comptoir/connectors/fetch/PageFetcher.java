package org.comptoir.connectors.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultRedirectStrategy;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches one page of a source over HTTP (Apache HttpClient 5), within the network rules and the
 * page size limit. Every address the DNS answers is checked, for the first request and after each
 * redirect; a redirect to a refused address is not followed. The body is read as a stream and
 * reading stops at the limit, counted after decompression, so neither an endless nor a compressed
 * answer can fill the memory; an answer shorter than announced is refused as truncated. A header
 * this class does not know as harmless ({@code Accept}, {@code User-Agent}...) is taken for a
 * credential: it is never carried to another server by a redirect, which is then refused with a
 * reason. Nothing is retried here: retries are the route configuration's.
 */
public final class PageFetcher implements AutoCloseable {
    /** The {@code User-Agent} of every fetch, unless the request names another. */
    public static final String USER_AGENT = "Comptoir-harvester";

    private static final Set<String> NOT_SENT =
            Set.of("host", "content-length", "transfer-encoding", "connection", "upgrade", "te", "trailer");
    /** Headers that tell nothing secret; a redirect may carry them to another server. */
    private static final Set<String> HARMLESS = Set.of(
            "accept",
            "accept-language",
            "accept-encoding",
            "user-agent",
            "cache-control",
            "if-none-match",
            "if-modified-since",
            "content-type");

    private final NetworkRules rules;
    private final long maxBytes;
    private final Clock clock;
    private final RequestConfig requests;
    private final CloseableHttpClient client;

    /**
     * @param maxBytes the most bytes a page may hold, once decompressed
     */
    public PageFetcher(
            NetworkRules rules,
            Duration connectTimeout,
            Duration readTimeout,
            int maxRedirects,
            long maxBytes,
            Clock clock) {
        this(rules, connectTimeout, readTimeout, maxRedirects, maxBytes, clock, SystemDefaultDnsResolver.INSTANCE);
    }

    PageFetcher(
            NetworkRules rules,
            Duration connectTimeout,
            Duration readTimeout,
            int maxRedirects,
            long maxBytes,
            Clock clock,
            DnsResolver dns) {
        this.rules = rules;
        this.maxBytes = maxBytes;
        this.clock = clock;
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedDnsResolver(rules, dns))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(readTimeout))
                        .build())
                .setDefaultSocketConfig(SocketConfig.custom()
                        .setSoTimeout(Timeout.of(readTimeout))
                        .build())
                .build();
        this.requests = RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                .setResponseTimeout(Timeout.of(readTimeout))
                .setRedirectsEnabled(maxRedirects > 0)
                .setMaxRedirects(maxRedirects)
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(requests)
                .setRedirectStrategy(new CheckedRedirects())
                .setUserAgent(USER_AGENT)
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
    }

    /**
     * Fetches {@code url} with {@code headers}.
     *
     * @throws ForbiddenAddressException when the address, or a redirect, goes where the rules refuse
     * @throws SourceAnswerException when the source answers a status other than 2xx
     * @throws PageRefusedException when the page is larger than the limit
     * @throws TruncatedBodyException when the answer stops before its end
     * @throws IOException on any other network error, timeouts included
     */
    public FetchedPage fetch(String url, Map<String, String> headers) throws IOException {
        return execute(new HttpGet(uri(url)), url, headers);
    }

    /**
     * Posts {@code form} ({@code application/x-www-form-urlencoded}) to {@code url}, an OAuth2 token
     * endpoint, within the same rules and limits as a page; a redirect is not followed.
     *
     * @throws ForbiddenAddressException when the address goes where the rules refuse
     * @throws SourceAnswerException when the server answers a status other than 2xx
     * @throws IOException on any other network error, timeouts included
     */
    public FetchedPage postForm(String url, String form, Map<String, String> headers) throws IOException {
        var request = new HttpPost(uri(url));
        request.setEntity(new StringEntity(form, ContentType.APPLICATION_FORM_URLENCODED));
        request.setConfig(
                RequestConfig.copy(requests).setRedirectsEnabled(false).build());
        return execute(request, url, headers);
    }

    private URI uri(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new PageRefusedException("l'adresse " + url + " n'est pas une URL valide", e);
        }
        rules.check(uri);
        return uri;
    }

    private FetchedPage execute(HttpUriRequestBase request, String url, Map<String, String> headers)
            throws IOException {
        setHeaders(request, headers);
        return client.execute(request, response -> {
            try {
                refuseCredentialRedirect(request, url, response);
                return read(url, response);
            } catch (IOException | RuntimeException e) {
                // Dropping the connection, rather than reading the rest of an answer we refuse
                request.cancel();
                throw e;
            }
        });
    }

    /** Sets the request's headers, every one not known as harmless marked sensitive (a credential). */
    private static void setHeaders(HttpUriRequestBase request, Map<String, String> headers) {
        headers.forEach((name, value) -> {
            var lower = name.toLowerCase(Locale.ROOT);
            if (value != null && !NOT_SENT.contains(lower)) {
                request.setHeader(new BasicHeader(name, value, !HARMLESS.contains(lower)));
            }
        });
    }

    /**
     * The client stops at a redirect to another server when the request carries a credential: says
     * so, rather than a bare 3xx.
     */
    private void refuseCredentialRedirect(HttpUriRequestBase request, String url, ClassicHttpResponse response) {
        int status = response.getCode();
        var location = response.getFirstHeader(HttpHeaders.LOCATION);
        var config = request.getConfig() == null ? requests : request.getConfig();
        if (status < 300
                || status >= 400
                || location == null
                || !config.isRedirectsEnabled()
                || Arrays.stream(request.getHeaders()).noneMatch(Header::isSensitive)) {
            return;
        }
        var from = URI.create(url);
        URI target;
        try {
            target = from.resolve(location.getValue());
        } catch (IllegalArgumentException e) {
            return;
        }
        if (!authority(from).equals(authority(target))) {
            throw new ForbiddenAddressException("redirection vers " + target + " non suivie : les identifiants de la "
                    + "source ne sont envoyés qu'à son serveur (" + authority(from) + ")");
        }
    }

    /** Scheme, host and port, the default port made explicit, as the client compares them. */
    private static String authority(URI uri) {
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        var host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + ":" + port;
    }

    /** What reads an answer's body as a stream, within {@link #fetchStream}. */
    @FunctionalInterface
    public interface BodyReader<T> {
        /**
         * @param contentType the answer's {@code Content-Type}, or null
         * @param body the body, decompressed; reading it past the limit throws {@link
         *     PageRefusedException}, and a body that stops short throws {@link TruncatedBodyException}
         */
        T read(String contentType, InputStream body) throws IOException;
    }

    /**
     * Fetches {@code url} as {@link #fetch} does, but hands the body to {@code reader} as a stream
     * instead of holding it: the limit ({@code maxBytes}, which may be larger than the page limit)
     * is counted as the reader reads, after decompression, and an answer shorter than announced, or
     * cut by the network, fails the read at its end.
     */
    public <T> T fetchStream(String url, Map<String, String> headers, long maxBytes, BodyReader<T> reader)
            throws IOException {
        var request = new HttpGet(uri(url));
        setHeaders(request, headers);
        return client.execute(request, response -> {
            try {
                refuseCredentialRedirect(request, url, response);
                failUnlessSuccess(url, response);
                var entity = response.getEntity();
                if (entity == null) {
                    return reader.read(null, InputStream.nullInputStream());
                }
                long announced = entity.getContentLength();
                if (announced > maxBytes) {
                    throw tooLarge(url, maxBytes, "la source annonce " + announced + " octets");
                }
                try (var body = new CappedBody(url, entity.getContent(), announced, maxBytes)) {
                    return reader.read(entity.getContentType(), body);
                }
            } catch (IOException | RuntimeException e) {
                request.cancel();
                throw e;
            }
        });
    }

    private void failUnlessSuccess(String url, ClassicHttpResponse response) throws SourceAnswerException {
        int status = response.getCode();
        if (status < 200 || status >= 300) {
            var location = response.getFirstHeader(HttpHeaders.LOCATION);
            throw new SourceAnswerException(
                    url,
                    status,
                    response.getReasonPhrase(),
                    location == null ? null : location.getValue(),
                    retryAfter(response));
        }
    }

    /** A body read within a limit, refused past it, and checked for truncation at its end. */
    private final class CappedBody extends java.io.FilterInputStream {
        private final String url;
        private final long announced;
        private final long max;
        private long received;

        CappedBody(String url, InputStream in, long announced, long max) {
            super(in);
            this.url = url;
            this.announced = announced;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            var one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = in.read(buffer, offset, length);
            } catch (java.net.SocketTimeoutException e) {
                throw e;
            } catch (IOException e) {
                throw new TruncatedBodyException(url, announced, received, e);
            }
            if (n < 0) {
                if (announced >= 0 && received != announced) {
                    throw new TruncatedBodyException(url, announced, received, null);
                }
                return n;
            }
            received += n;
            if (received > max) {
                throw tooLarge(url, max, "lecture arrêtée après " + max + " octets");
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
        }
    }

    private FetchedPage read(String url, ClassicHttpResponse response) throws IOException {
        failUnlessSuccess(url, response);
        var entity = response.getEntity();
        if (entity == null) {
            return new FetchedPage(url, null, new byte[0]);
        }
        long announced = entity.getContentLength();
        if (announced > maxBytes) {
            throw tooLarge(url, "la source annonce " + announced + " octets");
        }
        var in = entity.getContent();
        var body = readCapped(url, in, announced);
        in.close();
        return new FetchedPage(url, entity.getContentType(), body);
    }

    private byte[] readCapped(String url, InputStream in, long announced) throws IOException {
        var out = new ByteArrayOutputStream(announced > 0 ? (int) announced : 8192);
        var buffer = new byte[8192];
        long received = 0;
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (java.net.SocketTimeoutException e) {
                throw e;
            } catch (IOException e) {
                throw new TruncatedBodyException(url, announced, received, e);
            }
            if (n < 0) {
                break;
            }
            received += n;
            if (received > maxBytes) {
                throw tooLarge(url, "lecture arrêtée après " + maxBytes + " octets");
            }
            out.write(buffer, 0, n);
        }
        if (announced >= 0 && received != announced) {
            throw new TruncatedBodyException(url, announced, received, null);
        }
        return out.toByteArray();
    }

    private PageRefusedException tooLarge(String url, String detail) {
        return new PageRefusedException("la page " + url + " dépasse la taille maximale d'une page ("
                + megabytes(maxBytes) + ", comptoir.harvest.limits.max-page-size) : " + detail);
    }

    private PageRefusedException tooLarge(String url, long max, String detail) {
        if (max == maxBytes) {
            return tooLarge(url, detail);
        }
        return new PageRefusedException("la page " + url + " dépasse la taille maximale d'un export lu en flux ("
                + megabytes(max) + ", comptoir.harvest.limits.max-dump-size) : " + detail);
    }

    /** {@code Retry-After} as seconds or as an HTTP date, or null when absent or unreadable. */
    Duration retryAfter(HttpResponse response) {
        var header = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
        if (header == null || header.getValue() == null) {
            return null;
        }
        var value = header.getValue().strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException e) {
            var date = DateUtils.parseStandardDate(value);
            if (date == null) {
                return null;
            }
            var wait = Duration.between(clock.instant(), date);
            return wait.isNegative() ? Duration.ZERO : wait;
        }
    }

    static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " Mio" : bytes + " octets";
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    /** Redirects followed only to addresses the rules allow, named in the refusal. */
    private final class CheckedRedirects extends DefaultRedirectStrategy {
        @Override
        public URI getLocationURI(HttpRequest request, HttpResponse response, HttpContext context)
                throws HttpException {
            var location = super.getLocationURI(request, response, context);
            try {
                rules.check(location);
            } catch (ForbiddenAddressException e) {
                throw new ForbiddenAddressException("redirection vers " + location + " refusée : " + e.getMessage());
            }
            return location;
        }
    }
}
