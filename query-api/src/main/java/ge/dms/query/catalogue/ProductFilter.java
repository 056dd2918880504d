package ge.dms.query.catalogue;

import ge.dms.query.http.ApiException;
import ge.dms.query.http.Cursor;
import ge.dms.query.http.Params;

import java.util.Set;

/**
 * What a catalogue page asks for. {@code active}: true = the restaurants' list, false = deactivated only,
 * null = every product (admins). {@code q}: name search (read side). Sorted by product id.
 */
public record ProductFilter(String category, String q, Boolean active, Cursor cursor, int limit) {

    /** The categories command-api accepts (ProductCommand). */
    public static final Set<String> CATEGORIES = Set.of("produce", "meat", "dairy", "dry_goods", "bakery", "beverages", "frozen");

    public static String category(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!CATEGORIES.contains(value)) {
            throw ApiException.badRequest("category", "category must be one of produce, meat, dairy, dry_goods, bakery, "
                    + "beverages, frozen; got '" + value + "'");
        }
        return value;
    }

    public static String query(String value) {
        return Params.text("q", value, 100);
    }

    /** The id after which this page starts (0 from the first). */
    public long afterId() {
        return cursor == null ? 0 : cursor.orderId();
    }

    /** The restaurants' hot list in Redis answers: active products, no name search. */
    public boolean hotList() {
        return Boolean.TRUE.equals(active) && q == null;
    }
}
