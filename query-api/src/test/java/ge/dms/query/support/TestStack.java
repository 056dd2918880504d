package ge.dms.query.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import ge.dms.devstack.infra.PostgresEndpoint;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.projection.history.ReadStoreHistoryWriter;
import ge.dms.projection.orderview.readstore.ReadStoreOrderViewWriter;
import ge.dms.schemas.view.RedisKeys;
import ge.dms.projection.orderview.redis.RedisOrderViewWriter;
import ge.dms.projection.readstore.ReadStore;
import ge.dms.query.QueryApi;
import ge.dms.schemas.cdc.ChangeEvent;
import ge.dms.schemas.view.OrderView;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One query API on the shared servers with its own read-side database and Redis prefix, fed
 * through the projections' own sinks ({@link RedisOrderViewWriter}, {@link ReadStoreOrderViewWriter},
 * their migrations), so the contract is exercised, not re-typed.
 */
public final class TestStack implements AutoCloseable {

    public static final String SECRET = "query-api-test-secret-0123456789abcdef";

    public final QueryApi api;
    public final ReadStore readStore;
    public final RedisKeys keys;
    private final RedisClient redisClient;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisOrderViewWriter redisWriter;
    private final ReadStoreOrderViewWriter sqlWriter;
    private final ReadStoreHistoryWriter historyWriter;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestStack(QueryApi api, ReadStore readStore, RedisClient redisClient, RedisKeys keys) {
        this.api = api;
        this.readStore = readStore;
        this.keys = keys;
        this.redisClient = redisClient;
        this.connection = redisClient == null ? null : redisClient.connect();
        this.redisWriter = connection == null ? null : new RedisOrderViewWriter(connection, keys, 10_000);
        this.sqlWriter = new ReadStoreOrderViewWriter(readStore);
        this.historyWriter = new ReadStoreHistoryWriter(readStore);
    }

    /** Starts the API against Redis at {@code redisUrl}; {@code feedRedisUrl} (may be null) is where views are written. */
    public static TestStack start(TestNamespace ns, String redisUrl, String feedRedisUrl, Map<String, Object> overrides) {
        PostgresEndpoint db = ns.readDatabase();
        ReadStore readStore = new ReadStore(db.jdbcUrl(), db.user(), db.password());
        readStore.migrate();
        Map<String, Object> props = new HashMap<>();
        props.put("DMS_REDIS_URL", redisUrl);
        props.put("DMS_REDIS_KEY_PREFIX", ns.redisKeyPrefix());
        props.put("DMS_READ_POSTGRES_URL", db.jdbcUrl());
        props.put("DMS_READ_POSTGRES_USER", db.user());
        props.put("DMS_READ_POSTGRES_PASSWORD", db.password());
        props.put("DMS_JWT_SECRET", SECRET);
        props.put("DMS_QUERY_API_PORT", -1);
        props.putAll(overrides);
        QueryApi api = QueryApi.start(props);
        return new TestStack(api, readStore, feedRedisUrl == null ? null : RedisClient.create(feedRedisUrl),
                new RedisKeys(ns.redisKeyPrefix()));
    }

    public RedisOrderViewWriter redisWriter() {
        return redisWriter;
    }

    public StatefulRedisConnection<String, String> redis() {
        return connection;
    }

    /** Writes the views the way the projections do: Redis, then the read side. */
    public void write(OrderView... views) {
        for (OrderView v : views) {
            redisWriter.apply(v);
        }
        writeReadSide(List.of(views));
    }

    /** Writes the views of orders 1..{@code orders} to the read side, 5,000 to a statement batch. */
    public void writeReadSide(int orders, java.util.function.LongFunction<OrderView> viewOf) {
        List<OrderView> batch = new java.util.ArrayList<>();
        for (long id = 1; id <= orders; id++) {
            batch.add(viewOf.apply(id));
            if (batch.size() == 5_000 || id == orders) {
                writeReadSide(batch);
                batch.clear();
            }
        }
    }

    public void writeReadSide(List<OrderView> views) {
        try {
            sqlWriter.write(views);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes status log change events to {@code order_history} the way the projections' history sink does. */
    public void writeHistory(List<ChangeEvent> changes) {
        try {
            historyWriter.write(changes);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String pathAndQuery, String token, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Any method, raw bytes (null: no body), {@code contentType} null for none: what hostile-input tests send. */
    public HttpResponse<String> send(String method, String pathAndQuery, String token, String contentType, byte[] body,
                                     String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpClient http() {
        return http;
    }

    public URI uri(String pathAndQuery) {
        return URI.create(api.url().toString() + pathAndQuery);
    }

    /** A token exactly like devstack's DevTokens.mint, signed here with Nimbus directly: HS256, iss dms, sub, roles[1], dms_id, exp. */
    public static String token(String role, Long id) {
        return token(role, id, SECRET, Duration.ofHours(1));
    }

    public static String token(String role, Long id, String secret, Duration ttl) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("dms").subject(role + (id == null ? "" : ":" + id))
                .claim("roles", List.of(role)).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl)));
        if (id != null) {
            claims.claim("dms_id", id);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    @Override
    public void close() {
        api.close();
        sqlWriter.close();
        historyWriter.close();
        if (connection != null) {
            connection.close();
            redisClient.shutdown();
        }
    }
}
