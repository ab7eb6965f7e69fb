package org.comptoir.connectors.dcat;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.comptoir.connectors.harvest.HarvestRoutes;
import org.comptoir.connectors.source.SourceKinds;

/**
 * The {@code dcat-ap} route template, one route per source: fetch the catalogue page by page over
 * HTTP while there is a next page, hand each page to {@link DcatPageReader} and each record to the
 * run. Retries, timeouts and failures are the shared route configuration's business.
 */
public class DcatApRouteTemplate extends RouteBuilder {
    private final HarvestRoutes routes;
    private final DcatPageReader reader = new DcatPageReader();

    public DcatApRouteTemplate(HarvestRoutes routes) {
        this.routes = routes;
    }

    @Override
    public void configure() {
        routeTemplate(SourceKinds.DCAT_AP)
                .templateParameter(HarvestRoutes.SOURCE_ID, null, "the source's id")
                .templateParameter(HarvestRoutes.URL, null, "the catalogue's first page")
                .from(HarvestRoutes.ENTRY)
                .routeConfigurationId(HarvestRoutes.CONFIGURATION_ID)
                .process(routes::open)
                .setProperty(HarvestRoutes.NEXT_URL, constant("{{" + HarvestRoutes.URL + "}}"))
                .loopDoWhile(exchangeProperty(HarvestRoutes.NEXT_URL).isNotNull())
                .process(HarvestRoutes::prepareFetch)
                .to(routes.httpEndpoint())
                .process(this::readPage)
                .end()
                .process(HarvestRoutes::complete);
    }

    private void readPage(Exchange exchange) {
        var session = HarvestRoutes.session(exchange);
        var message = exchange.getMessage();
        var body = message.getBody(byte[].class);
        var page = reader.read(
                body == null ? new byte[0] : body,
                message.getHeader(Exchange.CONTENT_TYPE, String.class),
                session.currentUrl());
        session.sourceTotal(page.totalItems());
        page.records().forEach(session::accept);
        session.pageRead();
        HarvestRoutes.nextPage(exchange, page.next());
    }
}
