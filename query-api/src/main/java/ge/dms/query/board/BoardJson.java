package ge.dms.query.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import ge.dms.schemas.serde.Json;
import ge.dms.schemas.view.BoardRow;

import java.io.UncheckedIOException;

/** A board row written as UTF-8 JSON with the contracts' mapping: the bytes {@link BoardRow#toJson()} encodes. */
final class BoardJson {

    private BoardJson() {
    }

    static byte[] bytes(BoardRow row) {
        try {
            return Json.mapper().writeValueAsBytes(row);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
