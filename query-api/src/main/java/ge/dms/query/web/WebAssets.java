package ge.dms.query.web;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The pages' files, read from the jar once at start-up. Our own scripts and styles are served under
 * {@code /assets/<hash>/<name>}, the hash being of all of them together: any change gives every file
 * a new URL, so each can be cached for a year ({@code immutable}), and the ES modules can still import
 * each other by relative path. The chart library comes from its WebJar, whose version is in its path
 * ({@code /webjars/echarts/<version>/…}). The HTML pages name them through {@code {{assets}}} and
 * {@code {{echarts}}} and are served {@code no-cache}, so a new build is picked up on the next load.
 */
@Singleton
public class WebAssets {

    /** Our files, under {@code web/assets/} on the classpath. */
    static final List<String> FILES = List.of("app.css", "common.js", "charts.js", "signin.js", "restaurant.js",
            "dispatch.js", "driver.js");
    static final List<String> PAGES = List.of("signin", "restaurant", "dispatch", "driver");
    private static final String ECHARTS_FILE = "dist/echarts.min.js";

    public record Asset(byte[] body, String contentType) {
    }

    private final Map<String, Asset> assets = new LinkedHashMap<>();
    private final Map<String, Asset> webjars = new LinkedHashMap<>();
    private final Map<String, String> pages = new LinkedHashMap<>();
    private final String fingerprint;

    public WebAssets() {
        MessageDigest digest = sha256();
        for (String name : FILES) {
            byte[] body = read("web/assets/" + name);
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            assets.put(name, new Asset(body, contentType(name)));
        }
        fingerprint = HexFormat.of().formatHex(digest.digest(), 0, 8);
        String echartsVersion = webjarVersion("echarts");
        String echartsPath = "echarts/" + echartsVersion + "/" + ECHARTS_FILE;
        webjars.put(echartsPath, new Asset(read("META-INF/resources/webjars/" + echartsPath), "text/javascript; charset=utf-8"));
        for (String page : PAGES) {
            String html = new String(read("web/pages/" + page + ".html"), StandardCharsets.UTF_8)
                    .replace("{{assets}}", assetBase())
                    .replace("{{echarts}}", "/webjars/" + echartsPath);
            pages.put(page, html);
        }
    }

    /** {@code /assets/<hash>}: where this build's files are. */
    public String assetBase() {
        return "/assets/" + fingerprint;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public Optional<Asset> asset(String hash, String name) {
        return fingerprint.equals(hash) ? Optional.ofNullable(assets.get(name)) : Optional.empty();
    }

    public Optional<Asset> webjar(String path) {
        return Optional.ofNullable(webjars.get(path));
    }

    public Optional<String> page(String name) {
        return Optional.ofNullable(pages.get(name));
    }

    private static String contentType(String name) {
        return name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
    }

    /** The version the WebJar was built as, from the Maven metadata it carries. */
    private static String webjarVersion(String artifact) {
        Properties properties = new Properties();
        try (InputStream in = open("META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static byte[] read(String resource) {
        try (InputStream in = open(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = WebAssets.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the web resource " + resource + " is missing from the build");
        }
        return in;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
