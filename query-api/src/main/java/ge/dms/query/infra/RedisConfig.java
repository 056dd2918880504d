package ge.dms.query.infra;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * {@code dms.redis.*}: where the projections keep the views. No default URL: a query API quietly
 * reading some other (local) Redis would serve wrong or no data while looking healthy. Validated at
 * start-up ({@code @Context}), so a missing or malformed URL stops the service with the variable's name.
 */
@Context
@ConfigurationProperties("dms.redis")
public class RedisConfig {

    @NotBlank(message = "DMS_REDIS_URL (dms.redis.url) must be set to the views' Redis, redis://host:port")
    @Pattern(regexp = "|rediss?://\\S+", message = "DMS_REDIS_URL (dms.redis.url) must be a redis://host:port URL")
    private String url;
    /** The projections write under the same prefix (DMS_REDIS_KEY_PREFIX for both; default in application.yml). */
    private String keyPrefix;

    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getKeyPrefix() { return keyPrefix; }
    public void setKeyPrefix(String keyPrefix) { this.keyPrefix = keyPrefix; }
}
