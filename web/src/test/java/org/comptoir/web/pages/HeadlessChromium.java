package org.comptoir.web.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, driven headless by Selenium for the screens' tests: one browser with a profile
 * of its own, gone when closed.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private HeadlessChromium(int height) throws IOException {
        profile = Files.createTempDirectory("comptoir-chromium-");
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--lang=en-US",
                "--user-data-dir=" + profile);
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, height));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** Skips the calling test class, with the reason, when Chromium is not installed. */
    static void assumeInstalled() {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is not installed (apt-get install chromium chromium-driver): browser tests skipped");
    }

    /** A browser with a window 1280 pixels wide and {@code height} high. */
    static HeadlessChromium start(int height) throws IOException {
        return new HeadlessChromium(height);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Saves the page as the README's screenshot {@code name} when {@code comptoir.screenshots} is set. */
    void screenshot(String name) {
        var setting = System.getProperty("comptoir.screenshots");
        if (setting == null) {
            return;
        }
        var folder =
                setting.isBlank() || setting.equals("true") ? Path.of("..", "docs", "screenshots") : Path.of(setting);
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        service.stop();
        try (var paths = Files.walk(profile)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
