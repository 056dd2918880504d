package ge.dms.query.order;

import ge.dms.query.http.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsistencyTokenTest {

    @Test
    void shouldReadTheCommandApisWriteToken() {
        assertThat(ConsistencyToken.minVersion(42, "order=42;version=3;xid=1234", null)).isEqualTo(3);
        assertThat(ConsistencyToken.minVersion(42, " order = 42 ; version = 7 ", null)).isEqualTo(7);
    }

    @Test
    void shouldPreferMinVersionAndAllowNeither() {
        assertThat(ConsistencyToken.minVersion(42, "order=42;version=3", 9L)).isEqualTo(9);
        assertThat(ConsistencyToken.minVersion(42, null, null)).isNull();
    }

    @Test
    void shouldRefuseTokensForAnotherOrderOrWithoutVersion() {
        assertThatThrownBy(() -> ConsistencyToken.minVersion(42, "order=41;version=3", null)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> ConsistencyToken.minVersion(42, "order=42;xid=5", null)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> ConsistencyToken.minVersion(42, "order=42;version=x", null)).isInstanceOf(ApiException.class);
    }
}
