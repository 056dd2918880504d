package ge.dms.bench.report;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTableTest {

    @Test
    void shouldWriteAFigureOfRowsAsATableWithEveryColumnAnyRowHas() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("fault", "kill:projections");
        first.put("lost", 0);
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("fault", "restart:kafka");
        second.put("error", "a|b");

        String table = MarkdownTable.table(List.of(first, second));

        assertThat(table.lines().toList()).containsExactly("| fault | lost | error |", "|---|---|---|",
                "| kill:projections | 0 | – |", "| restart:kafka | – | a\\|b |");
    }
}
