package org.comptoir.connectors.harvest;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * One Camel route template per {@link SourceKind}, named after it; a source is a route of its
 * kind's template. A route fetches the source page by page over HTTP while there is a next page,
 * maps each page with the kind and hands each record to the run. Retries, timeouts and failures are
 * the shared route configuration's business.
 */
public class SourceKindTemplates extends RouteBuilder {
    private final HarvestRoutes routes;
    private final List<SourceKind> kinds;

    public SourceKindTemplates(HarvestRoutes routes, List<SourceKind> kinds) {
        this.routes = routes;
        this.kinds = List.copyOf(kinds);
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
                .setProperty(HarvestRoutes.NEXT_URL, constant("{{" + HarvestRoutes.URL + "}}"))
                .process(exchange -> HarvestRoutes.nextPage(
                        exchange,
                        kind.firstPage(
                                exchange.getProperty(HarvestRoutes.NEXT_URL, String.class),
                                HarvestRoutes.session(exchange).pageSize())))
                .loopDoWhile(exchangeProperty(HarvestRoutes.NEXT_URL).isNotNull())
                .process(exchange -> HarvestRoutes.prepareFetch(exchange, kind.accept()))
                .to(routes.httpEndpoint())
                .process(exchange -> readPage(kind, exchange))
                .end()
                .process(HarvestRoutes::complete);
    }

    private static void readPage(SourceKind kind, Exchange exchange) {
        var session = HarvestRoutes.session(exchange);
        var message = exchange.getMessage();
        var body = message.getBody(byte[].class);
        var page = kind.read(
                body == null ? new byte[0] : body,
                message.getHeader(Exchange.CONTENT_TYPE, String.class),
                session.currentUrl());
        session.sourceTotal(page.totalItems());
        page.records().forEach(session::accept);
        session.pageRead();
        HarvestRoutes.nextPage(exchange, page.next());
    }
}
