package ge.dms.command.json;

import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import io.micronaut.serde.exceptions.SerdeException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * A decimal that must be a JSON number. The default decoder coerces {@code true} to 1 and
 * {@code "2"} to 2; for money and quantities a wrong type is a client bug to refuse (400).
 */
@Singleton
public class StrictDecimal implements Deserializer<BigDecimal> {

    @Override
    public BigDecimal deserialize(Decoder decoder, DecoderContext context, Argument<? super BigDecimal> type) throws IOException {
        JsonNode node = decoder.decodeNode();
        if (!node.isNumber()) {
            throw new SerdeException("must be a JSON number");
        }
        return node.getBigDecimalValue();
    }
}
