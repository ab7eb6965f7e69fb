package org.comptoir.connectors.harvest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A DCAT-AP catalogue in Turtle, paged with Hydra, served by WireMock under a fresh path: {@code
 * pages} pages of {@code perPage} datasets, titled "Jeu de données n" (n from 1).
 */
final class PagedCatalogue {
    static final String DATASETS = "https://data.demo-metropole.example/datasets/";

    final String base = "/" + UUID.randomUUID();
    final int pages;
    final int perPage;

    PagedCatalogue(int pages, int perPage) {
        this.pages = pages;
        this.perPage = perPage;
    }

    String path(int page) {
        return page == 1 ? base + "/catalogue" : base + "/catalogue?page=" + page;
    }

    String url(WireMockExtension server) {
        return server.baseUrl() + path(1);
    }

    static String key(int n) {
        return DATASETS + "jeu-" + n;
    }

    /** Serves every page; {@code stub} may change a page's stub (a delay, a header to require). */
    void serve(WireMockExtension server, UnaryOperator<MappingBuilder> stub) {
        for (int page = 1; page <= pages; page++) {
            server.stubFor(stub.apply(get(urlEqualTo(path(page))).willReturn(page(page))));
        }
    }

    void serve(WireMockExtension server) {
        serve(server, UnaryOperator.identity());
    }

    ResponseDefinitionBuilder page(int page) {
        var ttl = new StringBuilder("""
                @prefix dcat: <http://www.w3.org/ns/dcat#> .
                @prefix dct: <http://purl.org/dc/terms/> .
                @prefix hydra: <http://www.w3.org/ns/hydra/core#> .
                <> a dcat:Catalog, hydra:Collection ; hydra:totalItems %d .
                """.formatted(pages * perPage));
        if (page < pages) {
            ttl.append(
                    "<?page=%d> a hydra:PartialCollectionView ; hydra:next <?page=%d> .\n".formatted(page, page + 1));
        }
        for (int i = 1; i <= perPage; i++) {
            int n = (page - 1) * perPage + i;
            ttl.append("""
                    <%s> a dcat:Dataset ;
                        dct:title "Jeu de données %d"@fr ;
                        dct:description "Description du jeu de données %d."@fr ;
                        dcat:distribution <%s/csv> .
                    <%s/csv> a dcat:Distribution ; dcat:accessURL <https://files.example/%d.csv> .
                    """.formatted(key(n), n, n, key(n), key(n), n));
        }
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/turtle; charset=utf-8")
                .withBody(ttl.toString());
    }
}
