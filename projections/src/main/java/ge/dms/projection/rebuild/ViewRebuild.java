package ge.dms.projection.rebuild;

import ge.dms.projection.Projections;
import ge.dms.projection.ProjectionsConfig;
import ge.dms.projection.readstore.ReadStore;
import ge.dms.readmodel.ReadSideSql;
import ge.dms.schemas.view.RedisKeys;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import static ge.dms.readmodel.jooq.Tables.ANALYTICS_DAILY;
import static ge.dms.readmodel.jooq.Tables.ORDER_HISTORY;
import static ge.dms.readmodel.jooq.Tables.ORDER_VIEW;
import static ge.dms.readmodel.jooq.Tables.ORDER_VIEW_ITEM;

/**
 * Drops every view so that the next {@link Projections#start} rebuilds it from the Kafka change
 * topics. Run it with the projections stopped. What it resets: the order view and analytics
 * Streams applications (consumer groups, internal topics, local state), the read-side consumer
 * groups (views, order history), the projections' Redis keys (order, restaurant, driver, analytics,
 * dispatch under the prefix) and the read-side tables. What it keeps: the order events application and topic (events are not a
 * view; consumers dedupe by eventId) and the compacted view topic (re-emitted views are newer or
 * equal, so readers that apply by version ignore what they already hold).
 */
public final class ViewRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(ViewRebuild.class);

    private ViewRebuild() {
    }

    public static void dropViews(ProjectionsConfig config) {
        String app = config.applicationId();
        List<String> applications = List.of(Projections.ORDER_VIEWS.apply(app), Projections.ANALYTICS.apply(app));
        resetKafka(config.kafkaBootstrap(), applications,
                List.of(Projections.READ_STORE.apply(app), Projections.ORDER_HISTORY.apply(app)));
        for (String application : applications) {
            deleteDirectory(config.stateDir().resolve(application));
        }
        dropRedisKeys(config.redisUrl(), config.redisKeyPrefix());
        truncateReadSide(new ReadStore(config.readJdbcUrl(), config.readUser(), config.readPassword()));
        LOG.info("Views dropped; start the projections to rebuild them from Kafka");
    }

    public static void main(String[] args) {
        dropViews(ProjectionsConfig.fromEnvironment(System.getenv()));
    }

    private static void resetKafka(String bootstrap, List<String> applications, List<String> readSideGroups) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            List<String> groups = new ArrayList<>(applications);
            groups.addAll(readSideGroups);
            for (String group : groups) {
                try {
                    admin.deleteConsumerGroups(List.of(group)).all().get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof GroupNotEmptyException) {
                        throw new IllegalStateException("group " + group + " still has members: stop the projections first", e.getCause());
                    }
                    if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                        throw new IllegalStateException("cannot delete consumer group " + group, e.getCause());
                    }
                }
            }
            Set<String> topics = admin.listTopics().names().get();
            List<String> internal = topics.stream()
                    .filter(t -> applications.stream().anyMatch(a -> t.startsWith(a + "-")))
                    .filter(t -> t.endsWith("-changelog") || t.endsWith("-repartition") || t.endsWith("-topic"))
                    .toList();
            admin.deleteTopics(internal).all().get();
            LOG.info("Deleted groups {} and internal topics {}", groups, internal);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot reset the Streams applications", e.getCause());
        }
    }

    private static void dropRedisKeys(String redisUrl, String prefix) {
        RedisClient client = RedisClient.create(redisUrl);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            long dropped = 0;
            for (String pattern : new RedisKeys(prefix).orderViewPatterns()) {
                ScanCursor cursor = ScanCursor.INITIAL;
                do {
                    KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(pattern).limit(1000));
                    if (!page.getKeys().isEmpty()) {
                        dropped += redis.unlink(page.getKeys().toArray(String[]::new));
                    }
                    cursor = page;
                } while (!cursor.isFinished());
            }
            LOG.info("Dropped {} Redis keys under '{}'", dropped, prefix);
        } finally {
            client.shutdown();
        }
    }

    private static void truncateReadSide(ReadStore store) {
        store.migrate();
        try (Connection c = store.connect()) {
            ReadSideSql.using(c).truncate(ORDER_VIEW_ITEM, ORDER_VIEW, ANALYTICS_DAILY, ORDER_HISTORY).execute();
            c.commit();
        } catch (SQLException | DataAccessException e) {
            throw new IllegalStateException("cannot truncate the read-side views", e);
        }
    }

    private static void deleteDirectory(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete state directory " + dir, e);
        }
    }
}
