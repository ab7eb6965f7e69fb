package org.comptoir.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.comptoir.catalog.dataset.Datasets;
import org.comptoir.catalog.search.CatalogSearch;
import org.comptoir.catalog.search.SearchQuery;
import org.comptoir.catalog.search.Viewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public screens as a visitor meets them, in a real headless Chromium over the demo territory:
 * searching with or without accents, narrowing by facets, suggestions while typing, opening a
 * dataset, reading its JSON-LD, the personal-data invariant before and after signing in, the internal
 * catalogue, and the English interface.
 *
 * <p>With {@code -Dcomptoir.screenshots} (optionally naming a folder; default {@code
 * ../docs/screenshots}) the search results and a dataset page are saved as PNG for the README.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Selenium warns at every start that it has no DevTools binding for Debian's Chromium: not needed here
        properties = "logging.level.org.openqa.selenium=ERROR")
@ActiveProfiles("demo")
class PublicPagesBrowserIntegrationTests {
    private static final String CONSUMPTION = "Consommation électrique des bâtiments";
    private static final String CONSUMPTION_EN = "Electricity consumption of buildings";
    private static final String LIGHTING = "Consommation de l'éclairage public";
    /** Holds personal data (dpv:PersonalData) and is restricted: never shown to the public. */
    private static final String HOUSEHOLDS = "Ménages accompagnés pour la rénovation énergétique";

    @LocalServerPort
    int port;

    @Autowired
    CatalogSearch search;

    @Autowired
    Datasets datasets;

    private HeadlessChromium chromium;
    private ChromeDriver browser;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        var dataDir = Files.createTempDirectory("comptoir-pages-");
        registry.add("comptoir.data-dir", dataDir::toString);
    }

    @BeforeAll
    static void requireChromium() {
        HeadlessChromium.assumeInstalled();
    }

    @BeforeEach
    void openBrowser() throws IOException {
        chromium = HeadlessChromium.start(1500);
        browser = chromium.driver();
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void findsBuildingsWithAndWithoutAccents() {
        open("/");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.findElement(By.cssSelector("label[for=q]")).getText())
                .isEqualTo("Rechercher un jeu de données");

        searchFor("bâtiment");
        assertThat(resultTitles()).contains(CONSUMPTION);
        assertThat(count()).matches("\\d+ jeux de données");
        chromium.screenshot("search.png");

        searchFor("batiments");
        assertThat(resultTitles()).contains(CONSUMPTION);
        assertThat(browser.findElement(By.id("results-heading")).getText()).isEqualTo("Résultats pour « batiments »");
    }

    @Test
    void opensTheDatasetPageWithItsDistributionsAndJsonLd() {
        open("/");
        searchFor("bâtiment");
        browser.findElement(By.linkText(CONSUMPTION)).click();
        waitFor(By.tagName("h1"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(CONSUMPTION);
        assertThat(browser.getTitle()).startsWith(CONSUMPTION);
        var csv = distributions().stream()
                .filter(d -> d.findElement(By.cssSelector(".format")).getText().equals("CSV"))
                .findFirst()
                .orElseThrow();
        var licence = csv.findElement(By.cssSelector(".licence a"));
        assertThat(licence.getText()).startsWith("Licence Ouverte");
        assertThat(licence.getAttribute("href")).isEqualTo("https://www.etalab.gouv.fr/licence-ouverte-open-licence/");
        assertThat(csv.findElement(By.cssSelector("a.download")).getAttribute("href"))
                .endsWith("/conso-elec-batiments.csv");
        assertThat(browser.findElement(By.cssSelector(".org-unit")).getText()).isEqualTo("Direction de l'Énergie");
        assertThat(browser.findElement(By.cssSelector("a[href$='.ttl']")).isDisplayed())
                .isTrue();
        assertThat(browser.findElement(By.cssSelector("a[href$='.jsonld']")).isDisplayed())
                .isTrue();

        var jsonLd = JsonMapper.builder()
                .build()
                .readTree(browser.findElement(By.cssSelector("script[type='application/ld+json']"))
                        .getAttribute("textContent"));
        assertThat(jsonLd.path("@type").asString()).isEqualTo("Dataset");
        assertThat(jsonLd.path("name").asString()).isEqualTo(CONSUMPTION);
        assertThat(jsonLd.path("url").asString()).isEqualTo(browser.getCurrentUrl());
        assertThat(jsonLd.path("distribution").get(0).path("@type").asString()).isEqualTo("DataDownload");
        chromium.screenshot("dataset.png");
    }

    @Test
    void hidesPersonalDataFromTheAnonymousVisitorUntilAnAuthorisedUserSignsIn() {
        var households = search.search(SearchQuery.of(HOUSEHOLDS, Viewer.INTERNAL, 0, 5)).hits().stream()
                .map(hit -> datasets.find(hit.datasetId()).orElseThrow().dataset())
                .filter(d -> d.description().title().best("fr").equals(HOUSEHOLDS))
                .findFirst()
                .orElseThrow();
        open("/");
        searchFor("rénovation énergétique");
        assertThat(resultTitles()).doesNotContain(HOUSEHOLDS);

        open("/datasets/" + households.id());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page introuvable");
        assertThat(statusOf("/datasets/" + households.id())).isEqualTo(404);

        open("/login");
        browser.findElement(By.id("username")).sendKeys("cdo");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector(".login-form button[type=submit]")).click();
        waitFor(By.cssSelector(".header-nav .user"));
        assertThat(browser.findElement(By.cssSelector(".header-nav .user")).getText())
                .isEqualTo("Connecté en tant que cdo");

        searchFor("rénovation énergétique");
        assertThat(resultTitles()).contains(HOUSEHOLDS);
        browser.findElement(By.linkText(HOUSEHOLDS)).click();
        waitFor(By.cssSelector(".notice"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(HOUSEHOLDS);
        assertThat(browser.findElement(By.cssSelector(".notice")).getText())
                .startsWith("Ce jeu de données n’est pas public");

        browser.findElement(By.cssSelector(".header-nav .link-button")).click();
        waitFor(By.cssSelector(".login-link"));
        searchFor("rénovation énergétique");
        assertThat(resultTitles()).doesNotContain(HOUSEHOLDS);
    }

    @Test
    void narrowsTheResultsByClickingAFacetAndWidensThemAgain() {
        open("/");
        var all = number(count());
        var energy = facetLink("theme", "Énergie");
        var expected = number(energy.findElement(By.cssSelector(".facet-count")).getText());
        assertThat(expected).isPositive().isLessThan(all);

        energy.click();
        waitFor(By.cssSelector(".active-filters"));

        assertThat(number(count())).isEqualTo(expected);
        assertThat(browser.findElement(By.cssSelector(".active-filters .filter-value"))
                        .getText())
                .isEqualTo("Énergie");
        assertThat(browser.findElements(By.cssSelector("ol.results li.result")))
                .allSatisfy(result -> assertThat(result.findElements(By.cssSelector(".themes li")))
                        .extracting(WebElement::getText)
                        .contains("Énergie"));
        var selected = facetLink("theme", "Énergie");
        assertThat(selected.getAttribute("aria-current")).isEqualTo("true");

        var csv = facetLink("format", "CSV");
        var energyInCsv = number(csv.findElement(By.cssSelector(".facet-count")).getText());
        csv.click();
        waitFor(By.cssSelector(".active-filters li:nth-child(2)"));
        assertThat(number(count())).isEqualTo(energyInCsv);
        chromium.screenshot("search-facets.png");

        browser.findElement(By.cssSelector(".active-filters .clear-filters")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".active-filters")));
        assertThat(number(count())).isEqualTo(all);
    }

    @Test
    void keepsTheDatasetsUpdatedBetweenTwoDatesAndSaysWhenADateIsUnreadable() {
        open("/");
        var all = number(count());
        browser.executeScript("arguments[0].value = '2026-01-01'", browser.findElement(By.id("modifiedFrom")));
        browser.findElement(By.cssSelector("form.dates button[type=submit]")).click();
        waitFor(By.cssSelector(".active-filters"));

        var recent = number(count());
        assertThat(recent).isPositive().isLessThan(all);
        assertThat(browser.findElement(By.cssSelector(".active-filters li")).getText())
                .contains("Mis à jour depuis le")
                .contains("1er janvier 2026");
        assertThat(browser.findElements(By.cssSelector("ol.results li.result time")))
                .hasSize((int) Math.min(recent, 20))
                .allSatisfy(day -> assertThat(day.getAttribute("datetime")).isGreaterThanOrEqualTo("2026-01-01"));
        assertThat(browser.findElement(By.id("modifiedFrom")).getAttribute("value"))
                .isEqualTo("2026-01-01");

        searchFor("consommation");
        assertThat(browser.getCurrentUrl()).contains("modifiedFrom=2026-01-01");
        browser.findElement(By.cssSelector(".active-filters .clear-filters")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".active-filters")));
        assertThat(browser.getCurrentUrl()).doesNotContain("modifiedFrom");

        open("/?modifiedFrom=hier");
        assertThat(browser.findElement(By.cssSelector(".notice.problem")).getText())
                .contains("Date illisible « hier »")
                .contains("AAAA-MM-JJ");
        assertThat(statusOf("/?modifiedFrom=hier")).isEqualTo(400);
        assertThat(statusOf("/?modifiedFrom=2026-06-01&modifiedTo=2026-01-01")).isEqualTo(400);
    }

    @Test
    void suggestsDatasetsWhileTheVisitorTypes() {
        open("/");
        var box = browser.findElement(By.id("q"));
        box.sendKeys("éclai");

        var suggestions = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#q-suggestions li")));
        assertThat(suggestions.isDisplayed()).isTrue();
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");
        var lighting = browser.findElements(By.cssSelector("#q-suggestions li")).stream()
                .filter(li -> li.getText().startsWith(LIGHTING))
                .findFirst()
                .orElseThrow();
        chromium.screenshot("suggestions.png");

        lighting.click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), LIGHTING));
        assertThat(browser.getCurrentUrl()).contains("/datasets/");
    }

    @Test
    void theInternalCatalogueFiltersOnGovernanceForTheAuthorityOnly() {
        open("/catalogue");
        waitFor(By.id("username"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");

        browser.findElement(By.id("username")).sendKeys("dpo");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector(".login-form button[type=submit]")).click();
        waitFor(By.cssSelector(".header-nav .user"));
        browser.findElement(By.cssSelector(".header-nav .catalogue-link")).click();
        waitFor(By.cssSelector("[data-facet=personalData]"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Catalogue interne");
        assertThat(browser.findElements(By.cssSelector("[data-facet]")))
                .extracting(f -> f.getAttribute("data-facet"))
                .contains("owner", "accessLevel", "personalData", "status", "source");

        var personal = facetLink("personalData", "Données personnelles");
        var expected =
                number(personal.findElement(By.cssSelector(".facet-count")).getText());
        personal.click();
        waitFor(By.cssSelector(".active-filters"));

        assertThat(number(count())).isEqualTo(expected);
        assertThat(resultTitles()).contains(HOUSEHOLDS);
        chromium.screenshot("catalogue.png");
    }

    @Test
    void showsAFrenchNotFoundPageForAnUnknownDataset() {
        var unknown = "/datasets/" + UUID.randomUUID();
        open(unknown);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page introuvable");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        assertThat(statusOf(unknown)).isEqualTo(404);
    }

    @Test
    void speaksEnglishOnRequestAndRemembersIt() {
        open("/?lang=en");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.cssSelector("label[for=q]")).getText())
                .isEqualTo("Search for a dataset");
        assertThat(count()).matches("\\d+ datasets");

        searchFor("buildings");
        assertThat(resultTitles()).contains(CONSUMPTION_EN);
        browser.findElement(By.linkText(CONSUMPTION_EN)).click();
        waitFor(By.tagName("h1"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(CONSUMPTION_EN);
        assertThat(browser.findElement(By.id("distributions-heading")).getText())
                .isEqualTo("Download and access the data");
        assertThat(browser.findElement(By.cssSelector(".licence a")).getText()).startsWith("Open Licence");

        browser.findElement(By.cssSelector(".languages a[hreflang=fr]")).click();
        waitFor(By.cssSelector("html[lang=fr]"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(CONSUMPTION);
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void searchFor(String words) {
        var box = browser.findElements(By.id("q")).isEmpty()
                ? browser.findElement(By.id("header-q"))
                : browser.findElement(By.id("q"));
        box.clear();
        box.sendKeys(words);
        box.submit();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("results-heading"), words));
    }

    private List<String> resultTitles() {
        return browser.findElements(By.cssSelector("ol.results h3 a")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private String count() {
        return browser.findElement(By.cssSelector(".count strong")).getText();
    }

    /** The link of a facet's value, by the label a visitor reads. */
    private WebElement facetLink(String facet, String label) {
        return browser.findElements(By.cssSelector("[data-facet=" + facet + "] a")).stream()
                .filter(a ->
                        a.findElement(By.cssSelector(".facet-label")).getText().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no facet value " + label + " in " + facet));
    }

    /** The number a count shows, whatever the separators of the language. */
    private static long number(String text) {
        var digits = text.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }

    private List<WebElement> distributions() {
        return browser.findElements(By.cssSelector(".distribution"));
    }

    private void waitFor(By locator) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    private int statusOf(String path) {
        try (var client = HttpClient.newHttpClient()) {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/html")
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void screenshot(String name) {
        chromium.screenshot(name);
    }
}
