package ge.dms.bench.export;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CsvRecordsTest {

    private static CsvRecords count(String csv, int chunk) {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        CsvRecords records = new CsvRecords();
        for (int i = 0; i < bytes.length; i += chunk) {
            byte[] part = java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + chunk));
            records.accept(part, part.length);
        }
        return records;
    }

    @Test
    void shouldCountRowsWithLineBreaksAndQuotesInsideQuotedFields() {
        String csv = "order_id,notes\r\n1,\"ერთი\r\nორი\"\r\n2,\"he said \"\"hi\"\", twice\"\r\n3,plain\r\n";

        for (int chunk : new int[] {1, 3, 7, 1000}) {
            assertThat(count(csv, chunk).rows()).as("chunk %d", chunk).isEqualTo(3);
        }
    }

    @Test
    void shouldCountALastRecordWithoutItsLineBreak() {
        assertThat(count("h\r\n1\r\n2", 4).rows()).isEqualTo(2);
        assertThat(count("h\r\n", 4).rows()).isZero();
        assertThat(count("", 4).rows()).isZero();
    }

    @Test
    void shouldReadTheQueryApiPortFromAProcessEnvironment() {
        assertThat(QueryApiProcess.portIn("PATH=/bin\0DMS_QUERY_API_PORT=18082\0HOME=/root")).contains(18082);
        assertThat(QueryApiProcess.portIn("PATH=/bin\0")).isEmpty();
        assertThat(QueryApiProcess.portIn("DMS_QUERY_API_PORT=x")).isEmpty();
    }
}
