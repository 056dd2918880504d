package ge.dms.schemas.cdc;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What happened to a row; written as Debezium's one-letter codes. */
public enum Op {
    CREATE("c"), UPDATE("u"), DELETE("d"), /** read by the initial snapshot */ READ("r");

    private final String code;

    Op(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Op fromCode(String code) {
        for (Op op : values()) {
            if (op.code.equals(code)) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown op code: " + code);
    }
}
