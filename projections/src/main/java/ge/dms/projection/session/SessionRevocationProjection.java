package ge.dms.projection.session;

import ge.dms.projection.source.SessionRevocationRow;
import ge.dms.projection.source.SourceStreams;
import ge.dms.schemas.ProjectionTopics;
import ge.dms.schemas.cdc.Op;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Named;

/**
 * Revoked sessions, for the query side.
 *
 * <p>Consumes {@code dms.cdc.session_revocations} (insert-only, keyed by row id); hands each
 * revocation to the {@link SessionRevocationSink} (Redis: a key that expires with the session's last
 * access token, and a publish that query-api instances listen to). Stateless: a replay writes the
 * same key again, which changes nothing. Unusable records go to the dead-letter topic.
 */
public final class SessionRevocationProjection {

    private SessionRevocationProjection() {
    }

    public static Topology build(ProjectionTopics topics, SessionRevocationSink sink) {
        StreamsBuilder builder = new StreamsBuilder();
        SourceStreams.parsed(builder, topics.cdc().sessionRevocations(), "session-revocations",
                        event -> event.op() == Op.DELETE ? null : SessionRevocationRow.parse(event), topics.deadLetter())
                .foreach((id, revocation) -> sink.revoked(revocation), Named.as("session-revocations-sink"));
        return builder.build();
    }
}
