package org.comptoir.connectors.fetch;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.LRUDocumentCache;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.riot.system.jsonld.TitaniumJsonLdOptions;
import org.apache.jena.sparql.util.Context;

/**
 * Where Jena's JSON-LD parser (Titanium) may load the remote {@code @context} a page names. Left to
 * itself it reads {@code file:} URLs and fetches any address, outside the network rules; here a
 * context is fetched over http(s) only, through the {@link PageFetcher} (network rules, size limit,
 * timeouts), and kept in a small cache, or not at all.
 */
public final class JsonLdContexts {
    private static final int CACHED = 64;

    private final DocumentLoader loader;

    private JsonLdContexts(DocumentLoader loader) {
        this.loader = loader;
    }

    /** Contexts fetched through {@code fetcher}, the last {@value #CACHED} kept. */
    public static JsonLdContexts through(PageFetcher fetcher) {
        DocumentLoader fetching = (url, options) -> {
            var scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw refused(url + " : seuls les contextes http(s) sont chargés");
            }
            try {
                var page = fetcher.fetch(url.toString(), Map.of("Accept", "application/ld+json, application/json"));
                return JsonDocument.of(MediaType.JSON_LD, new ByteArrayInputStream(page.body()));
            } catch (IOException | RuntimeException e) {
                throw refused(url + " : " + e.getMessage());
            }
        };
        return new JsonLdContexts(new LRUDocumentCache(fetching, CACHED));
    }

    /** No remote context at all: a page naming one is not read. */
    public static JsonLdContexts none() {
        return new JsonLdContexts((url, options) -> {
            throw refused(url + " : aucun contexte distant n'est chargé");
        });
    }

    /** A Jena parser context for one parse (Jena writes the page's base into the options it gets). */
    public Context parserContext() {
        var context = Context.create();
        context.set(TitaniumJsonLdOptions.JSONLD_OPTIONS, new JsonLdOptions(loader));
        return context;
    }

    private static JsonLdError refused(String detail) {
        return new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, "contexte JSON-LD refusé : " + detail);
    }
}
