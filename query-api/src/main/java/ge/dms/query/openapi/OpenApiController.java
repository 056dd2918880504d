package ge.dms.query.openapi;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /openapi.yml}: the API description, written by hand (micronaut-openapi 7 is not
 * available for Micronaut 5 here). Public: it holds no data.
 */
@Controller
public class OpenApiController {

    private final String document;

    public OpenApiController() {
        try (InputStream in = OpenApiController.class.getResourceAsStream("/openapi/query-api.yml")) {
            if (in == null) {
                throw new IllegalStateException("openapi/query-api.yml missing from the classpath");
            }
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get("/openapi.yml")
    public HttpResponse<String> openApi() {
        return HttpResponse.ok(document).contentType(MediaType.of("application/yaml;charset=utf-8"));
    }
}
