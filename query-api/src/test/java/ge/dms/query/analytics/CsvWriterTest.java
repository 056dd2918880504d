package ge.dms.query.analytics;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWriterTest {

    @Test
    void shouldQuoteOnlyWhatNeedsQuotingAndDoubleQuotes() throws Exception {
        StringWriter out = new StringWriter();
        new CsvWriter(out).row(1, "plain", "a,b", "say \"hi\"", "two\nlines", null, "ხაჭაპური");

        assertThat(out.toString()).isEqualTo("1,plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,ხაჭაპური\r\n");
    }
}
