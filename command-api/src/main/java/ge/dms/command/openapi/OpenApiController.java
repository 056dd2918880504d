package ge.dms.command.openapi;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.Router;

import java.io.IOException;

/** Serves the OpenAPI document at {@code /openapi.json}, to anyone. Built once, on first request. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class OpenApiController {

    private final Router router;
    private final JsonMapper json;
    private volatile String document;

    public OpenApiController(Router router, JsonMapper json) {
        this.router = router;
        this.json = json;
    }

    @Get("/openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    public String openApi() throws IOException {
        String built = document;
        if (built == null) {
            String version = getClass().getPackage().getImplementationVersion();
            built = json.writeValueAsString(OpenApiDocument.build(router.uriRoutes().toList(), version == null ? "dev" : version));
            document = built;
        }
        return built;
    }
}
