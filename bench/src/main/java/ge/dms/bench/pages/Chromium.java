package ge.dms.bench.pages;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The host's headless Chromium and its chromedriver (Debian's {@code chromium} and {@code chromium-driver};
 * {@code CHROME_BIN} and {@code CHROMEDRIVER} point elsewhere), for the {@code pages} scenario and the browser tests.
 * Each {@link #open} is a new browser with its own empty profile: no cookies, an empty HTTP cache.
 */
public final class Chromium {

    private Chromium() {
    }

    public static boolean available() {
        return browser().isPresent() && driver().isPresent();
    }

    /** Where it looked, for the message that says why nothing ran. */
    public static String lookedFor() {
        return "$CHROME_BIN or chromium/chromium-browser/google-chrome on the PATH, and $CHROMEDRIVER or chromedriver on the PATH";
    }

    /** A new headless browser with a window of the given size. */
    public static ChromeDriver open(int width, int height) {
        // Selenium warns on every start that it has no DevTools bindings for this Chromium; nothing here uses them.
        java.util.logging.Logger.getLogger("org.openqa.selenium.devtools").setLevel(java.util.logging.Level.OFF);
        if (!available()) {
            throw new IllegalStateException("no Chromium found (install Debian's chromium and chromium-driver); looked for " + lookedFor());
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser().orElseThrow().toFile());
        // Root in CI containers needs --no-sandbox; /dev/shm there is small.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height, "--lang=en-GB", "--no-first-run", "--disable-extensions");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver().orElseThrow().toFile()).usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().window().setSize(new Dimension(width, height));
        return chrome;
    }

    private static Optional<Path> browser() {
        return find("CHROME_BIN", "chromium", "chromium-browser", "google-chrome");
    }

    private static Optional<Path> driver() {
        return find("CHROMEDRIVER", "chromedriver");
    }

    private static Optional<Path> find(String variable, String... names) {
        String explicit = System.getenv(variable);
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit)).filter(Files::isExecutable);
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        return Stream.of(names).flatMap(name -> Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
    }
}
