package org.comptoir.web.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.comptoir.ontologies.Hydra;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Comptoir on a random port with the demo territory loaded (harvested from the bundled sources
 * before startup completes), shared by the feed's integration tests through Spring's context cache:
 * every subclass has exactly this configuration. Helpers speak HTTP to it like a harvester would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
abstract class DemoCatalogueServer {
    static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static Path dataDir;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void freshDataFolder(DynamicPropertyRegistry registry) throws IOException {
        if (dataDir == null) {
            dataDir = Files.createTempDirectory("comptoir-feed-it");
        }
        registry.add("comptoir.data-dir", () -> dataDir.toString());
    }

    String url(String pathAndQuery) {
        return "http://localhost:" + port + pathAndQuery;
    }

    HttpResponse<byte[]> get(String urlOrPath, String accept) throws IOException, InterruptedException {
        return send(urlOrPath, accept, null);
    }

    HttpResponse<byte[]> send(String urlOrPath, String accept, String basicUser)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(urlOrPath.startsWith("http") ? urlOrPath : url(urlOrPath)))
                .timeout(Duration.ofSeconds(60))
                .GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (basicUser != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((basicUser + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** GETs an RDF document, checks it is a 200, and parses it in the syntax its Content-Type names. */
    Model rdf(String urlOrPath, String accept) throws IOException, InterruptedException {
        var response = get(urlOrPath, accept);
        assertThat(response.statusCode()).as("GET %s (%s)", urlOrPath, accept).isEqualTo(200);
        var contentType = response.headers().firstValue("Content-Type").orElseThrow();
        return parse(response.body(), RDFLanguages.contentTypeToLang(contentType.split(";")[0].strip()));
    }

    static Model parse(byte[] body, Lang lang) {
        var model = ModelFactory.createDefaultModel();
        RDFParser.source(new ByteArrayInputStream(body)).lang(lang).parse(model);
        return model;
    }

    /** The hydra:next of the page's view, if any. */
    static Optional<String> next(Model page) {
        return page.listSubjectsWithProperty(RDF.type, Hydra.PartialCollectionView).toList().stream()
                .flatMap(view -> view.listProperties(Hydra.next).toList().stream())
                .map(s -> s.getResource().getURI())
                .findFirst();
    }

    /** Every page of {@code firstPage} and after, following hydra:next. */
    List<Model> pages(String firstPage, String accept) throws IOException, InterruptedException {
        var pages = new ArrayList<Model>();
        Optional<String> address = Optional.of(firstPage);
        while (address.isPresent()) {
            var page = rdf(address.get(), accept);
            pages.add(page);
            assertThat(pages).as("hydra:next chain ends").hasSizeLessThan(200);
            address = next(page);
        }
        return pages;
    }

    Model union(List<Model> pages) {
        var union = ModelFactory.createDefaultModel();
        pages.forEach(union::add);
        return union;
    }

    /** Every dataset of the demo catalogue as the CDO sees it through the API. */
    List<JsonNode> allDatasetsAsCdo() throws IOException, InterruptedException {
        var items = new ArrayList<JsonNode>();
        for (int page = 0; ; page++) {
            var response = send("/api/v1/datasets?size=100&page=" + page, "application/json", "cdo");
            assertThat(response.statusCode()).isEqualTo(200);
            var json = JSON.readTree(response.body());
            json.get("items").forEach(items::add);
            if (json.get("items").isEmpty() || items.size() >= json.get("total").asLong()) {
                return items;
            }
        }
    }
}
