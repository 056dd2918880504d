package ge.dms.schemas;

import ge.dms.schemas.event.OrderEvent;
import ge.dms.schemas.event.ProjectionDeadLetter;
import ge.dms.schemas.serde.IdKeySerde;
import ge.dms.schemas.serde.JsonSerde;
import ge.dms.schemas.view.OrderView;
import org.apache.kafka.common.serialization.Serdes;

import java.util.List;

/**
 * The topics the projections write, and the CDC topics they read, under one prefix (empty in
 * production, a test's namespace in tests).
 *
 * @param prefix      what every name starts with
 * @param cdc         the change topics consumed
 * @param orderViews  compacted, keyed by order id: the latest {@link OrderView} of every order
 * @param orderEvents keyed by order id: {@link OrderEvent}s derived from the status change log
 * @param deadLetter  keyed by source topic: input records that could not be used
 */
public record ProjectionTopics(String prefix,
                               CdcTopics cdc,
                               Topic<Long, OrderView> orderViews,
                               Topic<Long, OrderEvent> orderEvents,
                               Topic<String, ProjectionDeadLetter> deadLetter) {

    public static final Topic<Long, OrderView> ORDER_VIEWS =
            new Topic<>("dms.views.orders", new IdKeySerde(), new JsonSerde<>(OrderView.class));
    public static final Topic<Long, OrderEvent> ORDER_EVENTS =
            new Topic<>("dms.events.orders", new IdKeySerde(), new JsonSerde<>(OrderEvent.class));
    public static final Topic<String, ProjectionDeadLetter> DEAD_LETTER =
            new Topic<>("dms.projections.dead-letter", new Serdes.StringSerde(),
                    new JsonSerde<>(ProjectionDeadLetter.class));

    /** What production uses. */
    public static ProjectionTopics standard() {
        return withPrefix("");
    }

    public static ProjectionTopics withPrefix(String prefix) {
        String p = prefix == null ? "" : prefix;
        return new ProjectionTopics(p, Topics.withPrefix(p), ORDER_VIEWS.withPrefix(p),
                ORDER_EVENTS.withPrefix(p), DEAD_LETTER.withPrefix(p));
    }

    /** The names of the topics written here (not the CDC ones). */
    public List<String> outputNames() {
        return List.of(orderViews.name(), orderEvents.name(), deadLetter.name());
    }
}
