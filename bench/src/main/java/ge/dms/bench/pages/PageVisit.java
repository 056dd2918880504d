package ge.dms.bench.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

/**
 * One browser on the platform's pages, signed in by the session cookie the sign-in page would have set,
 * reading the performance marks the pages leave once data is painted ({@code dms:first-data}, {@code dms:charts},
 * see the pages' common.js): milliseconds from the start of the navigation, as the browser counts them.
 */
final class PageVisit implements AutoCloseable {

    /** The cookie the command API's sign-in sets (service-support's SessionCookies.ACCESS), sent to every /api path. */
    private static final String ACCESS_COOKIE = "dms_access";
    private static final String LAST_MARK = "const e = performance.getEntriesByName(arguments[0]); return e.length ? e[e.length - 1].startTime : null;";

    private final ChromeDriver chrome;
    private final URI base;
    private final Duration wait;

    private PageVisit(ChromeDriver chrome, URI base, Duration wait) {
        this.chrome = chrome;
        this.base = base;
        this.wait = wait;
    }

    /** A new browser (empty profile and cache) signed in with {@code token}. */
    static PageVisit signedIn(URI base, String token, Duration wait) {
        PageVisit visit = new PageVisit(Chromium.open(1400, 1000), base, wait);
        try {
            visit.chrome.get(base.resolve("/").toString()); // a cookie can only be set for the page's own origin
            visit.chrome.manage().addCookie(new Cookie.Builder(ACCESS_COOKIE, token).path("/api").isHttpOnly(true).sameSite("Strict").build());
            return visit;
        } catch (RuntimeException e) {
            visit.close();
            throw e;
        }
    }

    /** Navigates to {@code path} and waits for every mark: each one's time from the navigation's start, in ms. */
    Map<String, Double> open(String path, List<String> marks) {
        chrome.get(base.resolve(path).toString());
        return new WebDriverWait(chrome, wait, Duration.ofMillis(20)).until(d -> {
            Map<String, Double> times = new java.util.LinkedHashMap<>();
            for (String mark : marks) {
                Object at = chrome.executeScript(LAST_MARK, mark);
                if (at == null) {
                    return null;
                }
                times.put(mark, ((Number) at).doubleValue());
            }
            return times;
        });
    }

    /**
     * Picks {@code value} in the select {@code id} of the open page and waits until the page has asked for and
     * painted its charts again: ms from the ask to the paint.
     */
    double choose(String id, String value) {
        Number before = (Number) chrome.executeScript("return performance.getEntriesByName('dms:charts').length;");
        new Select(chrome.findElement(By.id(id))).selectByValue(value);
        return new WebDriverWait(chrome, wait, Duration.ofMillis(20)).until(d -> {
            List<?> marks = (List<?>) chrome.executeScript("const c = performance.getEntriesByName('dms:charts');"
                    + " const a = performance.getEntriesByName('dms:analytics-asked');"
                    + " return c.length > arguments[0] ? [a[a.length - 1].startTime, c[c.length - 1].startTime] : null;", before);
            return marks == null ? null : ((Number) marks.get(1)).doubleValue() - ((Number) marks.get(0)).doubleValue();
        });
    }

    /** Script errors the pages logged since the last call (failed resource loads, such as the sign-in page's 401, aside). */
    List<String> scriptErrors() {
        return chrome.manage().logs().get("browser").getAll().stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).filter(m -> !m.contains("Failed to load resource")).toList();
    }

    @Override
    public void close() {
        chrome.quit();
    }
}
