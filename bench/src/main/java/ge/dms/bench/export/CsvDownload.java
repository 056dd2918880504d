package ge.dms.bench.export;

import ge.dms.bench.platform.Http;

import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** One CSV export from the query API, read to its last byte while counting its records. */
final class CsvDownload {

    /** What one export took: nanoseconds to the first and the last byte, its size and its data rows. */
    record Result(int status, long firstByteNanos, long lastByteNanos, long bytes, long rows) {
    }

    private CsvDownload() {
    }

    static String path(Instant from, Instant to) {
        return "/api/analytics/orders.csv?from=" + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8) + "&to="
                + URLEncoder.encode(to.toString(), StandardCharsets.UTF_8);
    }

    static Result run(Http http, String path, String token) throws Exception {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.stream(path, token);
        long first = -1;
        long bytes = 0;
        CsvRecords records = new CsvRecords();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream body = response.body()) {
            int n;
            while ((n = body.read(buffer)) >= 0) {
                if (first < 0 && n > 0) {
                    first = System.nanoTime() - start;
                }
                bytes += n;
                records.accept(buffer, n);
            }
        }
        long last = System.nanoTime() - start;
        return new Result(response.statusCode(), first < 0 ? last : first, last, bytes, records.rows());
    }
}
