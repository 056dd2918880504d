package ge.dms.query.board;

import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.CommandOutput;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A multi-bulk reply (e.g. {@code HMGET}) as the bytes Redis holds, null for a missing field. The
 * board serves its stored rows' UTF-8 as it is: decoding it to text and encoding it back was a
 * fifth of the endpoint's CPU with Georgian names (UTF-16 strings, encoded char by char).
 */
final class RawValuesOutput extends CommandOutput<String, String, List<byte[]>> {

    RawValuesOutput() {
        super(StringCodec.UTF8, new ArrayList<>());
    }

    @Override
    public void set(ByteBuffer bytes) {
        if (bytes == null) {
            output.add(null);
            return;
        }
        byte[] value = new byte[bytes.remaining()];
        bytes.get(value);
        output.add(value);
    }

    @Override
    public void multi(int count) {
        ((ArrayList<byte[]>) output).ensureCapacity(count);
    }
}
