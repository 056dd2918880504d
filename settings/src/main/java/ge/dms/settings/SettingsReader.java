package ge.dms.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Reads settings by name and collects every missing or malformed one instead of stopping at the
 * first, so that a misconfigured deployment fails once, naming all of them, rather than once per
 * fix. {@link #check()} throws {@link InvalidSettingsException} with the list.
 */
public final class SettingsReader {

    /** {@code host:port} or {@code [ipv6]:port}, as Kafka's bootstrap.servers takes them. */
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[^\\s:,/\\[\\]]+):\\d{1,5}");

    private final UnaryOperator<String> lookup;
    private final UnaryOperator<String> label;
    private final List<String> problems = new ArrayList<>();

    /**
     * @param lookup a setting's value by name, or null
     * @param label  how a name is shown in a problem, e.g. with the environment variable it comes from
     */
    public SettingsReader(UnaryOperator<String> lookup, UnaryOperator<String> label) {
        this.lookup = lookup;
        this.label = label;
    }

    /** Environment variables, shown by their names. */
    public static SettingsReader of(Map<String, String> environment) {
        return new SettingsReader(environment::get, UnaryOperator.identity());
    }

    /** The value, or null (and a problem) when it is missing or blank. */
    public String required(String name, String meaning) {
        String value = lookup.apply(name);
        if (value == null || value.isBlank()) {
            problems.add(label.apply(name) + " is not set (" + meaning + ")");
            return null;
        }
        return value.strip();
    }

    public String text(String name, String fallback) {
        String value = lookup.apply(name);
        return value == null ? fallback : value;
    }

    /** A PostgreSQL JDBC URL, or null (and a problem) when missing or malformed. */
    public String jdbcUrl(String name, String meaning) {
        String value = required(name, meaning);
        if (value != null && !value.startsWith("jdbc:postgresql://")) {
            problems.add(label.apply(name) + " must be a jdbc:postgresql://host:port/database URL, got '" + value + "'");
            return null;
        }
        return value;
    }

    /** Kafka bootstrap servers, {@code host:port[,host:port...]}, or null (and a problem) when missing or malformed. */
    public String hostPorts(String name, String meaning) {
        String value = required(name, meaning);
        if (value == null) {
            return null;
        }
        for (String server : value.split(",")) {
            if (!HOST_PORT.matcher(server.strip()).matches()) {
                problems.add(label.apply(name) + " must be host:port[,host:port...], got '" + value + "'");
                return null;
            }
        }
        return value;
    }

    /** A {@code redis://} or {@code rediss://} URL with a host, or null (and a problem) when missing or malformed. */
    public String redisUrl(String name, String meaning) {
        String value = required(name, meaning);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if (("redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme())) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException malformed) {
            // reported below
        }
        problems.add(label.apply(name) + " must be a redis://host:port URL, got '" + value + "'");
        return null;
    }

    /** {@code true} or {@code false} (any case), or the fallback when unset. */
    public boolean bool(String name, boolean fallback) {
        String value = lookup.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (value.strip().equalsIgnoreCase("true") || value.strip().equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value.strip());
        }
        problems.add(label.apply(name) + " must be true or false, got '" + value + "'");
        return fallback;
    }

    /** A whole number in [min, max], or the fallback when unset. */
    public long number(String name, long fallback, long min, long max) {
        String value = lookup.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the range
        }
        problems.add(label.apply(name) + " must be a whole number from " + min + " to " + max + ", got '" + value + "'");
        return fallback;
    }

    /** Throws when anything was missing or malformed. */
    public void check() {
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }
}
