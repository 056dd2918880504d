package ge.dms.projection.catalogue;

import ge.dms.projection.source.RowParser;
import ge.dms.projection.source.SourceStreams;
import ge.dms.schemas.ProjectionTopics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Named;

/**
 * The catalogue and party views, an application of their own so catalogue edits never queue on the order
 * view's stream thread or widen its transactions. Stateless: every row goes to the sink as it comes, and
 * the sinks keep only what is newer by LSN, so a replay (after a crash, or from the beginning) converges.
 */
public final class CatalogueProjection {

    private CatalogueProjection() {
    }

    /**
     * Consumes the {@code products}, {@code restaurants} and {@code drivers} change topics (keyed by row id);
     * emits nothing to Kafka: each parsed row goes to {@code sink} (Redis hot list, read-side tables). Unusable
     * products go to the dead-letter topic; unusable restaurants and drivers are parked by the order view
     * application, which reads the same topics (one dead letter per bad record).
     */
    public static Topology build(ProjectionTopics topics, CatalogueSink sink) {
        StreamsBuilder builder = new StreamsBuilder();
        SourceStreams.parsed(builder, topics.cdc().products(), "catalogue-products", RowParser::product,
                        topics.deadLetter())
                .foreach((id, row) -> sink.product(row), Named.as("catalogue-products-sink"));
        SourceStreams.parsed(builder, topics.cdc().restaurants(), "catalogue-restaurants",
                        RowParser::restaurantParty, null)
                .foreach((id, row) -> sink.party(row), Named.as("catalogue-restaurants-sink"));
        SourceStreams.parsed(builder, topics.cdc().drivers(), "catalogue-drivers", RowParser::driverParty, null)
                .foreach((id, row) -> sink.party(row), Named.as("catalogue-drivers-sink"));
        return builder.build();
    }
}
