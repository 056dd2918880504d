package ge.dms.query.analytics;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedPipeTest {

    @Test
    void shouldCarryEveryByteInOrderThroughASmallBuffer() throws Exception {
        BoundedPipe pipe = new BoundedPipe(2, 1024);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = pipe.output()) {
                for (int i = 0; i < 1_000_000; i++) {
                    out.write(i % 251);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        long count = 0;
        try (InputStream in = pipe.input()) {
            for (int b = in.read(); b >= 0; b = in.read()) {
                assertThat(b).isEqualTo((int) (count % 251));
                count++;
            }
        }
        writer.join();
        assertThat(count).isEqualTo(1_000_000);
    }

    @Test
    void shouldStopTheWriterWhenTheReaderGoesAway() throws Exception {
        BoundedPipe pipe = new BoundedPipe(2, 16);
        pipe.input().close();
        OutputStream out = pipe.output();
        assertThatThrownBy(() -> {
            for (int i = 0; i < 1000; i++) {
                out.write(new byte[16]);
            }
        }).isInstanceOf(IOException.class);
    }

    @Test
    void shouldHandTheWritersFailureToTheReader() {
        BoundedPipe pipe = new BoundedPipe(2, 16);
        pipe.fail(new IOException("export failed"));
        assertThatThrownBy(() -> pipe.input().read(new byte[8])).isInstanceOf(IOException.class).hasMessage("export failed");
    }
}
