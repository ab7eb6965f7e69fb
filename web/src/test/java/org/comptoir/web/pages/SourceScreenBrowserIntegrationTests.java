package org.comptoir.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.comptoir.connectors.source.NewSource;
import org.comptoir.connectors.source.SourceKinds;
import org.comptoir.connectors.source.Sources;
import org.comptoir.web.security.Role;
import org.junit.jupiter.api.AfterAll;
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
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The source screen as a CDO uses it, in a real headless Chromium against a two-page DCAT-AP
 * catalogue served by WireMock: adding a source (and being told, in French, what is wrong with its
 * URL), testing its connection, saving it, starting a run and following it to its end. Other roles
 * are refused, anonymous visitors sent to sign in.
 *
 * <p>With {@code -Dcomptoir.screenshots} (optionally naming a folder; default {@code
 * ../docs/screenshots}) the list of sources, a connection test and the finished run are saved as PNG for the README.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.org.openqa.selenium=ERROR")
class SourceScreenBrowserIntegrationTests {
    private static final String CATALOGUE = "/val-exemple/catalogue.ttl";
    private static final String PASSWORD = "secret-de-test";
    private static WireMockServer portal;

    @LocalServerPort
    int port;

    @Autowired
    JdbcUserDetailsManager users;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Sources sources;

    private HeadlessChromium chromium;
    private ChromeDriver browser;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        var dataDir = Files.createTempDirectory("comptoir-source-screen-");
        registry.add("comptoir.data-dir", dataDir::toString);
    }

    @BeforeAll
    static void servePortal() {
        HeadlessChromium.assumeInstalled();
        portal = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        portal.start();
        portal.stubFor(WireMock.get(WireMock.urlPathEqualTo(CATALOGUE))
                .withQueryParam("page", WireMock.absent())
                .willReturn(turtle("val-exemple-page-1.ttl")));
        portal.stubFor(WireMock.get(WireMock.urlPathEqualTo(CATALOGUE))
                .withQueryParam("page", WireMock.equalTo("2"))
                .willReturn(turtle("val-exemple-page-2.ttl")));
    }

    @AfterAll
    static void stopPortal() {
        if (portal != null) {
            portal.stop();
        }
    }

    @BeforeEach
    void openBrowser() throws IOException {
        for (var role : List.of(Role.CDO, Role.OWNER)) {
            var name = role.name().toLowerCase();
            if (!users.userExists(name)) {
                users.createUser(User.withUsername(name)
                        .password(encoder.encode(PASSWORD))
                        .roles(role.name())
                        .build());
            }
        }
        chromium = HeadlessChromium.start(1300);
        browser = chromium.driver();
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aCdoAddsTestsAndHarvestsASourceAndFollowsTheRun() {
        sources.create(new NewSource(
                "Portail open data de la région", SourceKinds.CKAN, "https://ckan.region.example/", "0 0 3 * * *"));
        signIn("cdo");
        browser.findElement(By.cssSelector(".header-nav .sources-link")).click();
        waitFor(By.cssSelector("a.add-source"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sources moissonnées");
        browser.findElement(By.cssSelector("a.add-source")).click();
        waitFor(By.id("url"));

        type("name", "Catalogue du Val d'Exemple");
        type("url", "val-exemple/catalogue.ttl");
        browser.findElement(By.cssSelector("button.save")).click();

        waitFor(By.id("url-error"));
        assertThat(browser.findElement(By.id("url-error")).getText())
                .contains("L'URL doit être absolue et commencer par http:// ou https://.");
        assertThat(browser.findElement(By.id("url")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.findElement(By.id("form-problems")).getText())
                .startsWith("La source n’a pas été enregistrée : 1 champ à corriger");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("Catalogue du Val d'Exemple");
        assertThat(sources.all()).hasSize(1);

        type("url", portal.baseUrl() + CATALOGUE);
        browser.findElement(By.cssSelector("button.test-connection")).click();

        waitFor(By.cssSelector(".preview-titles"));
        assertThat(browser.findElement(By.id("preview-heading")).getText()).isEqualTo("Connexion réussie");
        assertThat(browser.findElement(By.cssSelector(".preview-count")).getText())
                .isEqualTo("3 jeux de données sur la première page, 5 en tout.");
        assertThat(browser.findElements(By.cssSelector(".preview-titles li")))
                .extracting(WebElement::getText)
                .contains("Parkings relais", "Calendrier de collecte des déchets");
        assertThat(sources.all()).hasSize(1);
        chromium.screenshot("source-test.png");

        browser.findElement(By.cssSelector("button.save")).click();
        waitFor(By.cssSelector("button.start-run"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Catalogue du Val d'Exemple");
        assertThat(browser.findElement(By.cssSelector(".alert")).getText()).isEqualTo("La source est enregistrée.");

        browser.findElement(By.cssSelector("button.start-run")).click();
        waitFor(By.id("run-status"));
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("run-status"), "Terminée"));

        assertThat(browser.findElement(By.id("run-seen")).getText()).isEqualTo("5 sur 5");
        assertThat(browser.findElement(By.cssSelector(".run-pages")).getText()).isEqualTo("2");
        assertThat(count("added")).isEqualTo("4");
        assertThat(count("failed")).isEqualTo("1");
        assertThat(count("withdrawn")).isEqualTo("0");
        assertThat(browser.findElement(By.cssSelector(".record-errors")).getText())
                .contains("https://data.val-exemple.example/datasets/sans-titre");
        assertThat(browser.findElements(By.cssSelector("button.cancel-run"))).isEmpty();
        chromium.screenshot("harvest-run.png");

        browser.findElement(By.cssSelector(".header-nav .sources-link")).click();
        waitFor(By.cssSelector(".sources-table"));
        var row = browser.findElements(By.cssSelector(".sources-table tbody tr")).stream()
                .filter(r -> r.getText().startsWith("Catalogue du Val d'Exemple"))
                .findFirst()
                .orElseThrow();
        assertThat(row.findElement(By.cssSelector(".status")).getText()).isEqualTo("Terminée");
        assertThat(row.findElement(By.cssSelector(".run-counts")).getText())
                .isEqualTo("4 ajoutés, 0 mis à jour, 0 inchangés, 0 retirés, 1 en erreur");
        chromium.screenshot("sources.png");
    }

    @Test
    void onlyTheCdoAndAdministratorsManageSources() {
        open("/sources");
        waitFor(By.id("username"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");

        signIn("owner");
        assertThat(browser.findElements(By.cssSelector(".header-nav .sources-link")))
                .isEmpty();
        open("/sources");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Accès refusé");
        assertThat(statusOf("/sources", "owner")).isEqualTo(403);
        assertThat(statusOf("/sources/new", "owner")).isEqualTo(403);
        assertThat(statusOf("/sources", "cdo")).isEqualTo(200);
    }

    private void signIn(String user) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector(".login-form button[type=submit]")).click();
        waitFor(By.cssSelector(".header-nav .user"));
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void type(String field, String text) {
        var input = browser.findElement(By.id(field));
        input.clear();
        input.sendKeys(text);
    }

    private String count(String name) {
        return browser.findElement(By.cssSelector(".count-" + name + " dd")).getText();
    }

    private void waitFor(By locator) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    private int statusOf(String path, String user) {
        try (var client = HttpClient.newHttpClient()) {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/html")
                    .header(
                            "Authorization",
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder turtle(String fixture) {
        try (var in = SourceScreenBrowserIntegrationTests.class.getResourceAsStream(fixture)) {
            return WireMock.aResponse()
                    .withHeader("Content-Type", "text/turtle; charset=utf-8")
                    .withBody(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void screenshot(String name) {
        chromium.screenshot(name);
    }
}
