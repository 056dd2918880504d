package ge.dms.command.catalog;

import ge.dms.command.idempotency.CommandReply;
import ge.dms.command.idempotency.CommandRunner;
import ge.dms.command.idempotency.WriteToken;
import ge.dms.command.persistence.jooq.tables.records.ProductsRecord;
import ge.dms.command.problem.ApiException;
import ge.dms.command.security.Actor;
import ge.dms.command.trace.RequestId;
import ge.dms.http.problem.FieldError;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.List;

import static ge.dms.command.persistence.jooq.Tables.PRODUCTS;

/** The catalog: create, update, deactivate products. Orders keep the name and price they were placed with. */
@Singleton
public class ProductService {

    private final CommandRunner runner;

    public ProductService(CommandRunner runner) {
        this.runner = runner;
    }

    public CommandReply<ProductResult> create(Actor actor, ProductCommand command, String idempotencyKey) {
        return runner.run(actor, idempotencyKey, "POST /api/products", command, ProductResult.class, tx -> {
            if (tx.fetchExists(PRODUCTS, PRODUCTS.SKU.eq(command.sku()))) {
                throw ApiException.invalid("SKU " + command.sku() + " is taken", List.of(new FieldError("sku", "already in use")));
            }
            ProductsRecord product = tx.newRecord(PRODUCTS);
            apply(product, command);
            product.setActive(true);
            stamp(product, actor);
            product.store();
            return CommandReply.created(toResult(product), token(tx, product), "/api/products/" + product.getId(), null);
        });
    }

    public CommandReply<ProductResult> update(Actor actor, long id, ProductCommand command, String idempotencyKey) {
        return runner.run(actor, idempotencyKey, "PUT /api/products/" + id, command, ProductResult.class, tx -> {
            ProductsRecord product = find(tx, id);
            if (!product.getSku().equals(command.sku()) && tx.fetchExists(PRODUCTS, PRODUCTS.SKU.eq(command.sku()))) {
                throw ApiException.invalid("SKU " + command.sku() + " is taken", List.of(new FieldError("sku", "already in use")));
            }
            apply(product, command);
            stamp(product, actor);
            product.store();
            return CommandReply.ok(toResult(product), token(tx, product), null);
        });
    }

    public CommandReply<ProductResult> setActive(Actor actor, long id, boolean active, String idempotencyKey) {
        String operation = "POST /api/products/" + id + (active ? "/activate" : "/deactivate");
        return runner.run(actor, idempotencyKey, operation, null, ProductResult.class, tx -> {
            ProductsRecord product = find(tx, id);
            product.setActive(active);
            product.setUpdatedAt(OffsetDateTime.now());
            stamp(product, actor);
            product.store();
            return CommandReply.ok(toResult(product), token(tx, product), null);
        });
    }

    private static ProductsRecord find(DSLContext tx, long id) {
        ProductsRecord product = tx.selectFrom(PRODUCTS).where(PRODUCTS.ID.eq(id)).forUpdate().fetchOne();
        if (product == null) {
            throw ApiException.notFound("product", id);
        }
        return product;
    }

    private static void apply(ProductsRecord product, ProductCommand command) {
        product.setSku(command.sku());
        product.setName(command.name().strip());
        product.setDescription(command.description());
        product.setCategory(command.category());
        product.setUnit(command.unit());
        product.setPrice(command.price());
        product.setUpdatedAt(OffsetDateTime.now());
    }

    /** Who made this change: it reaches the catalogue view with the row (CDC), as order changes carry theirs. */
    private static void stamp(ProductsRecord product, Actor actor) {
        product.setUpdatedByRole(actor.role().value());
        product.setUpdatedById(actor.id());
        product.setRequestId(RequestId.current());
    }

    private static String token(DSLContext tx, ProductsRecord product) {
        return WriteToken.of(tx, "product", product.getId(), null);
    }

    private static ProductResult toResult(ProductsRecord p) {
        return new ProductResult(p.getId(), p.getSku(), p.getName(), p.getDescription(), p.getCategory(), p.getUnit(),
                p.getPrice(), Boolean.TRUE.equals(p.getActive()));
    }
}
