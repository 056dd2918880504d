package ge.dms.bench.export;

import ge.dms.bench.cli.Offer;
import ge.dms.bench.platform.Db;
import ge.dms.bench.platform.Http;
import ge.dms.bench.platform.LiveScenario;
import ge.dms.bench.platform.OrderData;
import ge.dms.bench.report.Run;
import ge.dms.bench.report.Series;
import ge.dms.devstack.tokens.DevTokens;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./dev bench export}: the query API's CSV export of the newest N orders (default 50,000):
 * time to first and last byte, rows counted, and the query API's heap during the export, read from
 * its own JVM ({@link HeapProbe}).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "CSV export of the newest N orders from the query API: time to last byte, rows, the server's peak heap.")
public final class ExportScenario extends LiveScenario {

    private static final Logger LOG = LoggerFactory.getLogger(ExportScenario.class);
    private static final Offer OFFER = Offer.quick("2,000 rows, one export, no warm-up").timeout("per-export timeout", "5m");

    @Option(names = "--rows", description = "orders to export; generated when the write side has fewer (default 50,000; 2,000 with --quick)")
    Integer rows;

    @Option(names = "--repeat", description = "measured exports (default 3; 1 with --quick)")
    Integer repeat;

    @Option(names = "--warmup-runs", description = "unmeasured exports first (default 1; 0 with --quick)")
    Integer warmupRuns;

    @Option(names = "--query-api-pid", description = "pid of the query API's JVM (default: found by its main class and port)")
    Long pid;

    @Override
    protected Offer offer() {
        return OFFER;
    }

    @Override
    protected void measure(Run run) throws Exception {
        int wanted = rows != null ? rows : quick ? 2_000 : 50_000;
        int runs = repeat != null ? repeat : quick ? 1 : 3;
        int warm = warmupRuns != null ? warmupRuns : quick ? 0 : 1;
        if (wanted < 1 || runs < 1 || warm < 0) {
            throw new IllegalArgumentException("--rows and --repeat must be at least 1, --warmup-runs not negative");
        }
        Db write = writeSide();
        Map<String, Object> figures = run.figures();
        figures.put("ordersGenerated", OrderData.ensureOrders(write, wanted, output.progress()));
        if (platform.readSide() != null) {
            figures.put("readSideCatchUpSeconds", OrderData.awaitReadSide(write, platform.readSide(), Duration.ofMinutes(quick ? 2 : 15)));
        }
        Instant from = nthNewest(write, wanted);
        Instant to = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        long expected = countBetween(write, from, to);
        figures.put("rowsExpected", expected);
        String path = CsvDownload.path(from, to);
        List<Map<String, Object>> perRun = new ArrayList<>();
        run.series().addAll(exports(path, DevTokens.mint(api.jwtSecret(), "admin", null), expected, runs, warm, perRun, figures));
        figures.put("runs", perRun);
        Map<String, Object> parameters = run.parameters();
        parameters.put("queryApi", platform.queryApi().toString());
        parameters.put("request", path);
        parameters.put("rows", wanted);
        parameters.put("repeat", runs);
        parameters.put("warmupRuns", warm);
        parameters.put("heap", "query API JVM over JMX (Attach API): full GC and pool peaks reset before each export, pool peaks after; "
                + "the sum of pool peaks is an upper bound of the heap's peak");
    }

    /** Warm-up exports, then the measured ones (heap read around each); their series, each run described in {@code perRun}. */
    private List<Series> exports(String path, String token, long expected, int runs, int warm, List<Map<String, Object>> perRun,
                                 Map<String, Object> figures) throws Exception {
        Histogram lastByte = new Histogram(3);
        Histogram firstByte = new Histogram(3);
        Map<String, Long> errors = new LinkedHashMap<>();
        long measuredNanos = 0;
        try (Http http = new Http(platform.queryApi(), timeout()); HeapProbe heap = heapProbe(figures)) {
            for (int i = 0; i < warm; i++) {
                CsvDownload.run(http, path, token);
            }
            for (int i = 0; i < runs; i++) {
                long baseline = heap == null ? -1 : heap.reset();
                CsvDownload.Result r = CsvDownload.run(http, path, token);
                Map<String, Object> run = describe(r, expected);
                if (heap != null) {
                    run.put("heapUsedBeforeBytes", baseline);
                    run.putAll(heap.peaks());
                }
                perRun.add(run);
                if (r.status() != 200 || r.rows() != expected) {
                    errors.merge(r.status() != 200 ? String.valueOf(r.status()) : "row count differs", 1L, Long::sum);
                    continue;
                }
                lastByte.recordValue(r.lastByteNanos());
                firstByte.recordValue(r.firstByteNanos());
                measuredNanos += r.lastByteNanos();
            }
        }
        figures.put("errors", errors.values().stream().mapToLong(Long::longValue).sum());
        Duration measured = Duration.ofNanos(Math.max(measuredNanos, 1));
        return List.of(Series.of("time to last byte", lastByte, errors, measured), Series.of("time to first byte", firstByte, Map.of(), measured));
    }

    /** Attaches to the query API's JVM, or records why its heap cannot be read and returns null. */
    private HeapProbe heapProbe(Map<String, Object> figures) {
        Long target = pid != null ? pid : QueryApiProcess.find(platform.queryApi().getPort() < 0 ? 80 : platform.queryApi().getPort())
                .orElse(null);
        if (target == null) {
            figures.put("heap", "unavailable: no query API process found on this host for " + platform.queryApi() + " (pass --query-api-pid)");
            return null;
        }
        try {
            figures.put("queryApiPid", target);
            return HeapProbe.attach(target);
        } catch (Exception e) {
            LOG.warn("cannot read the query API's heap (pid {})", target, e);
            figures.put("heap", "unavailable: attaching to pid " + target + " failed: " + e);
            return null;
        }
    }

    private static Map<String, Object> describe(CsvDownload.Result r, long expected) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("status", r.status());
        run.put("rows", r.rows());
        run.put("rowsMatch", r.rows() == expected);
        run.put("bytes", r.bytes());
        run.put("firstByteMs", Math.round(r.firstByteNanos() / 1e3) / 1e3);
        run.put("lastByteMs", Math.round(r.lastByteNanos() / 1e3) / 1e3);
        run.put("rowsPerSecond", Math.round(r.rows() / (r.lastByteNanos() / 1e9)));
        run.put("megabytesPerSecond", Math.round(r.bytes() / 1e6 / (r.lastByteNanos() / 1e9) * 10) / 10.0);
        return run;
    }

    /** Creation time of the {@code n}-th newest order (the oldest when there are fewer). */
    private static Instant nthNewest(Db write, int n) throws SQLException {
        try (Connection c = write.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT min(created_at) FROM (SELECT created_at FROM orders ORDER BY created_at DESC LIMIT ?) newest")) {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1).toInstant();
            }
        }
    }

    private static long countBetween(Db write, Instant from, Instant to) throws SQLException {
        try (Connection c = write.connect();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM orders WHERE created_at >= ? AND created_at < ?")) {
            ps.setObject(1, from.atOffset(java.time.ZoneOffset.UTC));
            ps.setObject(2, to.atOffset(java.time.ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
