package ge.dms.devstack.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ./dev kafka TOOL ARGS}: the Apache Kafka command-line tools from the Maven artifacts,
 * e.g. {@code ./dev kafka topics --bootstrap-server localhost:9092 --list}.
 */
@Command(name = "kafka", description = "Run a Kafka CLI tool: topics, console-producer, console-consumer, consumer-groups.")
final class KafkaToolCommand implements Callable<Integer> {

    private static final Map<String, String> TOOLS = Map.of(
            "topics", "org.apache.kafka.tools.TopicCommand",
            "console-producer", "org.apache.kafka.tools.ConsoleProducer",
            "console-consumer", "org.apache.kafka.tools.consumer.ConsoleConsumer",
            "consumer-groups", "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand");

    @Parameters(index = "0", paramLabel = "TOOL", description = "one of: topics, console-producer, console-consumer, consumer-groups")
    private String tool;

    // Everything after TOOL belongs to the tool, options included.
    @Unmatched
    private List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        String mainClass = TOOLS.get(tool);
        if (mainClass == null) {
            throw new IllegalArgumentException("unknown Kafka tool '" + tool + "'; known: " + TOOLS.keySet());
        }
        Method main = Class.forName(mainClass).getMethod("main", String[].class);
        main.invoke(null, (Object) arguments.toArray(String[]::new));
        return 0;
    }
}
