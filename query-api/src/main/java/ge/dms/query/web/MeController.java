package ge.dms.query.web;

import ge.dms.query.http.Problems;
import ge.dms.http.token.Caller;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestAttribute;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/me}: who the token (or the pages' session cookie) acts for, so a page can tell
 * whether it is signed in and as whom without ever seeing the token. 401 when not signed in.
 */
@Controller("/api/me")
public class MeController {

    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> me(@RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", caller.role().name().toLowerCase(Locale.ROOT));
        body.put("partyId", caller.id());
        body.put("session", caller.sessionId() != null);
        return HttpResponse.ok(Problems.json(body)).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
