package ge.dms.query.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded byte pipe between one writer thread and whichever threads read (the JDK's piped
 * streams fail with "Read end dead" when the HTTP layer reads from pooled threads). At most
 * {@code chunks} chunks of {@code chunkSize} bytes are held: the writer blocks when the reader is
 * behind, and fails with an IOException once the reader has closed (the client went away).
 */
final class BoundedPipe {

    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> queue;
    private final int chunkSize;
    private volatile boolean readerClosed;
    private volatile IOException failure;

    BoundedPipe(int chunks, int chunkSize) {
        this.queue = new ArrayBlockingQueue<>(chunks);
        this.chunkSize = chunkSize;
    }

    OutputStream output() {
        return new OutputStream() {
            private final byte[] buffer = new byte[chunkSize];
            private int size;

            @Override
            public void write(int b) throws IOException {
                if (size == buffer.length) {
                    flush();
                }
                buffer[size++] = (byte) b;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                while (len > 0) {
                    if (size == buffer.length) {
                        flush();
                    }
                    int n = Math.min(len, buffer.length - size);
                    System.arraycopy(b, off, buffer, size, n);
                    size += n;
                    off += n;
                    len -= n;
                }
            }

            @Override
            public void flush() throws IOException {
                if (size > 0) {
                    put(Arrays.copyOf(buffer, size));
                    size = 0;
                }
            }

            @Override
            public void close() throws IOException {
                flush();
                put(END);
            }
        };
    }

    /** Ends the stream with an error the reader sees. */
    void fail(IOException e) {
        failure = e;
        queue.offer(END);
    }

    private void put(byte[] chunk) throws IOException {
        try {
            if (readerClosed) {
                throw new IOException("reader closed");
            }
            while (!queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                if (readerClosed) {
                    throw new IOException("reader closed");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    InputStream input() {
        return new InputStream() {
            private byte[] chunk = new byte[0];
            private int position;
            private boolean ended;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                while (position == chunk.length) {
                    if (ended) {
                        return -1;
                    }
                    try {
                        chunk = queue.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted", e);
                    }
                    position = 0;
                    if (chunk == END) {
                        ended = true;
                        if (failure != null) {
                            throw failure;
                        }
                    }
                }
                int n = Math.min(len, chunk.length - position);
                System.arraycopy(chunk, position, b, off, n);
                position += n;
                return n;
            }

            @Override
            public int available() {
                return position < chunk.length ? chunk.length - position : (queue.isEmpty() ? 0 : 1);
            }

            @Override
            public void close() {
                readerClosed = true;
                queue.clear();
            }
        };
    }
}
