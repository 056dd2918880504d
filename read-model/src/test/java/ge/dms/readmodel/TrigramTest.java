package ge.dms.readmodel;

import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import static ge.dms.readmodel.jooq.Tables.PRODUCT_VIEW;
import static org.assertj.core.api.Assertions.assertThat;

class TrigramTest {

    @Test
    void shouldRenderTheTrigramOperatorWithTheTextBound() {
        var sql = DSL.using(SQLDialect.POSTGRES, ReadSideSql.SETTINGS);
        var query = sql.selectOne().from(PRODUCT_VIEW).where(Trigram.similar(PRODUCT_VIEW.NAME, "ხაჭაპური"));
        assertThat(query.getSQL()).endsWith("where (product_view.name % ?)");
        assertThat(query.getBindValues()).containsExactly("ხაჭაპური");
    }

    @Test
    void shouldRenderSimilarityAsAFunction() {
        var sql = DSL.using(SQLDialect.POSTGRES, ReadSideSql.SETTINGS);
        assertThat(sql.render(Trigram.similarity(PRODUCT_VIEW.NAME, "x"))).isEqualTo("similarity(product_view.name, ?)");
    }
}
