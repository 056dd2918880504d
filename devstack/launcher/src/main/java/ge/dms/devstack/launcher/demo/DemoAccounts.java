package ge.dms.devstack.launcher.demo;

import ge.dms.command.session.Passwords;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.List;

import static ge.dms.command.persistence.jooq.Tables.ACCOUNTS;

/**
 * One demo sign-in per role, with passwords everyone knows: for local use only (./dev up prints
 * them). The staff account acts for the first demo restaurant, the driver account for the first
 * demo driver. An account already there (by username, any case) is left as it is.
 */
public final class DemoAccounts {

    /** A demo sign-in: username, password and role. */
    public record Account(String username, String password, String role) {
    }

    public static final List<Account> ACCOUNTS_BY_ROLE = List.of(
            new Account("admin", "demo-admin-pass", "admin"),
            new Account("restaurant1", "demo-restaurant-pass", "restaurant"),
            new Account("driver1", "demo-driver-pass", "driver"));

    private DemoAccounts() {
    }

    static void load(DSLContext tx, long restaurantId, long driverId) {
        for (Account a : ACCOUNTS_BY_ROLE) {
            if (tx.fetchExists(ACCOUNTS, DSL.lower(ACCOUNTS.USERNAME).eq(a.username().toLowerCase(java.util.Locale.ROOT)))) {
                continue;
            }
            tx.insertInto(ACCOUNTS).set(ACCOUNTS.USERNAME, a.username()).set(ACCOUNTS.PASSWORD_HASH, Passwords.hash(a.password()))
                    .set(ACCOUNTS.ROLE, a.role())
                    .set(ACCOUNTS.RESTAURANT_ID, a.role().equals("restaurant") ? restaurantId : null)
                    .set(ACCOUNTS.DRIVER_ID, a.role().equals("driver") ? driverId : null)
                    .execute();
        }
    }
}
