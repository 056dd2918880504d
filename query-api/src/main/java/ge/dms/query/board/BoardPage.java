package ge.dms.query.board;

import java.util.List;

/** One page of the board: view JSONs newest first, and the cursor of the next page (null on the last). */
public record BoardPage(List<String> views, String nextCursor) {
}
