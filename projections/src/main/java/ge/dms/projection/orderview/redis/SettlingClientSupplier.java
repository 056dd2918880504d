package ge.dms.projection.orderview.redis;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaClientSupplier;
import org.apache.kafka.streams.processor.internals.DefaultKafkaClientSupplier;

import java.util.Map;

/**
 * Kafka Streams' own clients, but the producer settles the committing thread's pipelined Redis writes
 * ({@link PendingSinks}) before it commits a transaction: offsets and view records become visible only once every
 * view sent to Redis before them was applied, or re-applied synchronously; if that fails, the commit fails and the
 * task is replayed from its last commit (the compare-and-set script makes the replay harmless). Without it, a write
 * that failed while Redis restarted empty (NOSCRIPT) was committed and never retried: its view and its screens'
 * message were lost ({@code ./dev bench faults}, {@code restart:redis-empty}).
 */
public final class SettlingClientSupplier implements KafkaClientSupplier {

    private final DefaultKafkaClientSupplier clients = new DefaultKafkaClientSupplier();
    private final PendingSinks pending;

    public SettlingClientSupplier(PendingSinks pending) {
        this.pending = pending;
    }

    @Override
    public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()) {
            @Override
            public void commitTransaction() {
                pending.settleCurrentThread();
                super.commitTransaction();
            }
        };
    }

    @Override
    public Admin getAdmin(Map<String, Object> config) {
        return clients.getAdmin(config);
    }

    @Override
    public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
        return clients.getConsumer(config);
    }

    @Override
    public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
        return clients.getRestoreConsumer(config);
    }

    @Override
    public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
        return clients.getGlobalConsumer(config);
    }
}
