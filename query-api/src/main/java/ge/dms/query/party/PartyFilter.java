package ge.dms.query.party;

import ge.dms.query.http.Cursor;

/** A page of restaurants or drivers: name search, active filter (null: all), keyset after the cursor's id. */
public record PartyFilter(String q, Boolean active, Cursor cursor, int limit) {

    public long afterId() {
        return cursor == null ? 0 : cursor.orderId();
    }
}
