package ge.dms.devstack.launcher;

import ge.dms.bench.pages.Chromium;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * One headless Chromium (its own profile, so its own cookies) driven through Selenium, with the
 * host's {@code chromium} and {@code chromedriver} (Debian's packages; {@code CHROME_BIN} and
 * {@code CHROMEDRIVER} point elsewhere). Without them the test is skipped by an assumption that
 * says so in the build log, never passed silently.
 */
final class Browser implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Browser.class);
    static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final URI base;

    private Browser(ChromeDriver driver, URI base) {
        this.driver = driver;
        this.base = base;
    }

    /** Skips the calling test (a JUnit assumption, with the reason in the log) when there is no Chromium. */
    static void assumeChromium() {
        Assumptions.assumeTrue(Chromium.available(), "browser tests skipped: no Chromium found (install Debian's chromium and "
                + "chromium-driver, or set CHROME_BIN and CHROMEDRIVER); looked for " + Chromium.lookedFor());
    }

    /** A browser whose pages are at {@code base}, with a window of the given size. */
    static Browser open(URI base, int width, int height) {
        assumeChromium();
        return new Browser(Chromium.open(width, height), base);
    }

    WebDriver driver() {
        return driver;
    }

    void go(String path) {
        driver.get(base.resolve(path).toString());
    }

    /** Signs in on the sign-in page and waits for the screen it leads to. */
    void signIn(String username, String password, String screen) {
        go("/");
        find(By.id("username")).sendKeys(username);
        find(By.id("password")).sendKeys(password);
        find(By.id("sign-in")).click();
        until(d -> d.getCurrentUrl().endsWith(screen));
    }

    WebElement find(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement present(By by) {
        return until(ExpectedConditions.presenceOfElementLocated(by));
    }

    <T> T until(Function<WebDriver, T> condition) {
        return until(condition, WAIT);
    }

    <T> T until(Function<WebDriver, T> condition, Duration wait) {
        // Live pages re-render rows as changes arrive: an element found a moment ago may be gone; look again.
        return new WebDriverWait(driver, wait, Duration.ofMillis(100)).ignoring(StaleElementReferenceException.class).until(condition);
    }

    Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /** A fetch from inside the page (same origin, with its cookie): the answer's status. */
    long fetchStatus(String path) {
        return (Long) driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status), e => done(-1));", path);
    }

    /** Saves the window to {@code docs/screenshots/NAME.png} of the project (linked from the README). */
    void screenshot(String name) {
        Path target = DevSecret.projectRoot().resolve("docs/screenshots").resolve(name + ".png");
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            LOG.info("screenshot {}", target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Script errors and Content-Security-Policy refusals the page logged since the last call. HTTP
     * error statuses (the sign-in page's 401 from /api/me when nobody is signed in) are not script
     * errors; the tests check the answers that matter themselves.
     */
    List<String> scriptErrors() {
        return driver.manage().logs().get("browser").getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(entry -> entry.getMessage()).filter(message -> !message.contains("Failed to load resource")).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
