package ge.dms.devstack.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ge.dms.bench.Bench;
import ge.dms.devstack.launcher.demo.DemoAccounts;
import ge.dms.devstack.tokens.DevTokens;
import ge.dms.devstack.test.WithDevStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The three web pages in a real browser (headless Chromium through Selenium) against the whole
 * platform: a restaurant places an order and sees it on its board; the dispatcher confirms and
 * assigns it; the driver's page shows it live, loses its connection (a TCP proxy between that
 * browser and the platform cuts it), misses two changes and shows them after reconnecting; a
 * stale dispatcher action shows the conflict; the analytics charts hold the API's figures; a
 * restaurant cannot see another restaurant's orders. Each screen is saved to docs/screenshots/.
 * Skipped (assumption, reason in the log) when the host has no Chromium.
 */
@WithDevStack
@ExtendWith(SharedPlatform.Extension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPagesIT {

    /** Commit to screen crosses CDC, Kafka, Streams, Redis and a live feed; generous on a loaded 2-core machine. */
    private static final Duration LIVE = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private SharedPlatform shared;
    private Platform platform;
    private CommandClient commands;
    private QueryClient queries;
    private Browser restaurant;
    private Browser dispatcher;
    private Browser driver;
    private CuttableProxy driverLink;
    private long restaurantId;
    private long driverId;
    private String admin;
    private String reference;
    private long orderId;

    @BeforeAll
    void start(SharedPlatform shared) throws Exception {
        Browser.assumeChromium();
        this.shared = shared;
        platform = shared.platform();
        commands = new CommandClient(platform.commandApi());
        queries = new QueryClient(platform.queryApi());
        restaurantId = shared.demo().restaurantIds().getFirst();
        driverId = shared.demo().driverIds().getFirst();
        admin = DevTokens.mint(shared.secret(), "admin", null);
        restaurant = Browser.open(platform.webPages(), 1400, 1000);
        dispatcher = Browser.open(platform.webPages(), 1400, 1000);
        driverLink = new CuttableProxy(platform.queryApi());
        driver = Browser.open(driverLink.uri(), 412, 915); // a phone
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {restaurant, dispatcher, driver, driverLink}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private static DemoAccounts.Account account(String role) {
        return DemoAccounts.ACCOUNTS_BY_ROLE.stream().filter(a -> a.role().equals(role)).findFirst().orElseThrow();
    }

    private static void signIn(Browser browser, String role, String screen) {
        DemoAccounts.Account a = account(role);
        browser.signIn(a.username(), a.password(), screen);
    }

    @Test
    @Order(1)
    void shouldPlaceAnOrderFromTheCatalogueAndSeeItOnTheBoard() {
        signIn(restaurant, "restaurant", "/restaurant");
        WebElement quantity = restaurant.find(By.cssSelector("#catalogue-rows tr input.qty"));
        quantity.sendKeys("3");
        restaurant.until(d -> !d.findElement(By.id("order-total")).getText().startsWith("0.00"));
        restaurant.find(By.id("order-address")).sendKeys("თბილისი, რუსთაველის 8");
        restaurant.find(By.id("place-order")).click();
        String placed = restaurant.until(d -> d.findElements(By.cssSelector("#toasts .toast")).stream()
                .map(WebElement::getText).findFirst().orElse(null));
        Matcher m = Pattern.compile("Order (\\S+) placed").matcher(placed);
        assertThat(m.find()).as(placed).isTrue();
        reference = m.group(1);

        // On the board live (SSE), without reloading the page.
        String row = (String) restaurant.until(d -> restaurant.script("for (const r of document.querySelectorAll('#board-rows tr'))"
                + " if (r.querySelector('.ref').textContent === arguments[0]) return r.dataset.orderId + ':' + r.dataset.status; return null;",
                reference), LIVE);
        orderId = Long.parseLong(row.substring(0, row.indexOf(':')));
        assertThat(row).endsWith(":pending");
        assertThat(restaurant.find(By.id("live-state")).getDomAttribute("data-state")).isEqualTo("live");
        assertThat(restaurant.find(By.id("data-age")).getDomAttribute("data-age-ms")).isNotBlank();
        restaurant.script("window.scrollTo(0, 0)");
        restaurant.screenshot("restaurant");
        assertThat(restaurant.scriptErrors()).isEmpty();
    }

    @Test
    @Order(2)
    void shouldConfirmAndAssignOnTheDispatcherPageWhileTheDriverSeesItLive() {
        signIn(driver, "driver", "/driver");
        driver.until(d -> "live".equals(d.findElement(By.id("live-state")).getDomAttribute("data-state")));
        signIn(dispatcher, "admin", "/dispatch");
        clickInRow(reference, "pending", "button.action-confirm");
        clickInRow(reference, "confirmed", "button.action-assign");
        WebElement picker = dispatcher.find(By.id("driver-choice"));
        assertThat(picker.getText()).contains("active");
        new Select(picker).selectByValue(String.valueOf(driverId));
        dispatcher.find(By.id("driver-ok")).click();
        dispatcher.until(d -> String.valueOf(assignLabel(reference)).startsWith("Reassign"), LIVE);
        dispatcher.screenshot("dispatch");

        // The driver's page gets it over the WebSocket, without a reload.
        delivery("confirmed");
        assertThat(driver.find(By.id("deliveries")).getText()).contains(reference);
        driver.screenshot("driver");
        assertThat(dispatcher.scriptErrors()).isEmpty();
        assertThat(driver.scriptErrors()).isEmpty();
    }

    @Test
    @Order(3)
    void shouldShowTheChangesMissedWhileTheDriversConnectionWasCut() throws Exception {
        long version = delivery("confirmed");
        driverLink.cut();
        driver.until(d -> "reconnecting".equals(d.findElement(By.id("live-state")).getDomAttribute("data-state")), LIVE);
        // The server saw the socket go: no driver feed open anywhere (the other tests' browsers hold board feeds only).
        await().atMost(LIVE).until(() -> metric(scrape(), "dms_live_clients", "feed=\"driver\"") == 0);
        double resumes = metric(scrape(), "dms_live_resumes_total", "feed=\"driver\"");
        driver.screenshot("driver-reconnecting");

        version = commands.act(orderId, "start-preparing", version, admin, null);
        version = commands.act(orderId, "mark-ready", version, admin, null);
        long ready = version;
        // Both changes reached the views (and so the driver's stream) while the page was cut off.
        await().atMost(LIVE).until(() -> queries.get("/api/orders/" + orderId, admin).path("version").asLong() == ready);
        assertThat(deliveryState()).isEqualTo("confirmed:" + (ready - 2));

        driverLink.restore();
        assertThat(delivery("ready")).isEqualTo(ready);
        driver.until(d -> "live".equals(d.findElement(By.id("live-state")).getDomAttribute("data-state")), LIVE);
        // It came back by resuming from its cursor, not by a fresh start.
        assertThat(metric(scrape(), "dms_live_resumes_total", "feed=\"driver\"")).isGreaterThan(resumes);

        clickDelivery("button.pick-up");
        delivery("out_for_delivery");
        clickDelivery("button.deliver");
        driver.until(d -> d.findElements(By.cssSelector("#deliveries [data-order-id='" + orderId + "']")).isEmpty(), LIVE);
    }

    @Test
    @Order(4)
    void shouldShowAStaleDispatcherActionAsAConflictAndReload() throws Exception {
        String restaurantToken = DevTokens.mint(shared.secret(), "restaurant", restaurantId);
        JsonNode placed = commands.place(restaurantToken, 1);
        long id = placed.path("id").asLong();
        String ref = placed.path("reference").asText();
        clickInRow(ref, "pending", "button.action-cancel");
        dispatcher.find(By.id("reason-input")).sendKeys("restaurant called to cancel");
        // While the dialog is open (holding the version it was opened on) another dispatcher confirms it.
        commands.act(id, "confirm", placed.path("version").asLong(), admin, null);
        queueRow(ref, "confirmed"); // the page saw the change live...
        dispatcher.find(By.id("reason-ok")).click(); // ...but the cancel was chosen on the old version
        String conflict = dispatcher.until(d -> d.findElements(By.cssSelector("#toasts .toast.conflict")).stream()
                .map(WebElement::getText).findFirst().orElse(null));
        assertThat(conflict).startsWith("Changed meanwhile, reloaded");
        dispatcher.screenshot("dispatch-conflict");
        assertThat(queries.get("/api/orders/" + id, admin).path("status").asText()).isEqualTo("confirmed");
        // The reload reads the read side, which may still be behind the live feed: the page keeps the newer row it saw.
        queueRow(ref, "confirmed");
    }

    @Test
    @Order(5)
    void shouldDrawTheAnalyticsChartsWithTheApisFigures() throws Exception {
        dispatcher.go("/dispatch");
        new Select(dispatcher.find(By.id("analytics-preset"))).selectByValue("182"); // six months
        dispatcher.present(By.cssSelector("#analytics-restaurant option[value='" + restaurantId + "']"));
        new Select(dispatcher.find(By.id("analytics-restaurant"))).selectByValue(String.valueOf(restaurantId));
        // The figures the API gives for the page's range equal the charts' (the orders of the tests before
        // may still be reaching analytics: until both agree, the page is asked to load them again).
        await().atMost(LIVE).pollInterval(Duration.ofSeconds(1)).until(this::chartsShowTheApisFigures);
        dispatcher.script("document.getElementById('analytics').scrollIntoView()");
        dispatcher.screenshot("analytics");

        // The export is a plain link the browser downloads with its cookie.
        assertThat(dispatcher.fetchStatus(dispatcher.find(By.id("csv-export")).getDomAttribute("href"))).isEqualTo(200);
    }

    @Test
    @Order(6)
    void shouldNotShowARestaurantAnotherRestaurantsOrders() throws Exception {
        long other = shared.demo().restaurantIds().get(1);
        JsonNode foreign = commands.place(DevTokens.mint(shared.secret(), "restaurant", other), 1);
        String foreignRef = foreign.path("reference").asText();
        long foreignId = foreign.path("id").asLong();
        // It is in the views (the dispatcher sees it) ...
        queueRow(foreignRef, "pending");
        // ... but not on the first restaurant's page, live or after a reload, nor through search.
        restaurant.go("/restaurant");
        restaurant.find(By.cssSelector("#board-rows tr"));
        assertThat(restaurant.find(By.id("board-rows")).getText()).doesNotContain(foreignRef);
        restaurant.find(By.id("board-search")).sendKeys(foreignRef);
        restaurant.until(d -> foreignRef.equals(d.findElement(By.id("board-rows")).getDomAttribute("data-loaded-for")));
        assertThat(restaurant.find(By.id("board-rows")).getText()).doesNotContain(foreignRef);
        // And the page's own session cannot read it by asking directly.
        assertThat(restaurant.fetchStatus("/api/restaurants/" + other + "/orders")).isEqualTo(403);
        assertThat(restaurant.fetchStatus("/api/orders/" + foreignId)).isIn(403L, 404L);
        assertThat(restaurant.fetchStatus("/api/dispatch/orders")).isEqualTo(403);
    }

    @Test
    @Order(7)
    void shouldTimeTheScreensWithTheBenchPagesScenario(@TempDir Path results) throws Exception {
        StringWriter printed = new StringWriter();
        CommandLine bench = Bench.commandLine();
        bench.setOut(new PrintWriter(printed, true));
        bench.setErr(new PrintWriter(printed, true));
        int exit = bench.execute("pages", "--quick", "--no-progress", "--results-dir=" + results, "--query-api=" + platform.webPages(),
                "--jwt-secret-file=" + shared.secretFile(), "--restaurant=" + restaurantId,
                "--postgres-url=" + shared.infrastructure().endpoints().writeDatabase().jdbcUrl(),
                "--postgres-user=" + shared.infrastructure().endpoints().writeDatabase().user(),
                "--postgres-password=" + shared.infrastructure().endpoints().writeDatabase().password());
        assertThat(exit).as(printed.toString()).isZero();
        JsonNode pages = new ObjectMapper().readTree(results.resolve("pages.json").toFile());
        assertThat(pages.path("figures").path("scriptErrors")).as("script errors while timed").isEmpty();
        assertThat(pages.path("figures").path("ordersOnWriteSide").asLong()).as("orders counted on the write side").isPositive();
        Map<String, Long> counts = new TreeMap<>();
        pages.path("series").forEach(s -> counts.put(s.path("name").asText(), s.path("count").asLong()));
        assertThat(counts).containsEntry("cold dispatcher: board first page", 1L).containsEntry("cold dispatcher: charts (last 30 days)", 1L)
                .containsEntry("warm dispatcher: charts after choosing 6 months", 3L).containsEntry("warm restaurant: board first page", 3L);
    }

    // ---- helpers ----

    private boolean chartsShowTheApisFigures() throws Exception {
        String href = dispatcher.driver().findElement(By.id("csv-export")).getDomAttribute("href");
        List<Object> revenueBars = chartData("chart-revenue");
        if (href == null || !href.contains("from=") || revenueBars == null) {
            return false;
        }
        Map<String, String> range = queryOf(href);
        String scope = "from=" + range.get("from") + "&to=" + range.get("to") + "&restaurantId=" + restaurantId;
        JsonNode kpis = queries.get("/api/analytics/kpis?" + scope, admin);
        JsonNode revenue = queries.get("/api/analytics/revenue/daily?" + scope, admin);
        List<Double> perDay = new ArrayList<>();
        revenue.path("days").forEach(day -> perDay.add(day.path("revenue").asDouble()));
        JsonNode pickup = kpis.path("deliveryTime").path("pickupToDelivery");
        boolean equal = range.get("from").compareTo(range.get("to")) < 0 && kpis.path("orders").asLong() > 0
                && statusFigures().equals(statuses(kpis)) && numbers(revenueBars).equals(perDay)
                && Arrays.asList(nullable(pickup.path("p50MinutesAtMost")), nullable(pickup.path("p90MinutesAtMost")))
                .equals(chartData("chart-delivery"))
                && dispatcher.find(By.id("analytics-figures")).getText().contains(kpis.path("orders").asText() + " orders");
        if (!equal) {
            dispatcher.script("document.getElementById('analytics-restaurant').dispatchEvent(new Event('change'))");
        }
        return equal;
    }

    /** Waits until the dispatcher's row for a reference shows the status (live, or after the page reloaded it). */
    private void queueRow(String ref, String status) {
        dispatcher.until(d -> status.equals(dispatcher.script("for (const r of document.querySelectorAll('#queue-rows tr'))"
                + " if (r.querySelector('.ref').textContent === arguments[0]) return r.dataset.status; return null;", ref)), LIVE);
    }

    /** Clicks a button in the dispatcher's row for a reference (found afresh: rows are re-rendered as changes arrive). */
    private void clickInRow(String ref, String status, String button) {
        queueRow(ref, status);
        dispatcher.until(d -> {
            WebElement row = d.findElements(By.cssSelector("#queue-rows tr")).stream()
                    .filter(r -> r.findElement(By.cssSelector(".ref")).getText().equals(ref)).findFirst().orElseThrow();
            return clicked(row.findElement(By.cssSelector(button)));
        });
    }

    private String assignLabel(String ref) {
        return (String) dispatcher.script("for (const r of document.querySelectorAll('#queue-rows tr'))"
                + " if (r.querySelector('.ref').textContent === arguments[0]) { const b = r.querySelector('.action-assign'); return b ? b.textContent : null; }"
                + " return null;", ref);
    }

    /** The driver page's card for the test's order as {@code status:version}, or null while there is none. */
    private String deliveryState() {
        return (String) driver.script("const c = document.querySelector(`#deliveries [data-order-id='${arguments[0]}']`);"
                + " return c ? c.dataset.status + ':' + c.dataset.version : null;", orderId);
    }

    /** Waits for the driver's card in that status; returns its version. */
    private long delivery(String status) {
        String state = driver.until(d -> {
            String s = deliveryState();
            return s != null && s.startsWith(status + ":") ? s : null;
        }, LIVE);
        return Long.parseLong(state.substring(state.indexOf(':') + 1));
    }

    private void clickDelivery(String button) {
        driver.until(d -> {
            return clicked(d.findElement(By.cssSelector("#deliveries [data-order-id='" + orderId + "'] " + button)));
        });
    }

    /**
     * Clicks, or says it could not yet: a toast of the previous action can lie over the button for a moment (it fades),
     * and a user would click again once it has gone; so does the wait around this.
     */
    private static boolean clicked(WebElement button) {
        try {
            button.click();
            return true;
        } catch (org.openqa.selenium.ElementClickInterceptedException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object> chartData(String id) {
        Object data = dispatcher.script("const c = window.echarts && echarts.getInstanceByDom(document.getElementById(arguments[0]));"
                + "if (!c) return null; const s = c.getOption().series; return s && s.length ? s[0].data.map(x => x === null || typeof x !== 'object' ? x : x.value) : null;", id);
        return (List<Object>) data;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> statusFigures() {
        List<Map<String, Object>> data = (List<Map<String, Object>>) dispatcher.script(
                "const c = echarts.getInstanceByDom(document.getElementById('chart-status'));"
                        + "return c ? c.getOption().series[0].data : [];");
        Map<String, Long> figures = new TreeMap<>();
        data.forEach(slice -> figures.put((String) slice.get("name"), ((Number) slice.get("value")).longValue()));
        return figures;
    }

    private static Map<String, Long> statuses(JsonNode kpis) {
        Map<String, Long> figures = new TreeMap<>();
        kpis.path("statusDistribution").properties().forEach(e -> figures.put(e.getKey(), e.getValue().asLong()));
        return figures;
    }

    private static List<Double> numbers(List<Object> values) {
        return values.stream().map(v -> ((Number) v).doubleValue()).toList();
    }

    private static Object nullable(JsonNode value) {
        return value.isNull() || value.isMissingNode() ? null : value.asLong();
    }

    private static Map<String, String> queryOf(String href) {
        Map<String, String> params = new TreeMap<>();
        String query = URI.create("http://x" + href).getQuery();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        return params;
    }

    private String scrape() {
        try {
            return http.send(HttpRequest.newBuilder(platform.queryApi().resolve("/metrics")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static double metric(String metrics, String name, String label) {
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        double sum = 0;
        while (m.find()) {
            if (m.group(1).contains(label)) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }
}
