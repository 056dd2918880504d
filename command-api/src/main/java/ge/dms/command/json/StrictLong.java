package ge.dms.command.json;

import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import io.micronaut.serde.exceptions.SerdeException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;

/** An id that must be a whole JSON number within long range: no {@code true}, {@code "7"} or {@code 7.9}. */
@Singleton
public class StrictLong implements Deserializer<Long> {

    @Override
    public Long deserialize(Decoder decoder, DecoderContext context, Argument<? super Long> type) throws IOException {
        JsonNode node = decoder.decodeNode();
        if (!node.isNumber()) {
            throw new SerdeException("must be a JSON number");
        }
        BigDecimal value = node.getBigDecimalValue();
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new SerdeException("must be a whole number in range", e);
        }
    }
}
