package org.runops.datalogger.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens the page in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}); skipped where
 * they are not installed. Selenium Manager never runs: the driver and browser are named explicitly, and
 * {@code SE_OFFLINE} forbids downloads should anything still ask it.
 */
class StatsHtmlPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private ChromeDriver driver;

    @BeforeEach
    void startBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "headless Chromium test skipped: " + CHROMIUM + " and " + CHROMEDRIVER
                        + " are needed (Debian packages chromium, chromium-driver)");
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().withTimeout(BOUND).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1100,1400", "--user-data-dir=" + Files.createDirectory(dir.resolve("profile")));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setPageLoadTimeout(BOUND);
        options.setScriptTimeout(BOUND);
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void quitBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** Three devices with 3, 2 and 1 files; the last one has an undefined std (a lone sample). */
    private Path threeDevices() {
        Path db = dir.resolve("GMPSAI.db");
        double[] keys = {StatsFixtures.DAY1, StatsFixtures.DAY2, StatsFixtures.DAY2 + 86400};
        try (StatsDatabase stats = StatsDatabase.open(db)) {
            for (int day = 0; day < keys.length; day++) {
                List<ParameterStats> rows = new ArrayList<>();
                rows.add(new ParameterStats("B:VIMIN", 1000, 103.5, 0.5 + day, 100.8, 106.1, 103.4 + day * 0.1));
                if (day < 2) {
                    rows.add(new ParameterStats("B:VIMAX", 1000, 966, 2, 960, 970, 966.1));
                }
                if (day == 0) {
                    rows.add(new ParameterStats("I:IB", 1, 337, Double.NaN, 337, 337, 337));
                }
                stats.store(new DistilledFile("day" + day + ".h5", keys[day], "simulated", null, null, Instant.EPOCH,
                        rows.size()), rows);
            }
        }
        return db;
    }

    @Test
    void everyPanelRendersItsPointsAndTheFilterHidesPanels() throws Exception {
        Path html = dir.resolve("stats.html");
        try (StatsDatabase stats = StatsDatabase.open(threeDevices())) {
            StatsHtmlPage.write(stats, List.of(), ZoneId.of("America/Chicago"), html);
        }
        driver.get(html.toUri().toString());
        new WebDriverWait(driver, BOUND).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return window.runopsReady === true")));

        @SuppressWarnings("unchecked")
        Map<String, Object> points = (Map<String, Object>) driver.executeScript("return window.runopsPanels");
        assertThat(points).containsExactlyInAnyOrderEntriesOf(Map.of("B:VIMAX", 2L, "B:VIMIN", 3L, "I:IB", 1L));
        List<WebElement> panels = driver.findElements(By.cssSelector(".panel"));
        assertThat(panels).extracting(p -> p.getAttribute("data-device")).containsExactly("B:VIMAX", "B:VIMIN", "I:IB");
        for (WebElement panel : panels) {
            WebElement canvas = panel.findElement(By.tagName("canvas"));
            assertThat(canvas.getSize().getWidth()).as("canvas of %s", panel.getAttribute("data-device")).isGreaterThan(100);
            assertThat(canvas.getSize().getHeight()).isGreaterThan(50);
        }
        // two time axes over the same scale, UTC and Chicago time (2020-03-10 05:00Z is local midnight, CDT)
        assertThat(driver.executeScript("return window.runopsPlots['B:VIMIN'].axes.filter(a => a.scale === 'x').map(a => a.label)"))
                .isEqualTo(List.of("UTC", "America/Chicago"));
        assertThat(driver.executeScript("return [runopsTime.utc(1583816400), runopsTime.chicago(1583816400)]"))
                .isEqualTo(List.of("2020-03-10 05:00", "2020-03-10 00:00"));
        // drag-to-zoom on x
        assertThat(driver.executeScript("return window.runopsPlots['B:VIMIN'].cursor.drag.x")).isEqualTo(true);

        WebElement provenance = driver.findElement(By.id("provenance"));
        assertThat(provenance.getText()).isEqualTo("SIMULATED DATA: 3 files distilled by backend: simulated 3");
        assertThat(provenance.getCssValue("background-color")).isEqualTo("rgba(176, 0, 32, 1)");

        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("target", "StatsHtmlPageBrowserTest.png"), StandardCopyOption.REPLACE_EXISTING);

        driver.findElement(By.id("device-filter")).sendKeys("vim");
        assertThat(driver.findElements(By.cssSelector(".panel"))).extracting(p -> p.getAttribute("data-device") + "=" + p.isDisplayed())
                .containsExactly("B:VIMAX=true", "B:VIMIN=true", "I:IB=false");

        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()).toList();
        assertThat(errors).as("browser console").isEmpty();
    }
}
