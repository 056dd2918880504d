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

    @Test
    void shouldWriteFieldByFieldExactlyAsWholeRows() throws Exception {
        StringWriter rows = new StringWriter();
        CsvWriter whole = new CsvWriter(rows);
        whole.row("\"", "", "a\r\nb", "\"\"x\"");
        whole.row(null, "end,");
        StringWriter fields = new StringWriter();
        CsvWriter single = new CsvWriter(fields);
        for (String f : new String[] {"\"", "", "a\r\nb", "\"\"x\""}) {
            single.field(f);
        }
        single.endRow();
        single.field(null);
        single.field("end,");
        single.endRow();

        assertThat(fields.toString()).isEqualTo(rows.toString())
                .isEqualTo("\"\"\"\",,\"a\r\nb\",\"\"\"\"\"x\"\"\"\r\n,\"end,\"\r\n");
    }
}
