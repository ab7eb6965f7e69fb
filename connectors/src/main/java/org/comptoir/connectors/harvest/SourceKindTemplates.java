package org.comptoir.connectors.harvest;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.comptoir.connectors.ConnectorException;
import org.comptoir.connectors.fetch.FetchedPage;
import org.comptoir.connectors.fetch.LimitsProperties;
import org.comptoir.connectors.fetch.PageFetcher;
import org.comptoir.connectors.fetch.PageGuard;
import org.comptoir.connectors.fetch.PageRefusedException;
import org.comptoir.connectors.fetch.RecordLimits;
import org.comptoir.connectors.fetch.RetryDelays;
import org.comptoir.connectors.fetch.SourceAnswerException;

/**
 * One Camel route template per {@link SourceKind}, named after it; a source is a route of its
 * kind's template. A route fetches the source page by page while there is a next page ({@link
 * PageFetcher}), checks each page before its kind reads it ({@link PageGuard}), checks each record
 * against the per-record limits ({@link RecordLimits}) and hands it to the run. A page that cannot be
 * read is split or stepped over when its kind allows ({@link PagingPlan}). Retries, timeouts and
 * failures are the shared route configuration's business; this step sets how long to wait before
 * the next attempt ({@link RetryDelays}).
 */
public class SourceKindTemplates extends RouteBuilder {
    static final String PLAN = "comptoirPagingPlan";
    private static final String REFUSAL = "comptoirPageRefusal";

    private final HarvestRoutes routes;
    private final List<SourceKind> kinds;
    private final PageFetcher fetcher;
    private final PageGuard guard;
    private final RecordLimits limits;
    private final RetryDelays delays;
    private final long maxPageSize;
    private final long maxDumpSize;

    public SourceKindTemplates(
            HarvestRoutes routes,
            List<SourceKind> kinds,
            PageFetcher fetcher,
            PageGuard guard,
            RecordLimits limits,
            RetryDelays delays,
            LimitsProperties sizes) {
        this.routes = routes;
        this.kinds = List.copyOf(kinds);
        this.fetcher = fetcher;
        this.guard = guard;
        this.limits = limits;
        this.delays = delays;
        this.maxPageSize = sizes.maxPageSize().toBytes();
        this.maxDumpSize = sizes.maxDumpSize().toBytes();
    }

    @Override
    public void configure() {
        kinds.forEach(this::template);
    }

    private void template(SourceKind kind) {
        routeTemplate(kind.name())
                .templateParameter(HarvestRoutes.SOURCE_ID, null, "the source's id")
                .templateParameter(HarvestRoutes.URL, null, "the source's address")
                .from(HarvestRoutes.ENTRY)
                .routeConfigurationId(HarvestRoutes.CONFIGURATION_ID)
                .process(routes::open)
                .process(exchange -> exchange.setProperty(PLAN, new PagingPlan(kind)))
                .setProperty(HarvestRoutes.NEXT_URL, constant("{{" + HarvestRoutes.URL + "}}"))
                .process(exchange -> HarvestRoutes.nextPage(
                        exchange,
                        kind.firstPage(
                                exchange.getProperty(HarvestRoutes.NEXT_URL, String.class),
                                HarvestRoutes.session(exchange).pageSize())))
                .loopDoWhile(exchangeProperty(HarvestRoutes.NEXT_URL).isNotNull())
                .process(exchange -> HarvestRoutes.prepareFetch(exchange, kind.accept()))
                .process(exchange -> fetch(kind, exchange))
                .process(exchange -> readPage(kind, exchange))
                .end()
                .process(HarvestRoutes::complete);
    }

    /**
     * Fetches the page the message names, with the message's headers (Camel's own left out). A page
     * refused for its size is kept aside for {@link #readPage}, to be split or stepped over; on an
     * error worth another attempt, sets how long the route configuration waits before it.
     */
    private void fetch(SourceKind kind, Exchange exchange) throws IOException {
        var message = exchange.getMessage();
        var url = message.getHeader(Exchange.HTTP_URI, String.class);
        int failedBefore = message.getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        message.removeHeader(Exchange.REDELIVERY_DELAY);
        var headers = new LinkedHashMap<String, String>();
        message.getHeaders().forEach((name, value) -> {
            if (value != null && !name.toLowerCase(Locale.ROOT).startsWith("camel")) {
                headers.put(name, value.toString());
            }
        });
        exchange.removeProperty(REFUSAL);
        try {
            // the body never becomes a Camel message body: nothing for stream caching to buffer
            message.setBody(fetcher.fetchStream(url, headers, maxDumpSize, (contentType, body) -> {
                if (kind.streams(contentType, url)) {
                    return streamPage(kind, exchange, url, contentType, body);
                }
                var bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxPageSize + 1));
                if (bytes.length > maxPageSize) {
                    throw new PageRefusedException("la page " + url + " dépasse la taille maximale d'une page ("
                            + maxPageSize + " octets, comptoir.harvest.limits.max-page-size)");
                }
                body.transferTo(java.io.OutputStream.nullOutputStream()); // to its end: a cut answer fails
                return new FetchedPage(url, contentType, bytes);
            }));
        } catch (PageRefusedException e) {
            exchange.setProperty(REFUSAL, e);
        } catch (SourceAnswerException e) {
            if (e.isTransient()) {
                waitBeforeNextAttempt(exchange, failedBefore, e.retryAfter());
            }
            throw e;
        } catch (IOException e) {
            waitBeforeNextAttempt(exchange, failedBefore, null);
            throw e;
        }
    }

    private void waitBeforeNextAttempt(Exchange exchange, int failedBefore, java.time.Duration retryAfter) {
        exchange.getMessage()
                .setHeader(
                        Exchange.REDELIVERY_DELAY,
                        delays.before(failedBefore + 1, retryAfter).toMillis());
    }

    /**
     * Reads a page its kind streams, within the fetch: the guards check the stream as it is read,
     * the kind hands the records over once the whole body has been read, and each goes to the run
     * as on a page held whole. The page's paging comes back as an empty {@link SourcePage}.
     */
    private SourcePage streamPage(
            SourceKind kind, Exchange exchange, String url, String contentType, java.io.InputStream body)
            throws IOException {
        var session = HarvestRoutes.session(exchange);
        var checked = guard.checkStream(url, contentType, kind.expects(), body);
        try {
            return kind.stream(checked, contentType, url, record -> take(session, record));
        } catch (HarvestAbortedException e) {
            // not RDF that can be read: stepped over or split as a page held whole would be
            exchange.setProperty(REFUSAL, e);
            return null;
        }
    }

    private void take(RunSession session, org.comptoir.catalog.ingest.HarvestedRecord record) {
        if (record.isReceived()) {
            session.accept(limits.checkedWhenMapped(record)); // mapped, and checked, only if not unchanged
            return;
        }
        var problem = limits.problem(record);
        if (problem == null) {
            session.accept(record);
        } else {
            session.refuse(record.sourceKey(), problem);
        }
    }

    private void readPage(SourceKind kind, Exchange exchange) {
        var session = HarvestRoutes.session(exchange);
        var plan = exchange.getProperty(PLAN, PagingPlan.class);
        var url = session.currentUrl();
        SourcePage page;
        try {
            var refusal = exchange.getProperty(REFUSAL, RuntimeException.class);
            if (refusal != null) {
                throw refusal;
            }
            var body = exchange.getMessage().getBody();
            if (body instanceof SourcePage streamed) {
                page = streamed;
            } else {
                var fetched = (FetchedPage) body;
                guard.check(fetched, kind.expects());
                page = kind.read(fetched.body(), fetched.contentType(), url);
            }
        } catch (RuntimeException e) {
            var reason = e instanceof ConnectorException
                    ? e.getMessage()
                    : "la page " + url + " n'a pas pu être lue (" + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " : " + e.getMessage()) + ")";
            var recovery = plan.afterFailure(url, reason, e);
            if (recovery.skipped()) {
                session.pageSkipped(url, reason);
            }
            HarvestRoutes.nextPage(exchange, recovery.next());
            return;
        } finally {
            exchange.getMessage().setBody(null);
        }
        session.sourceTotal(page.totalItems());
        for (var record : page.records()) {
            take(session, record);
        }
        var next = plan.afterRead(page.next());
        if (next == null) {
            session.lastPageRead();
        } else {
            session.pageRead();
        }
        HarvestRoutes.nextPage(exchange, next);
    }
}
