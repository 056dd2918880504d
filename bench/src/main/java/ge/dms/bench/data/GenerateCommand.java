package ge.dms.bench.data;

import ge.dms.bench.cli.DatabaseOptions;
import ge.dms.bench.cli.OutputOptions;
import ge.dms.bench.cli.Progress;
import ge.dms.bench.report.Runs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ./dev bench generate}: loads realistic data into the write database and reports how fast. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Bulk-load realistic restaurants, drivers, products and orders into the write database (COPY).")
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

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

    @Override
    public Integer call() {
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
        Runs.finish("generate", started, parameters, List.of(), figures, output.results(), spec.commandLine().getOut());
        return 0;
    }

    private static int or(Integer given, int fallback) {
        return given != null ? given : fallback;
    }
}
