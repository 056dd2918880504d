package ge.dms.support.problem;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.serde.jackson.SerdeJacksonConfiguration;
import jakarta.inject.Singleton;
import tools.jackson.core.StreamReadFeature;

import java.util.EnumMap;
import java.util.Map;

/**
 * Request bodies with a key twice in one object ({@code {"items":[...],"items":[]}}) are refused (400
 * {@code duplicate-key}, {@link MicronautErrors}) instead of the last one silently winning: two readers of the same
 * document (a proxy, a log, this service) must not see two different requests. Jackson's
 * {@code STRICT_DUPLICATE_DETECTION}, switched on for the one JSON mapper each service reads requests with (bodies
 * reach it through {@link StrictJsonBodyReader}).
 */
@Singleton
public class StrictJson implements BeanCreatedEventListener<SerdeJacksonConfiguration> {

    @Override
    public SerdeJacksonConfiguration onCreated(BeanCreatedEvent<SerdeJacksonConfiguration> event) {
        SerdeJacksonConfiguration configuration = event.getBean();
        Map<StreamReadFeature, Boolean> features = new EnumMap<>(StreamReadFeature.class);
        if (configuration.getStreamReadFeatures() != null) {
            features.putAll(configuration.getStreamReadFeatures());
        }
        features.put(StreamReadFeature.STRICT_DUPLICATE_DETECTION, true);
        configuration.setStreamReadFeatures(features);
        return configuration;
    }
}
