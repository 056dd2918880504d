package ge.dms.command.party;

import ge.dms.command.idempotency.CommandReply;
import ge.dms.command.idempotency.CommandRunner;
import ge.dms.command.idempotency.WriteToken;
import ge.dms.command.persistence.jooq.tables.records.DriversRecord;
import ge.dms.command.persistence.jooq.tables.records.RestaurantsRecord;
import ge.dms.command.problem.ApiException;
import ge.dms.command.security.Actor;
import ge.dms.command.trace.RequestId;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;

import static ge.dms.command.persistence.jooq.Tables.DRIVERS;
import static ge.dms.command.persistence.jooq.Tables.RESTAURANTS;

/** Restaurants and drivers: create, update, deactivate (admin). */
@Singleton
public class PartyService {

    private final CommandRunner runner;

    public PartyService(CommandRunner runner) {
        this.runner = runner;
    }

    public CommandReply<PartyResult> saveRestaurant(Actor actor, Long id, RestaurantCommand c, String key) {
        String operation = id == null ? "POST /api/restaurants" : "PUT /api/restaurants/" + id;
        return runner.run(actor, key, operation, c, PartyResult.class, tx -> {
            RestaurantsRecord r = id == null ? tx.newRecord(RESTAURANTS) : restaurant(tx, id);
            r.setName(c.name().strip());
            r.setAddress(c.address().strip());
            r.setCity(c.city().strip());
            r.setRegion(c.region());
            r.setPhone(c.phone());
            if (id == null) {
                r.setActive(true);
            }
            r.setUpdatedAt(OffsetDateTime.now());
            r.setUpdatedByRole(actor.role().value());
            r.setUpdatedById(actor.id());
            r.setRequestId(RequestId.current());
            r.store();
            return reply(tx, "restaurant", id == null, new PartyResult(r.getId(), r.getName(), r.getPhone(), r.getActive()));
        });
    }

    public CommandReply<PartyResult> saveDriver(Actor actor, Long id, DriverCommand c, String key) {
        String operation = id == null ? "POST /api/drivers" : "PUT /api/drivers/" + id;
        return runner.run(actor, key, operation, c, PartyResult.class, tx -> {
            DriversRecord d = id == null ? tx.newRecord(DRIVERS) : driver(tx, id);
            d.setName(c.name().strip());
            d.setPhone(c.phone());
            d.setVehicle(c.vehicle());
            if (id == null) {
                d.setActive(true);
            }
            d.setUpdatedAt(OffsetDateTime.now());
            d.setUpdatedByRole(actor.role().value());
            d.setUpdatedById(actor.id());
            d.setRequestId(RequestId.current());
            d.store();
            return reply(tx, "driver", id == null, new PartyResult(d.getId(), d.getName(), d.getPhone(), d.getActive()));
        });
    }

    public CommandReply<PartyResult> setRestaurantActive(Actor actor, long id, boolean active, String key) {
        return runner.run(actor, key, "POST /api/restaurants/" + id + "/active=" + active, null, PartyResult.class, tx -> {
            RestaurantsRecord r = restaurant(tx, id);
            r.setActive(active);
            r.setUpdatedAt(OffsetDateTime.now());
            r.setUpdatedByRole(actor.role().value());
            r.setUpdatedById(actor.id());
            r.setRequestId(RequestId.current());
            r.store();
            return reply(tx, "restaurant", false, new PartyResult(r.getId(), r.getName(), r.getPhone(), r.getActive()));
        });
    }

    public CommandReply<PartyResult> setDriverActive(Actor actor, long id, boolean active, String key) {
        return runner.run(actor, key, "POST /api/drivers/" + id + "/active=" + active, null, PartyResult.class, tx -> {
            DriversRecord d = driver(tx, id);
            d.setActive(active);
            d.setUpdatedAt(OffsetDateTime.now());
            d.setUpdatedByRole(actor.role().value());
            d.setUpdatedById(actor.id());
            d.setRequestId(RequestId.current());
            d.store();
            return reply(tx, "driver", false, new PartyResult(d.getId(), d.getName(), d.getPhone(), d.getActive()));
        });
    }

    private static CommandReply<PartyResult> reply(DSLContext tx, String entity, boolean created, PartyResult result) {
        String token = WriteToken.of(tx, entity, result.id(), null);
        return created ? CommandReply.created(result, token, "/api/" + entity + "s/" + result.id(), null)
                : CommandReply.ok(result, token, null);
    }

    private static RestaurantsRecord restaurant(DSLContext tx, long id) {
        RestaurantsRecord r = tx.selectFrom(RESTAURANTS).where(RESTAURANTS.ID.eq(id)).forUpdate().fetchOne();
        if (r == null) {
            throw ApiException.notFound("restaurant", id);
        }
        return r;
    }

    private static DriversRecord driver(DSLContext tx, long id) {
        DriversRecord d = tx.selectFrom(DRIVERS).where(DRIVERS.ID.eq(id)).forUpdate().fetchOne();
        if (d == null) {
            throw ApiException.notFound("driver", id);
        }
        return d;
    }
}
