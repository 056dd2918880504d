package ge.dms.command.idempotency;

import ge.dms.command.problem.ApiException;
import ge.dms.command.security.Actor;
import ge.dms.command.trace.RequestId;
import ge.dms.http.problem.FieldError;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import static ge.dms.command.persistence.jooq.Tables.IDEMPOTENCY_KEYS;

/**
 * Runs one write in one transaction and, when the caller sent an {@code Idempotency-Key},
 * claims the key in that same transaction: the first request stores its answer, a retry with
 * the same request gets that answer back without writing again, a different request under the
 * same key gets 422. Two racing requests with one key serialise on the key's unique index.
 * Failed requests store nothing (their transaction rolls back), so they may be retried.
 */
@Singleton
public class CommandRunner {

    public static final String HEADER = "Idempotency-Key";
    /** One line per committed command, at DEBUG: the request's id and order id are in the MDC. */
    private static final Logger TRACE = LoggerFactory.getLogger(RequestId.TRACE_LOGGER);
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final DSLContext dsl;
    private final JsonMapper json;

    public CommandRunner(DSLContext dsl, JsonMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    /**
     * @param operation what is being done, e.g. {@code POST /api/orders/7/confirm v3}: part of the fingerprint
     * @param input     the request body (or null): part of the fingerprint
     */
    public <T> CommandReply<T> run(Actor actor, String key, String operation, Object input, Class<T> bodyType,
                                   Function<DSLContext, CommandReply<T>> work) {
        CommandReply<T> reply = runOnce(actor, key, operation, input, bodyType, work);
        if (TRACE.isDebugEnabled()) {
            TRACE.debug("{} by {} {}: {}", operation, actor.key(), reply.replayed() ? "replayed" : "committed", reply.writeToken());
        }
        return reply;
    }

    private <T> CommandReply<T> runOnce(Actor actor, String key, String operation, Object input, Class<T> bodyType,
                                        Function<DSLContext, CommandReply<T>> work) {
        if (key == null) {
            return dsl.transactionResult(cfg -> work.apply(cfg.dsl()));
        }
        if (!KEY.matcher(key).matches()) {
            throw ApiException.badRequest("Idempotency-Key must be 1 to 255 visible ASCII characters",
                    List.of(new FieldError(HEADER, "must be 1 to 255 visible ASCII characters")));
        }
        String fingerprint = fingerprint(operation, input);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var claimed = tx.insertInto(IDEMPOTENCY_KEYS)
                    .set(IDEMPOTENCY_KEYS.CALLER, actor.key())
                    .set(IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY, key)
                    .set(IDEMPOTENCY_KEYS.REQUEST_HASH, fingerprint)
                    .onConflictDoNothing()
                    .returning(IDEMPOTENCY_KEYS.ID)
                    .fetchOptional();
            if (claimed.isEmpty()) {
                return replay(tx, actor, key, fingerprint, bodyType);
            }
            CommandReply<T> reply = work.apply(tx);
            tx.update(IDEMPOTENCY_KEYS)
                    .set(IDEMPOTENCY_KEYS.RESPONSE_STATUS, reply.status())
                    .set(IDEMPOTENCY_KEYS.RESPONSE_BODY, write(reply.body()))
                    .set(IDEMPOTENCY_KEYS.RESPONSE_ETAG, reply.etag())
                    .set(IDEMPOTENCY_KEYS.WRITE_TOKEN, reply.writeToken())
                    .set(IDEMPOTENCY_KEYS.LOCATION, reply.location())
                    .where(IDEMPOTENCY_KEYS.ID.eq(claimed.get().getId()))
                    .execute();
            return reply;
        });
    }

    private <T> CommandReply<T> replay(DSLContext tx, Actor actor, String key, String fingerprint, Class<T> bodyType) {
        var stored = tx.selectFrom(IDEMPOTENCY_KEYS)
                .where(IDEMPOTENCY_KEYS.CALLER.eq(actor.key()), IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY.eq(key))
                .fetchSingle();
        if (!stored.getRequestHash().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException(key);
        }
        try {
            T body = json.readValue(stored.getResponseBody(), bodyType);
            return new CommandReply<>(stored.getResponseStatus(), body, stored.getWriteToken(), stored.getLocation(),
                    stored.getResponseEtag(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String fingerprint(String operation, Object input) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(write(input).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return value == null ? "null" : json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
