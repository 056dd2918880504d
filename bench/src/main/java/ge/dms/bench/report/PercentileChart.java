package ge.dms.bench.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A PNG bar chart of every series' p50, p90, p99, p99.9 and max, grouped by percentile. Rendered
 * off-screen, so it works on a headless machine ({@code -Djava.awt.headless=true}).
 */
final class PercentileChart {

    private static final List<String> PERCENTILES = List.of("p50", "p90", "p99", "p99.9", "max");

    private PercentileChart() {
    }

    static void write(ScenarioResult result, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        CategoryChart chart = new CategoryChartBuilder().width(1100).height(620)
                .title(result.scenario() + " — latency by percentile (" + result.machine().cores() + " cores)")
                .xAxisTitle("percentile").yAxisTitle("latency, ms").build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisDecimalPattern("#,##0.###");
        for (Series s : result.series()) {
            if (s.count() == 0) {
                continue;
            }
            chart.addSeries(s.name(), PERCENTILES, List.of(s.p50(), s.p90(), s.p99(), s.p999(), s.max()));
        }
        if (chart.getSeriesMap().isEmpty()) {
            chart.addSeries("no samples", PERCENTILES, List.of(0.0, 0.0, 0.0, 0.0, 0.0));
        }
        // A linear axis: XChart refuses a logarithmic one for bars (they start at zero). The exact
        // figures are in the JSON and the printed table.
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
