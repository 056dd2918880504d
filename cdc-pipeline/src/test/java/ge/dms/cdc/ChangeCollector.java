package ge.dms.cdc;

import ge.dms.schemas.CdcTopics;
import ge.dms.schemas.Topic;
import ge.dms.schemas.cdc.ChangeEvent;
import ge.dms.schemas.cdc.TransactionEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** Reads every CDC topic of one prefix from the beginning, in the background, decoded with the contract serdes. */
final class ChangeCollector implements AutoCloseable {

    /** One received change with where it was read. */
    record Received(String topic, int partition, long offset, long key, ChangeEvent event) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final CdcTopics topics;
    private final List<Received> changes = new CopyOnWriteArrayList<>();
    private final List<TransactionEvent> transactions = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    ChangeCollector(String bootstrap, CdcTopics topics) {
        this.topics = topics;
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
        consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        topics.changeTopics().forEach(t -> names.add(t.name()));
        names.add(topics.transactions().name());
        for (String name : names) {
            consumer.partitionsFor(name, Duration.ofSeconds(30)).forEach(i -> partitions.add(new TopicPartition(name, i.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = Thread.ofPlatform().name("change-collector").daemon().start(this::run);
    }

    private void run() {
        Map<String, Topic<Long, ChangeEvent>> byName = topics.changeTopics().stream()
                .collect(Collectors.toMap(Topic::name, t -> t));
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    Topic<Long, ChangeEvent> topic = byName.get(r.topic());
                    if (topic != null) {
                        changes.add(new Received(r.topic(), r.partition(), r.offset(),
                                topic.keySerde().deserializer().deserialize(r.topic(), r.key()),
                                topic.valueSerde().deserializer().deserialize(r.topic(), r.value())));
                    } else {
                        transactions.add(topics.transactions().valueSerde().deserializer().deserialize(r.topic(), r.value()));
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    List<Received> changes() {
        return List.copyOf(changes);
    }

    List<ChangeEvent> events(String table) {
        return changes.stream().map(Received::event).filter(e -> e.table().equals(table)).toList();
    }

    List<ChangeEvent> events(String table, long id) {
        return changes.stream().map(Received::event).filter(e -> e.table().equals(table) && e.id() == id).toList();
    }

    List<TransactionEvent> transactions() {
        return List.copyOf(transactions);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
