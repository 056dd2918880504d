package ge.dms.bench.data;

/**
 * How much data to generate. The default is the business as it is today (DOMAIN.md, "Scale"):
 * 500 restaurants, 200 drivers, 1,000 products and 200,000 orders over 6 months.
 */
public record Scale(int restaurants, int drivers, int products, int orders, int months) {

    public static final Scale DEFAULT = new Scale(500, 200, 1_000, 200_000, 6);
    /** {@code --quick}: enough for every screen and scenario to have something to show, in seconds. */
    public static final Scale QUICK = new Scale(50, 20, 200, 5_000, 6);

    public Scale {
        if (restaurants < 1 || drivers < 1 || products < 20 || orders < 0 || months < 1) {
            throw new IllegalArgumentException("scale needs at least 1 restaurant, 1 driver, 20 products, 0 orders and 1 month: "
                    + restaurants + "/" + drivers + "/" + products + "/" + orders + "/" + months);
        }
    }
}
