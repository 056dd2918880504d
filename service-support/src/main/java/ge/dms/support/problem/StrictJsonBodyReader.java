package ge.dms.support.problem;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.body.JsonMessageHandler;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads JSON request bodies as Micronaut's {@link JsonMessageHandler} does, but through the mapper's stream entry
 * point: Micronaut Serde's buffer entry point builds its parser without the configured stream-read features, so
 * {@link StrictJson}'s duplicate-key detection would not apply to request bodies. Ordered before Micronaut's
 * handler, which still writes the answers.
 */
@Singleton
@Order(StrictJsonBodyReader.ORDER)
@Consumes({MediaType.APPLICATION_JSON})
public class StrictJsonBodyReader<T> implements MessageBodyReader<T> {

    /** Before {@link JsonMessageHandler#ORDER} (-10): a lower order is found first. */
    static final int ORDER = JsonMessageHandler.ORDER - 10;

    private final JsonMapper json;

    public StrictJsonBodyReader(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean isReadable(Argument<T> type, MediaType mediaType) {
        return mediaType != null && mediaType.matchesAllOrWildcardOrExtension(MediaType.EXTENSION_JSON);
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers httpHeaders, InputStream inputStream) throws CodecException {
        try {
            return json.readValue(inputStream, type);
        } catch (IOException e) {
            // The same words as Micronaut's own reader, so a malformed body is answered exactly as before.
            throw new CodecException("Error decoding JSON stream for type [" + type.getName() + "]: " + e.getMessage(), e);
        }
    }
}
