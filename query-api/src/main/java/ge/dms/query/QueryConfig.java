package ge.dms.query;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** {@code dms.query.*}: tuning of the query API. Each default lives here once. */
@ConfigurationProperties("dms.query")
public class QueryConfig {

    /** Longest a read-your-writes request waits for the view to reach the written version. */
    private Duration consistencyMaxWait = Duration.ofSeconds(2);
    /** Page size when a list request names none, and the largest one allowed. */
    private int defaultLimit = 50;
    private int maxLimit = 500;
    /** Messages one live client may have queued; a client further behind is disconnected (it can resume). */
    private int liveBuffer = 1000;
    /** WebSocket ping / SSE comment interval: keeps NATs and proxies from dropping idle connections. */
    private Duration pingInterval = Duration.ofSeconds(20);
    /** Longest one WebSocket send may wait on a slow client before it counts as stuck. */
    private Duration sendTimeout = Duration.ofSeconds(10);
    /** Redis command timeout for request paths: short, so a dead Redis degrades to PostgreSQL quickly. */
    private Duration redisTimeout = Duration.ofMillis(500);

    /** Requests per second per caller (token bucket refill) and its burst; 0 switches the limit off. */
    private double rateLimitPerSecond = 200;
    private int rateLimitBurst = 400;
    /** Keep the buckets in Redis so the limit holds across instances (one round trip per request), instead of per instance. */
    private boolean rateLimitShared = false;

    public double getRateLimitPerSecond() { return rateLimitPerSecond; }
    public void setRateLimitPerSecond(double v) { rateLimitPerSecond = v; }
    public int getRateLimitBurst() { return rateLimitBurst; }
    public boolean isRateLimitShared() { return rateLimitShared; }
    public void setRateLimitShared(boolean v) { rateLimitShared = v; }
    public void setRateLimitBurst(int v) { rateLimitBurst = v; }
    public Duration getConsistencyMaxWait() { return consistencyMaxWait; }
    public void setConsistencyMaxWait(Duration v) { consistencyMaxWait = v; }
    public int getDefaultLimit() { return defaultLimit; }
    public void setDefaultLimit(int v) { defaultLimit = v; }
    public int getMaxLimit() { return maxLimit; }
    public void setMaxLimit(int v) { maxLimit = v; }
    public int getLiveBuffer() { return liveBuffer; }
    public void setLiveBuffer(int v) { liveBuffer = v; }
    public Duration getPingInterval() { return pingInterval; }
    public void setPingInterval(Duration v) { pingInterval = v; }
    public Duration getSendTimeout() { return sendTimeout; }
    public void setSendTimeout(Duration v) { sendTimeout = v; }
    public Duration getRedisTimeout() { return redisTimeout; }
    public void setRedisTimeout(Duration v) { redisTimeout = v; }
}
