package ge.dms.bench.data;

import ge.dms.bench.cli.DatabaseOptions;
import ge.dms.bench.cli.OutputOptions;
import ge.dms.bench.cli.Progress;
import ge.dms.bench.platform.Db;
import ge.dms.bench.platform.OrderData;
import ge.dms.bench.platform.PlatformOptions;
import ge.dms.bench.report.Runs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ./dev bench generate}: loads realistic data into the write database, then waits until CDC and the
 * projections have carried all of it to the read side, and reports how long each took.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Bulk-load realistic restaurants, drivers, products and orders into the write database (COPY),",
                "then wait until the read side's order_view holds every order at its write-side version."})
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Mixin
    PlatformOptions platform;

    @Mixin
    OutputOptions output;

    @Option(names = "--quick", description = "small sizes: 50 restaurants, 20 drivers, 200 products, 5,000 orders")
    boolean quick;

    @Option(names = "--restaurants", description = "default 500 (50 with --quick)")
    Integer restaurants;

    @Option(names = "--drivers", description = "default 200 (20 with --quick)")
    Integer drivers;

    @Option(names = "--products", description = "default 1,000 (200 with --quick)")
    Integer products;

    @Option(names = "--orders", description = "default 200,000 (5,000 with --quick)")
    Integer orders;

    @Option(names = "--months", description = "how far back orders go (default 6)")
    Integer months;

    @Option(names = "--seed", defaultValue = "42", description = "same seed, sizes and --end: same data (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--end", description = "newest possible order time, ISO-8601 instant (default: now, to the hour)")
    Instant end;

    @Option(names = "--batch-size", defaultValue = "2000", description = "orders per transaction (default ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--no-catch-up",
            description = "do not wait for CDC and the projections (by default it waits, when $DMS_READ_POSTGRES_URL is set)")
    boolean noCatchUp;

    @Option(names = "--catch-up-timeout", defaultValue = "PT45M",
            description = "how long catching up may take (ISO-8601, default ${DEFAULT-VALUE}; 200,000 orders are 3.1 million rows)")
    Duration catchUpTimeout;

    @Override
    public Integer call() throws SQLException, InterruptedException {
        Scale base = quick ? Scale.QUICK : Scale.DEFAULT;
        Scale scale = new Scale(or(restaurants, base.restaurants()), or(drivers, base.drivers()), or(products, base.products()),
                or(orders, base.orders()), or(months, base.months()));
        Instant until = end != null ? end : Instant.now().truncatedTo(ChronoUnit.HOURS);
        DataGenerator.Options options = new DataGenerator.Options(scale, seed, until, batchSize);
        Instant started = Instant.now();
        LoadReport report;
        try (Progress progress = Progress.start("generate", scale.orders(), "orders", output.progress())) {
            report = DataGenerator.load(database.url(), database.user(), database.password(), options, progress::step);
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("scale", scale);
        parameters.put("seed", seed);
        parameters.put("end", until.toString());
        parameters.put("batchSize", batchSize);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("rows", report.rows());
        figures.put("ordersByStatus", report.ordersByStatus());
        figures.put("totalRows", report.totalRows());
        figures.put("loadSeconds", report.loadSeconds());
        figures.put("rowsPerSecond", report.rowsPerSecond());
        figures.put("ordersPerSecond", report.ordersPerSecond());
        figures.put("analyzeSeconds", report.analyzeSeconds());
        Db readSide = platform.readSide();
        if (!noCatchUp && readSide != null) {
            double caughtUp = awaitCatchUp(readSide);
            double endToEnd = report.loadSeconds() + caughtUp;
            figures.put("catchUpSecondsAfterLoad", caughtUp);
            figures.put("loadAndCatchUpSeconds", Math.round(endToEnd * 10) / 10.0);
            figures.put("rowsPerSecondIntoViews", Math.round(report.totalRows() / endToEnd));
        } else {
            figures.put("catchUp", !noCatchUp ? "skipped: no read-side database configured" : "skipped: --no-catch-up");
        }
        Runs.finish("generate", started, parameters, List.of(), figures, output.results(), spec.commandLine().getOut());
        return 0;
    }

    /** CDC and the projections run while loading; this is what is left once the last batch committed. */
    private double awaitCatchUp(Db readSide) throws SQLException, InterruptedException {
        Db write = new Db(database.url(), database.user(), database.password());
        long wanted = OrderData.writeOrderTotals(write)[1];
        try (Progress progress = Progress.start("catch-up", wanted, "changes", output.progress())) {
            return OrderData.awaitReadSide(write, readSide, catchUpTimeout,
                    (applied, target) -> progress.stepTo(Math.min(applied, wanted)));
        }
    }

    private static int or(Integer given, int fallback) {
        return given != null ? given : fallback;
    }
}
