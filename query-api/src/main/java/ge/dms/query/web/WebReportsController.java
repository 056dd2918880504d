package ge.dms.query.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import ge.dms.query.http.ApiException;
import ge.dms.schemas.serde.Json;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code POST /web/reports}: what each page measures about itself, counted in {@code /metrics}:
 * {@code {"page":"dispatch","kind":"load","seconds":0.42}} (navigation start to the first data on
 * screen) into the histogram {@code dms_web_page_load_seconds{page}}, and
 * {@code {"page":"driver","kind":"error","message":"…"}} (an uncaught script error or rejection) into
 * {@code dms_web_script_errors_total{page}}, its message logged. No token: the sign-in page reports
 * too. Only the known pages are series (bounded cardinality); anything else is a 400 problem.
 */
@Controller("/web/reports")
public class WebReportsController {

    private static final Logger LOG = LoggerFactory.getLogger(WebReportsController.class);
    private static final double MAX_LOAD_SECONDS = 600;
    private static final int MAX_MESSAGE = 300;
    /** A key twice is refused, as on every JSON body the services read (service-support's StrictJson). */
    private static final ObjectReader STRICT = Json.mapper().reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Map<String, Timer> loads = new HashMap<>();
    private final Map<String, Counter> errors = new HashMap<>();

    public WebReportsController(MeterRegistry registry) {
        for (String page : WebAssets.PAGES) {
            loads.put(page, Timer.builder("dms.web.page.load").description("web page load: navigation start to first data shown")
                    .tag("page", page).publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(10))
                    .maximumExpectedValue(Duration.ofSeconds(60)).register(registry));
            errors.put(page, Counter.builder("dms.web.script.errors").description("uncaught script errors reported by the web pages")
                    .tag("page", page).register(registry));
        }
    }

    @Post
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public HttpResponse<Void> report(@Body String body) {
        JsonNode report = parse(body);
        String page = text(report, "page");
        if (!loads.containsKey(page)) {
            throw ApiException.badRequest("page", "page must be one of " + WebAssets.PAGES + ", got '" + page + "'");
        }
        switch (text(report, "kind")) {
            case "load" -> {
                JsonNode seconds = report.get("seconds");
                if (seconds == null || !seconds.isNumber() || seconds.asDouble() < 0 || seconds.asDouble() > MAX_LOAD_SECONDS) {
                    throw ApiException.badRequest("seconds", "seconds must be a number from 0 to " + (int) MAX_LOAD_SECONDS);
                }
                loads.get(page).record(Duration.ofNanos((long) (seconds.asDouble() * 1e9)));
            }
            case "error" -> {
                String message = report.path("message").asText("");
                errors.get(page).increment();
                LOG.warn("script error on the {} page: {}", page, message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message);
            }
            default -> throw ApiException.badRequest("kind", "kind must be load or error");
        }
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = body == null ? null : STRICT.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiException.badRequest("body", "the report must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            // The parser's own words name the place or the repeated key ("Duplicate field 'page'").
            throw ApiException.badRequest("body", "the report is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode report, String field) {
        JsonNode value = report.get(field);
        if (value == null || !value.isTextual()) {
            throw ApiException.badRequest(field, field + " is required (text)");
        }
        return value.asText();
    }
}
