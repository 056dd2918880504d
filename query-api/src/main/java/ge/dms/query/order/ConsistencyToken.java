package ge.dms.query.order;

import ge.dms.query.http.ApiException;

/**
 * The command API's read-your-writes token ({@code DMS-Write-Token: order=42;version=3;xid=1234}),
 * sent back as {@code X-Consistency-Token}; or a bare {@code minVersion}. Only the version is used:
 * order views carry the order's version, so "caught up" means version &ge; the written one.
 */
public final class ConsistencyToken {

    private ConsistencyToken() {
    }

    /** The minimum version to wait for, or null when neither is given. */
    public static Long minVersion(long orderId, String token, Long minVersion) {
        if (minVersion != null) {
            if (minVersion < 0) {
                throw ApiException.badRequest("minVersion", "minVersion must not be negative");
            }
            return minVersion;
        }
        if (token == null || token.isBlank()) {
            return null;
        }
        Long order = null;
        Long version = null;
        for (String part : token.split(";")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            try {
                switch (kv[0].trim()) {
                    case "order" -> order = Long.parseLong(kv[1].trim());
                    case "version" -> version = Long.parseLong(kv[1].trim());
                    default -> { } // xid and later fields: not needed here
                }
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("X-Consistency-Token", "unreadable consistency token");
            }
        }
        if (version == null) {
            throw ApiException.badRequest("X-Consistency-Token", "consistency token has no version");
        }
        if (order != null && order != orderId) {
            throw ApiException.badRequest("X-Consistency-Token", "consistency token is for order " + order);
        }
        return version;
    }
}
