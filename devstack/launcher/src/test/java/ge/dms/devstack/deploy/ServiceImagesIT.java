package ge.dms.devstack.deploy;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import static ge.dms.devstack.deploy.ParsedYaml.list;
import static ge.dms.devstack.deploy.ParsedYaml.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image tarballs the build writes (jib-maven-plugin, bound to package): each is a loadable
 * image of its service with the app layers, a non-root user and the service's entrypoint, and
 * (on Linux, as root or with user namespaces) its own Java runtime really starts inside it: the
 * layers are unpacked into a folder and the entrypoint runs there under chroot, as the image's
 * user with only the image's environment: with --dry-run (the JVM starts and loads the main
 * class), then for real, where the service boots until it refuses to run without its settings.
 * That is the run a container engine would do, minus the engine.
 */
class ServiceImagesIT {

    private static final String NON_ROOT = "65532:65532";

    @TempDir
    Path scratch;

    @ParameterizedTest
    @CsvSource({
            "command-api, ge.dms.command.Application",
            "cdc-pipeline, ge.dms.cdc.CdcPipeline",
            "projections, ge.dms.projection.ProjectionsMain",
            "query-api, ge.dms.query.Application"})
    void shouldBuildARunnableNonRootImage(String service, String mainClass) throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("jib.skip"), "images not built (-Djib.skip)");
        Path tarball = ComposeFileTest.repositoryRoot().resolve(service).resolve("target/jib-image.tar");
        assertThat(tarball).as("built by mvn package (jib-maven-plugin buildTar)").isRegularFile();

        Map<String, byte[]> files = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(tarball)) {
            Tar.read(in, (name, content) -> files.put(name, content.readAllBytes()));
        }
        Map<String, Object> manifest = map(((List<?>) yaml(files.get("manifest.json"))).getFirst());
        assertThat(list(manifest.get("RepoTags"))).containsExactly("dms/" + service + ":" + projectVersion());
        Map<String, Object> config = map(yaml(files.get(String.valueOf(manifest.get("Config")))));
        Map<String, Object> container = map(config.get("config"));
        assertThat(container.get("User")).isEqualTo(NON_ROOT);
        List<Object> entrypoint = list(container.get("Entrypoint"));
        assertThat(entrypoint.getFirst()).isEqualTo("java");
        assertThat(entrypoint).containsSubsequence("-cp", "@/app/jib-classpath-file", mainClass);
        assertThat(entrypoint.getLast()).isEqualTo(mainClass);

        Set<String> paths = new HashSet<>();
        for (Object layer : list(manifest.get("Layers"))) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(blobFile(files, String.valueOf(layer))))) {
                Tar.read(in, (name, content) -> paths.add(name.replaceFirst("^\\./", "").replaceFirst("^/", "")));
            }
        }
        assertThat(paths).contains("app/jib-classpath-file", "opt/dms/healthcheck/HealthCheck.class",
                "app/classes/" + mainClass.replace('.', '/') + ".class");
        if (paths.contains("opt/java/openjdk/bin/java")) { // the offline base image (not a registry base)
            assertThat(paths).contains("etc/passwd", "tmp/");
            runInside(files, manifest, container, entrypoint);
        }
    }

    /**
     * Unpacks the layers in order into one folder and runs there, as the image's user with the
     * image's environment: the entrypoint with --dry-run, the entrypoint itself, the health check class.
     */
    private void runInside(Map<String, byte[]> files, Map<String, Object> manifest, Map<String, Object> container,
                           List<Object> entrypoint) throws Exception {
        Path unshare = Path.of("/usr/bin/unshare");
        Path chroot = Path.of("/usr/sbin/chroot");
        Assumptions.assumeTrue(Files.isExecutable(unshare) && Files.isExecutable(chroot), "no unshare/chroot here");
        boolean root = ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        List<String> sandbox = new ArrayList<>(List.of(unshare.toString(), "--fork", "--kill-child", "--pid", "--mount"));
        if (!root) {
            sandbox.add("--map-root-user"); // a user namespace: chroot without being root
        }
        Assumptions.assumeTrue(run(concat(sandbox, List.of("true")), Map.of()).exit() == 0,
                "no mount/pid namespaces for this user");

        Path rootfs = Files.createDirectories(scratch.resolve("rootfs"));
        for (Object layer : list(manifest.get("Layers"))) {
            Path blob = blobFile(files, String.valueOf(layer));
            Result unpacked = run(List.of("tar", "--warning=no-unknown-keyword", "-xzf", blob.toString(),
                    "-C", rootfs.toString()), Map.of());
            assertThat(unpacked.exit()).as("unpack %s: %s", layer, unpacked.output()).isZero();
        }
        Files.createDirectories(rootfs.resolve("proc"));
        sandbox.add("--mount-proc=" + rootfs.resolve("proc"));
        sandbox.add(chroot.toString());
        if (root) {
            sandbox.add("--userspec=" + container.get("User"));
        }
        sandbox.add(rootfs.toString());
        Map<String, String> environment = new LinkedHashMap<>();
        for (Object entry : list(container.get("Env"))) {
            String[] kv = String.valueOf(entry).split("=", 2);
            environment.put(kv[0], kv[1]);
        }
        List<String> command = entrypoint.stream().map(String::valueOf).toList();
        List<String> dryRun = new ArrayList<>(command);
        dryRun.add(1, "--dry-run");
        Result loaded = run(concat(sandbox, dryRun), environment);
        assertThat(loaded.exit()).as("the entrypoint with --dry-run: %s", loaded.output()).isZero();

        // A real start with the image's environment only: the service boots on the image's runtime
        // as far as reading its settings, then refuses to run without them and names them. A JDK
        // module or native library missing from the runtime would fail before that.
        Result started = run(concat(sandbox, command), environment);
        assertThat(started.exit()).as("the entrypoint without settings: %s", started.output()).isNotZero();
        assertThat(started.output())
                .containsPattern("(DMS|CDC)_[A-Z_]+")
                .doesNotContainPattern("NoClassDefFoundError|ClassNotFoundException|UnsatisfiedLinkError|NoSuchMethodError");

        // No URL: the class answers with its usage and exit status 2, proving it loads on this runtime.
        Result check = run(concat(sandbox, List.of("java", "-cp", "/opt/dms/healthcheck", "HealthCheck")), environment);
        assertThat(check.exit()).as("the health check class: %s", check.output()).isEqualTo(2);
    }

    /** The tarball entry NAME as a file of its own (tar and GZIPInputStream read files). */
    private Path blobFile(Map<String, byte[]> files, String name) throws IOException {
        Path blob = scratch.resolve(name.replace('/', '_'));
        if (!Files.exists(blob)) {
            Files.write(blob, files.get(name));
        }
        return blob;
    }

    private record Result(int exit, String output) {
    }

    /** Runs COMMAND with ENVIRONMENT only (when given), output and errors together. */
    private static Result run(List<String> command, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (!environment.isEmpty()) {
            builder.environment().clear();
            builder.environment().putAll(environment);
        }
        Process process = builder.start();
        try {
            // Bounded: a service that does not stop by itself fails the test instead of hanging the build.
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return process.getInputStream().readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("ended: " + String.join(" ", command)).isTrue();
            return new Result(process.exitValue(), new String(output.get(), StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String projectVersion() throws IOException {
        var matcher = java.util.regex.Pattern.compile("<artifactId>dms-platform</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ComposeFileTest.repositoryRoot().resolve("pom.xml")));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static Object yaml(byte[] json) {
        assertThat(json).isNotNull();
        return new Yaml().load(new String(json, StandardCharsets.UTF_8)); // JSON is YAML
    }

    /** Just enough of the tar format (ustar with PAX path records) to list an image and read its small files. */
    static final class Tar {

        interface EntryHandler {
            void accept(String name, InputStream content) throws IOException;
        }

        static void read(InputStream in, EntryHandler handler) throws IOException {
            String paxPath = null;
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = text(header, 0, 100);
                String prefix = text(header, 345, 155);
                String octalSize = text(header, 124, 12).trim();
                long size = octalSize.isEmpty() ? 0 : Long.parseLong(octalSize, 8);
                char type = (char) header[156];
                byte[] content = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                if (type == 'x') {
                    paxPath = paxPath(new String(content, StandardCharsets.UTF_8));
                } else if (type != 'g') {
                    String path = paxPath != null ? paxPath : prefix.isEmpty() ? name : prefix + "/" + name;
                    handler.accept(path, new java.io.ByteArrayInputStream(content));
                    paxPath = null;
                }
            }
        }

        private static String paxPath(String records) {
            for (String record : records.split("\n")) {
                int space = record.indexOf(' ');
                if (space > 0 && record.startsWith("path=", space + 1)) {
                    return record.substring(space + 1 + "path=".length());
                }
            }
            return null;
        }

        private static String text(byte[] header, int offset, int length) {
            int end = offset;
            while (end < offset + length && header[end] != 0) {
                end++;
            }
            return new String(header, offset, end - offset, StandardCharsets.UTF_8);
        }

        private Tar() {
        }
    }
}
