package org.comptoir.connectors.harvest;

import org.apache.camel.Exchange;

/**
 * What every route template shares ({@link SourceKindTemplates}): its parameters, its entry
 * endpoint, the route configuration it uses, and the steps that open, page and close a run.
 */
public final class HarvestRoutes {
    /** The shared route configuration: retries, timeouts, error recording. */
    public static final String CONFIGURATION_ID = "comptoir-harvest";
    /** Template parameter: the source's id. */
    public static final String SOURCE_ID = "sourceId";
    /** Template parameter: where the harvest starts. */
    public static final String URL = "url";
    /** Where a templated route takes the run id to drive. */
    public static final String ENTRY = "direct:harvest-{{" + SOURCE_ID + "}}";
    /** Exchange property: the {@link RunSession}. */
    public static final String SESSION = "comptoirRunSession";
    /** Exchange property: the next page to read, absent after the last one. */
    public static final String NEXT_URL = "comptoirNextUrl";

    private final RunSessions sessions;

    public HarvestRoutes(RunSessions sessions) {
        this.sessions = sessions;
    }

    public static String routeId(String sourceId) {
        return "harvest-" + sourceId;
    }

    static String entryOf(String sourceId) {
        return "direct:harvest-" + sourceId;
    }

    /** First step of a run: the body is the run id; a run that is no longer queued is left alone. */
    public void open(Exchange exchange) {
        var runId = exchange.getMessage().getBody(String.class);
        var session = sessions.open(runId);
        if (session.isEmpty()) {
            exchange.setRouteStop(true);
            return;
        }
        exchange.setProperty(SESSION, session.get());
    }

    /**
     * Before each fetch, at a page boundary: the session saves its checkpoint and says which page to
     * fetch (a resumed run goes back to its checkpoint's page) or that the run ends here (cancelled,
     * past a limit, handed over), which stops the route; then the page is announced and asked for in
     * the kind's syntax, with the source's credentials, no sooner than its politeness allows. The
     * message's headers (but Camel's own) are the request's ({@code Exchange.HTTP_URI} names the page).
     */
    public static void prepareFetch(Exchange exchange, String accept) {
        var session = session(exchange);
        var url = session.nextFetch(exchange.getProperty(NEXT_URL, String.class));
        if (url == null) {
            exchange.removeProperty(NEXT_URL);
            exchange.setRouteStop(true);
            return;
        }
        exchange.setProperty(NEXT_URL, url);
        session.startPage(url);
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setBody(null);
        message.setHeader(Exchange.HTTP_METHOD, "GET");
        message.setHeader(Exchange.HTTP_URI, url);
        message.setHeader("Accept", accept);
        session.credentialHeaders().forEach(message::setHeader);
        session.awaitTurn();
    }

    /** After each page: where to go next, or nowhere. */
    public static void nextPage(Exchange exchange, String next) {
        if (next == null) {
            exchange.removeProperty(NEXT_URL);
        } else {
            exchange.setProperty(NEXT_URL, next);
        }
    }

    /** Last step of a complete run. */
    public static void complete(Exchange exchange) {
        session(exchange).complete();
    }

    public static RunSession session(Exchange exchange) {
        var session = exchange.getProperty(SESSION, RunSession.class);
        if (session == null) {
            throw new IllegalStateException("no harvest run session on exchange " + exchange.getExchangeId());
        }
        return session;
    }
}
