package ge.dms.projection.session;

import ge.dms.projection.source.SessionRevocationRow;

/** Where revoked sessions go (Redis in production; a list in topology tests). Must be idempotent. */
@FunctionalInterface
public interface SessionRevocationSink {

    void revoked(SessionRevocationRow revocation);
}
