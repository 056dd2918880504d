package ge.dms.command.catalog.http;

import ge.dms.command.catalog.ProductCommand;
import ge.dms.command.catalog.ProductResult;
import ge.dms.command.catalog.ProductService;
import ge.dms.command.idempotency.CommandRunner;
import ge.dms.command.idempotency.Replies;
import ge.dms.command.security.Actor;
import ge.dms.http.token.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.Valid;

/** Catalog administration (admin only). */
@Controller("/api/products")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN_ROLE)
public class ProductController {

    private final ProductService products;

    public ProductController(ProductService products) {
        this.products = products;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<ProductResult> create(@Body @Valid ProductCommand command, Authentication caller,
                                              @Nullable @Header(CommandRunner.HEADER) String idempotencyKey) {
        return Replies.toHttp(products.create(Actor.from(caller), command, idempotencyKey));
    }

    @Put("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<ProductResult> update(@PathVariable long id, @Body @Valid ProductCommand command, Authentication caller,
                                              @Nullable @Header(CommandRunner.HEADER) String idempotencyKey) {
        return Replies.toHttp(products.update(Actor.from(caller), id, command, idempotencyKey));
    }

    @Post("/{id}/deactivate")
    public HttpResponse<ProductResult> deactivate(@PathVariable long id, Authentication caller,
                                                  @Nullable @Header(CommandRunner.HEADER) String idempotencyKey) {
        return Replies.toHttp(products.setActive(Actor.from(caller), id, false, idempotencyKey));
    }

    @Post("/{id}/activate")
    public HttpResponse<ProductResult> activate(@PathVariable long id, Authentication caller,
                                                @Nullable @Header(CommandRunner.HEADER) String idempotencyKey) {
        return Replies.toHttp(products.setActive(Actor.from(caller), id, true, idempotencyKey));
    }
}
