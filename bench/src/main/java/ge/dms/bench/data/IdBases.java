package ge.dms.bench.data;

/**
 * The first id the generator may use in each table, and the first free order reference number:
 * after whatever the database already holds, so generated rows never collide with existing ones.
 */
public record IdBases(long restaurant, long driver, long product, long order, long referenceNumber) {

    /** An empty database. */
    public static final IdBases EMPTY = new IdBases(1, 1, 1, 1, 1);
}
