package ge.dms.command.session;

import ge.dms.command.persistence.jooq.tables.records.AccountsRecord;
import ge.dms.command.persistence.jooq.tables.records.SessionRefreshTokensRecord;
import ge.dms.command.persistence.jooq.tables.records.SessionsRecord;
import ge.dms.command.problem.ApiException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static ge.dms.command.persistence.jooq.Tables.ACCOUNTS;
import static ge.dms.command.persistence.jooq.Tables.SESSIONS;
import static ge.dms.command.persistence.jooq.Tables.SESSION_REFRESH_TOKENS;
import static ge.dms.command.persistence.jooq.Tables.SESSION_REVOCATIONS;

/**
 * Sign-in, refresh and sign-out. Passwords are checked outside any transaction (Argon2 takes tens
 * of milliseconds and must not hold a row lock); each outcome is then written in one short
 * transaction. Refusals that must leave a trace (a failed attempt, a lock, a reused refresh token
 * revoking its session) are committed first and thrown after, since a throw inside the transaction
 * would roll the trace back.
 */
@Singleton
public class SessionService {

    private final DSLContext dsl;
    private final AccessTokens tokens;
    private final SessionConfig config;
    private final Lockout lockout;
    private final Clock clock = Clock.systemUTC();

    public SessionService(DSLContext dsl, AccessTokens tokens, SessionConfig config) {
        this.dsl = dsl;
        this.tokens = tokens;
        this.config = config;
        this.lockout = new Lockout(config.getMaxFailedAttempts(), config.getLockout());
    }

    public SessionTokens signIn(SignIn request) {
        AccountsRecord account = dsl.selectFrom(ACCOUNTS)
                .where(DSL.lower(ACCOUNTS.USERNAME).eq(DSL.lower(DSL.val(request.username().strip())))).fetchOne();
        // Always one Argon2 verification, whatever the outcome: unknown user and wrong password take alike.
        boolean matched = Passwords.matches(request.password(), account == null ? null : account.getPasswordHash());
        OffsetDateTime now = now();
        if (account == null) {
            throw badCredentials();
        }
        if (Lockout.isLocked(account.getLockedUntil(), now)) {
            throw locked(account.getLockedUntil(), now);
        }
        if (!matched) {
            OffsetDateTime lockedUntil = recordFailure(account.getId(), now);
            throw lockedUntil != null ? locked(lockedUntil, now) : badCredentials();
        }
        SessionTokens issued = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            // Conditional on the lock: a parallel wrong guess may have locked the account since it was read.
            int reset = tx.update(ACCOUNTS).set(ACCOUNTS.FAILED_ATTEMPTS, 0).setNull(ACCOUNTS.LOCKED_UNTIL)
                    .set(ACCOUNTS.UPDATED_AT, now)
                    .where(ACCOUNTS.ID.eq(account.getId()))
                    .and(ACCOUNTS.LOCKED_UNTIL.isNull().or(ACCOUNTS.LOCKED_UNTIL.le(now))).execute();
            if (reset == 0) {
                return null;
            }
            SessionsRecord session = tx.newRecord(SESSIONS);
            session.setId(RefreshTokens.newSessionId());
            session.setAccountId(account.getId());
            session.setCreatedAt(now);
            session.setExpiresAt(now.plus(config.getSessionTtl()));
            session.insert();
            return issue(tx, account, session, now);
        });
        if (issued == null) {
            throw locked(now.plus(config.getLockout()), now);
        }
        return issued;
    }

    public SessionTokens refresh(Refresh request) {
        String hash = RefreshTokens.hash(request.refreshToken());
        OffsetDateTime now = now();
        Object outcome = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            SessionRefreshTokensRecord token = tx.selectFrom(SESSION_REFRESH_TOKENS)
                    .where(SESSION_REFRESH_TOKENS.TOKEN_HASH.eq(hash)).fetchOne();
            if (token == null) {
                return Refused.UNKNOWN;
            }
            // The session row is the lock: two refreshes of one session serialise here.
            SessionsRecord session = tx.selectFrom(SESSIONS).where(SESSIONS.ID.eq(token.getSessionId())).forUpdate().fetchSingle();
            token.refresh();
            if (session.getRevokedAt() != null || !session.getExpiresAt().isAfter(now)) {
                return Refused.ENDED;
            }
            if (token.getReplacedAt() != null) {
                revoke(tx, session, "refresh token reused", now);
                return Refused.REUSED;
            }
            token.setReplacedAt(now);
            token.update();
            AccountsRecord account = tx.selectFrom(ACCOUNTS).where(ACCOUNTS.ID.eq(session.getAccountId())).fetchSingle();
            return issue(tx, account, session, now);
        });
        if (outcome instanceof SessionTokens issued) {
            return issued;
        }
        throw switch ((Refused) outcome) {
            case UNKNOWN -> new ApiException(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "The refresh token is not valid",
                    "this refresh token was never issued; sign in again");
            case ENDED -> new ApiException(HttpStatus.UNAUTHORIZED, "session-ended", "The session has ended",
                    "the session was signed out or has expired; sign in again");
            case REUSED -> new ApiException(HttpStatus.UNAUTHORIZED, "refresh-token-reused", "The refresh token was already used",
                    "this refresh token was already exchanged, so it may have been copied: the session is revoked; sign in again");
        };
    }

    /** Sign-out: revokes the session (again is fine: nothing changes). */
    public void signOut(String sessionId) {
        OffsetDateTime now = now();
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            SessionsRecord session = tx.selectFrom(SESSIONS).where(SESSIONS.ID.eq(sessionId)).forUpdate().fetchOne();
            if (session != null && session.getRevokedAt() == null) {
                revoke(tx, session, "signed out", now);
            }
        });
    }

    /** True while the session exists, is not revoked and has not expired: one primary-key read. */
    public boolean isActive(String sessionId) {
        var row = dsl.select(SESSIONS.REVOKED_AT, SESSIONS.EXPIRES_AT).from(SESSIONS).where(SESSIONS.ID.eq(sessionId)).fetchOne();
        return row != null && row.value1() == null && row.value2().isAfter(now());
    }

    private SessionTokens issue(DSLContext tx, AccountsRecord account, SessionsRecord session, OffsetDateTime now) {
        String refresh = RefreshTokens.newRefreshToken();
        tx.insertInto(SESSION_REFRESH_TOKENS).set(SESSION_REFRESH_TOKENS.TOKEN_HASH, RefreshTokens.hash(refresh))
                .set(SESSION_REFRESH_TOKENS.SESSION_ID, session.getId()).set(SESSION_REFRESH_TOKENS.CREATED_AT, now).execute();
        OffsetDateTime expires = accessExpiry(session, now);
        Long party = partyId(account);
        String access = tokens.mint(account.getId(), account.getRole(), party, session.getId(), now.toInstant(), expires.toInstant());
        return new SessionTokens(access, "Bearer", expires.toEpochSecond() - now.toEpochSecond(), refresh,
                session.getExpiresAt(), session.getId(), account.getUsername(), account.getRole(), party);
    }

    /** An access token never outlives its session, so neither need its revocation be remembered longer. */
    private OffsetDateTime accessExpiry(SessionsRecord session, OffsetDateTime now) {
        OffsetDateTime byTtl = now.plus(config.getAccessTokenTtl());
        return byTtl.isBefore(session.getExpiresAt()) ? byTtl : session.getExpiresAt();
    }

    private void revoke(DSLContext tx, SessionsRecord session, String why, OffsetDateTime now) {
        session.setRevokedAt(now);
        session.setRevokedWhy(why);
        session.update();
        // The row cdc-pipeline streams to the query side; it matters until the last access token expires.
        tx.insertInto(SESSION_REVOCATIONS).set(SESSION_REVOCATIONS.SESSION_ID, session.getId())
                .set(SESSION_REVOCATIONS.REVOKED_AT, now).set(SESSION_REVOCATIONS.EXPIRES_AT, accessExpiry(session, now)).execute();
    }

    /** Counts a wrong password; returns the lock's end when this failure locked the account, else null. */
    private OffsetDateTime recordFailure(long accountId, OffsetDateTime now) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            AccountsRecord held = tx.selectFrom(ACCOUNTS).where(ACCOUNTS.ID.eq(accountId)).forUpdate().fetchSingle();
            Lockout.State next = lockout.afterFailure(new Lockout.State(held.getFailedAttempts(), held.getLockedUntil()), now);
            held.setFailedAttempts(next.failedAttempts());
            held.setLockedUntil(next.lockedUntil());
            held.setUpdatedAt(now);
            held.update();
            return Lockout.isLocked(next.lockedUntil(), now) ? next.lockedUntil() : null;
        });
    }

    private static Long partyId(AccountsRecord account) {
        return account.getRestaurantId() != null ? account.getRestaurantId() : account.getDriverId();
    }

    private OffsetDateTime now() {
        // PostgreSQL keeps microseconds: an answer shows the same instants whether built now or read back later.
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static ApiException badCredentials() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Sign-in failed",
                "the username or the password is wrong");
    }

    private static ApiException locked(OffsetDateTime until, OffsetDateTime now) {
        long seconds = Math.max(1, until.toEpochSecond() - now.toEpochSecond());
        return new ApiException(HttpStatus.LOCKED, "account-locked", "The account is locked",
                "too many wrong passwords: sign-in is refused until " + until, java.util.List.of(),
                Map.of("lockedUntil", until.toString(), "retryAfterSeconds", seconds));
    }

    private enum Refused { UNKNOWN, ENDED, REUSED }
}
