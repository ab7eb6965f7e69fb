package org.comptoir.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Searching the demo territory over HTTP as its users do: a citizen, a partner, the CDO. Counts
 * and facets never betray a hidden dataset; words are highlighted; typing gets suggestions; filters
 * combine; a write is searchable within a second; the index is rebuilt and checked by the CDO.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class SearchApiIntegrationTests {
    private static final String THEMES = "http://publications.europa.eu/resource/authority/data-theme/";
    private static final String FILE_TYPES = "http://publications.europa.eu/resource/authority/file-type/";
    private static final String HOUSEHOLDS = "Ménages accompagnés pour la rénovation énergétique";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws Exception {
        var dataDir = Files.createTempDirectory("comptoir-search-api-");
        registry.add("comptoir.data-dir", dataDir::toString);
    }

    @Test
    void anonymousFacetCountsNeverRevealAHiddenDataset() throws Exception {
        var anonymous = get("/api/v1/datasets?size=100", null);
        var internal = get("/api/v1/datasets?size=100", "cdo");

        assertThat(anonymous.path("total").asLong())
                .isLessThan(internal.path("total").asLong());
        assertThat(values(internal, "personalData")).containsKey("PERSONAL");
        assertThat(values(anonymous, "personalData")).doesNotContainKeys("PERSONAL", "SENSITIVE", "PSEUDONYMISED");
        assertThat(values(anonymous, "owner"))
                .as("owners are named to the authority only")
                .isEmpty();
        assertThat(values(internal, "owner")).isNotEmpty();
        assertThat(values(anonymous, "theme").get(THEMES + "SOCI"))
                .as("the households supported for renovation are counted for the CDO only")
                .isLessThan(values(internal, "theme").get(THEMES + "SOCI"));
        // every count the public reads is the number of datasets it finds with that filter
        for (var theme : values(anonymous, "theme").entrySet()) {
            var filtered = get("/api/v1/datasets?size=1&theme=" + encode(theme.getKey()), null);
            assertThat(filtered.path("total").asLong()).as(theme.getKey()).isEqualTo(theme.getValue());
        }
        var publicTotal = 0L;
        for (var count : values(anonymous, "accessLevel").values()) {
            publicTotal += count;
        }
        assertThat(publicTotal).isEqualTo(anonymous.path("total").asLong());
        assertThat(titles(get("/api/v1/datasets?q=" + encode("rénovation énergétique"), "partner")))
                .doesNotContain(HOUSEHOLDS);
        assertThat(titles(get("/api/v1/datasets?q=" + encode("rénovation énergétique"), "dpo")))
                .contains(HOUSEHOLDS);
    }

    @Test
    void marksTheWordsFoundInEachHit() throws Exception {
        var result = get("/api/v1/datasets?q=" + encode("éclairage public"), null);

        var first = result.path("items").get(0);
        assertThat(first.path("title").path("fr").asString()).isEqualTo("Consommation de l'éclairage public");
        assertThat(first.path("highlights").path("title"))
                .extracting(JsonNode::asString)
                .anySatisfy(snippet -> assertThat(snippet).contains("éclairage</mark>", "<mark>public</mark>"))
                .allSatisfy(snippet -> assertThat(snippet).doesNotContain("'"));
    }

    @Test
    void suggestsTitlesAndKeywordsWhileTheVisitorTypes() throws Exception {
        var suggestions = send("GET", "/api/v1/datasets/suggest?q=" + encode("consommation de l'écl"), null, null);
        assertThat(suggestions.statusCode()).isEqualTo(200);
        var body = ApiClient.json(suggestions);
        assertThat(body).anySatisfy(s -> {
            assertThat(s.path("text").asString()).isEqualTo("Consommation de l'éclairage public");
            assertThat(s.path("kind").asString()).isEqualTo("title");
            assertThat(s.path("datasetId").asString()).isNotBlank();
        });

        assertThat(suggestionTexts("/api/v1/datasets/suggest?q=" + encode("ménages"), null))
                .doesNotContain(HOUSEHOLDS);
        assertThat(suggestionTexts("/api/v1/datasets/suggest?q=" + encode("ménages"), "cdo"))
                .contains(HOUSEHOLDS);
    }

    @Test
    void filtersCombineAndFacetsFollowTheResultSet() throws Exception {
        var energy = get("/api/v1/datasets?size=100&theme=" + encode(THEMES + "ENER"), null);
        var energyInXlsx = get(
                "/api/v1/datasets?size=100&theme=" + encode(THEMES + "ENER") + "&format=" + encode(FILE_TYPES + "XLSX"),
                null);

        assertThat(energyInXlsx.path("total").asLong())
                .isPositive()
                .isLessThan(energy.path("total").asLong());
        for (var item : energyInXlsx.path("items")) {
            assertThat(item.path("themes")).extracting(JsonNode::asString).contains(THEMES + "ENER");
            assertThat(item.path("distributions"))
                    .extracting(d -> d.path("format").asString())
                    .contains(FILE_TYPES + "XLSX");
        }
        assertThat(values(energyInXlsx, "format").get(FILE_TYPES + "XLSX"))
                .isEqualTo(energyInXlsx.path("total").asLong());
        var either = get(
                "/api/v1/datasets?size=1&format=" + encode(FILE_TYPES + "XLSX") + "&format="
                        + encode(FILE_TYPES + "JSON"),
                null);
        assertThat(either.path("total").asLong())
                .as("values of one filter: any of them")
                .isGreaterThanOrEqualTo(values(energyInXlsx, "format").get(FILE_TYPES + "XLSX"));
    }

    @Test
    void labelsFacetsInTheAskedLanguage() throws Exception {
        var english = send("GET", "/api/v1/datasets?size=1", null, null, Map.of("Accept-Language", "en-GB,en;q=0.9"));
        assertThat(label(ApiClient.json(english), "theme", THEMES + "ENER")).isEqualTo("Energy");
        var french =
                send("GET", "/api/v1/datasets?size=1&lang=fr", null, null, Map.of("Accept-Language", "en-GB,en;q=0.9"));
        assertThat(label(ApiClient.json(french), "theme", THEMES + "ENER")).isEqualTo("Énergie");
    }

    @Test
    void aPublishedDatasetIsSearchableWithinASecond() throws Exception {
        var created = send("POST", "/api/v1/datasets", "owner", """
                {"title":{"fr":"Ruchers municipaux"},"description":{"fr":"Emplacement des ruches sur les toits."},
                 "keywords":["apiculture"],"accessLevel":"PUBLIC","personalData":"NONE","status":"PUBLISHED",
                 "distributions":[{"accessUrl":"https://data.example.org/ruchers.csv"}]}""");
        assertThat(created.statusCode()).isEqualTo(201);
        long written = System.nanoTime();
        var id = ApiClient.json(created).path("id").asString();

        JsonNode found;
        do {
            found = get("/api/v1/datasets?q=ruchers", null);
        } while (found.path("total").asLong() == 0 && System.nanoTime() - written < 3_000_000_000L);
        long millis = (System.nanoTime() - written) / 1_000_000;

        assertThat(found.path("items").get(0).path("id").asString()).isEqualTo(id);
        assertThat(millis)
                .as("ms from the write to the first search that finds it")
                .isLessThan(1000);
    }

    @Test
    void everyHitIsTheDatasetItsOwnAddressGives() throws Exception {
        var page = get("/api/v1/datasets?size=100", "cdo");
        assertThat(page.path("items").size()).isGreaterThan(10);

        for (var item : page.path("items")) {
            var own = (tools.jackson.databind.node.ObjectNode)
                    get("/api/v1/datasets/" + item.path("id").asString(), "cdo");
            var hit = (tools.jackson.databind.node.ObjectNode) item.deepCopy();
            // what only a hit has: why it matched
            hit.remove("highlights");
            own.remove("highlights");
            assertThat(hit).as(item.path("id").asString()).isEqualTo(own);
        }
        var found = get("/api/v1/datasets?q=" + encode("éclairage public"), null)
                .path("items")
                .get(0);
        assertThat(found.path("keywords"))
                .isEqualTo(get("/api/v1/datasets/" + found.path("id").asString(), null)
                        .path("keywords"));
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() throws Exception {
        assertProblem("/api/v1/datasets?bbox=4.7,45.6,5.0", "bbox");
        assertProblem("/api/v1/datasets?bbox=5.0,45.6,4.7,45.9", "bbox");
        assertProblem("/api/v1/datasets?modifiedFrom=2026-13-01", "modifiedFrom");
        assertProblem("/api/v1/datasets?modifiedFrom=2026-02-01&modifiedTo=2026-01-01", "modifiedFrom");
        assertProblem("/api/v1/datasets?sort=popularity", "sort");
        assertProblem("/api/v1/datasets?page=600&size=20", "page");
        assertProblem("/api/v1/datasets?accessLevel=EVERYONE", "accessLevel");
        assertProblem("/api/v1/datasets/suggest?q=", "q");

        var box = get("/api/v1/datasets?size=100&bbox=4.7,45.6,5.0,45.9", null);
        assertThat(box.path("total").asLong()).isPositive();
        assertThat(get("/api/v1/datasets?bbox=-10,-10,-9,-9", null)
                        .path("total")
                        .asLong())
                .as("nothing of the Métropole lies off the African coast")
                .isZero();
    }

    @Test
    void onlyTheCdoAndTheAdministratorRebuildAndCheckTheIndex() throws Exception {
        assertThat(send("POST", "/api/v1/search/reindex", null, null).statusCode())
                .isEqualTo(401);
        assertThat(send("POST", "/api/v1/search/reindex", "owner", null).statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/v1/search/consistency", "partner", null).statusCode())
                .isEqualTo(403);

        var rebuilt = send("POST", "/api/v1/search/reindex", "cdo", null);
        assertThat(rebuilt.statusCode()).isEqualTo(200);
        var count = ApiClient.json(rebuilt).path("datasets").asLong();
        assertThat(count).isPositive();

        var report = ApiClient.json(send("GET", "/api/v1/search/consistency", "cdo", null));
        assertThat(report.path("engine").asString()).isEqualTo("lucene");
        assertThat(report.path("stored").asLong()).isGreaterThanOrEqualTo(count);
        assertThat(report.path("missing").path("count").asLong()
                        + report.path("stale").path("count").asLong()
                        + report.path("orphans").path("count").asLong())
                .isZero();
        assertThat(report.path("consistent").asBoolean()).isTrue();
        assertThat(get("/api/v1/datasets?q=" + encode("éclairage public"), null)
                        .path("total")
                        .asLong())
                .isPositive();
    }

    private void assertProblem(String path, String field) throws Exception {
        var response = send("GET", path, null, null);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        var problem = ApiClient.json(response);
        assertThat(problem.path("errors"))
                .as(path)
                .extracting(e -> e.path("field").asString())
                .contains(field);
        assertThat(problem.path("errors").get(0).path("message").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "at org.");
    }

    private static Map<String, Long> values(JsonNode page, String facet) {
        var values = new HashMap<String, Long>();
        page.path("facets")
                .path(facet)
                .forEach(v ->
                        values.put(v.path("value").asString(), v.path("count").asLong()));
        return values;
    }

    private static String label(JsonNode page, String facet, String value) {
        for (var v : page.path("facets").path(facet)) {
            if (v.path("value").asString().equals(value)) {
                return v.path("label").asString();
            }
        }
        return null;
    }

    private static List<String> titles(JsonNode page) {
        var titles = new ArrayList<String>();
        page.path("items").forEach(i -> titles.add(i.path("title").path("fr").asString()));
        return titles;
    }

    private List<String> suggestionTexts(String path, String user) throws Exception {
        var texts = new ArrayList<String>();
        ApiClient.json(send("GET", path, user, null))
                .forEach(s -> texts.add(s.path("text").asString()));
        return texts;
    }

    private JsonNode get(String path, String user) throws Exception {
        var response = send("GET", path, user, null);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return ApiClient.json(response);
    }

    private HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
        return send(method, path, user, body, Map.of());
    }

    private HttpResponse<String> send(String method, String path, String user, String body, Map<String, String> headers)
            throws Exception {
        return new ApiClient(port, "demo").send(method, path, user, body, headers);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
