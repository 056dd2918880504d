package ge.dms.query.web;

import ge.dms.query.http.ApiException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;

/**
 * The web pages (no token needed to load them: each asks {@code GET /api/me} and shows the sign-in
 * when there is no session) and their files. Pages {@code no-cache}, files a year ({@link WebAssets}).
 */
@Controller
public class PageController {

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final WebAssets assets;

    public PageController(WebAssets assets) {
        this.assets = assets;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<String> signIn() {
        return page("signin");
    }

    @Get("/{page:restaurant|dispatch|driver}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<String> screen(@PathVariable String page) {
        return page(page);
    }

    @Get("/assets/{hash}/{name}")
    public HttpResponse<byte[]> asset(@PathVariable String hash, @PathVariable String name) {
        WebAssets.Asset asset = assets.asset(hash, name)
                .orElseThrow(() -> ApiException.notFound("no asset " + name + " in build " + hash + " (this build is " + assets.fingerprint() + ")"));
        return file(asset);
    }

    @Get("/webjars/{+path}")
    public HttpResponse<byte[]> webjar(@PathVariable String path) {
        return file(assets.webjar(path).orElseThrow(() -> ApiException.notFound("no such library file: " + path)));
    }

    private HttpResponse<String> page(String name) {
        String html = assets.page(name).orElseThrow(() -> ApiException.notFound("no page " + name));
        // Revalidated on every load: it names this build's asset URLs.
        return HttpResponse.ok(html).contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .header(HttpHeaders.CACHE_CONTROL, "no-cache");
    }

    private static HttpResponse<byte[]> file(WebAssets.Asset asset) {
        return HttpResponse.ok(asset.body()).contentType(asset.contentType()).header(HttpHeaders.CACHE_CONTROL, IMMUTABLE);
    }
}
