package ge.dms.bench.rebuild;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code rebuild.png}: orders in the read side's {@code order_view} over the seconds since the
 * rebuild was asked for, against the write side's count. The shared percentile chart has nothing
 * to draw here: a rebuild is one long operation, not a latency series.
 */
final class RebuildChart {

    private RebuildChart() {
    }

    static Path write(Path file, List<double[]> points, long target) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(1000).height(560).title("rebuild — orders in order_view while rebuilding from Kafka")
                .xAxisTitle("seconds since the rebuild was asked for").yAxisTitle("orders").build();
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        double[] x = new double[Math.max(1, points.size())];
        double[] y = new double[x.length];
        for (int i = 0; i < points.size(); i++) {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        chart.addSeries("order_view", x, y);
        chart.addSeries("write side", new double[] {0, x[x.length - 1]}, new double[] {target, target});
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
        return file;
    }
}
