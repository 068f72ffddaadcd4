package dev.courier.benchmark;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** PNG charts drawn with java.awt (headless): grouped bars and lines. */
final class Charts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd)
    };

    private Charts() {}

    /** Bars grouped by category, one bar per series; values in {@code series} follow {@code categories}. */
    static void bars(Path file, String title, String yLabel, List<String> categories, Map<String, double[]> series)
            throws IOException {
        double max = series.values().stream()
                .flatMapToDouble(java.util.Arrays::stream)
                .max()
                .orElse(1);
        Canvas canvas = new Canvas(title, yLabel, "", 0, categories.size(), niceCeiling(max));
        double groupWidth = canvas.plotWidth() / categories.size();
        double barWidth = groupWidth * 0.8 / series.size();
        int s = 0;
        for (Map.Entry<String, double[]> entry : series.entrySet()) {
            canvas.g.setColor(PALETTE[s % PALETTE.length]);
            for (int c = 0; c < categories.size(); c++) {
                double x = LEFT + c * groupWidth + groupWidth * 0.1 + s * barWidth;
                int top = canvas.y(entry.getValue()[c]);
                canvas.g.fillRect((int) x, top, (int) barWidth - 2, HEIGHT - BOTTOM - top);
                canvas.g.setColor(Color.DARK_GRAY);
                canvas.g.drawString(format(entry.getValue()[c]), (int) x, top - 4);
                canvas.g.setColor(PALETTE[s % PALETTE.length]);
            }
            s++;
        }
        canvas.g.setColor(Color.BLACK);
        for (int c = 0; c < categories.size(); c++) {
            canvas.g.drawString(
                    categories.get(c), (int) (LEFT + c * groupWidth + groupWidth * 0.1), HEIGHT - BOTTOM + 18);
        }
        canvas.legend(series.keySet());
        canvas.save(file);
    }

    /** Lines through (x, y) points: {@code series} maps a name to {xs, ys}. */
    static void lines(Path file, String title, String xLabel, String yLabel, Map<String, double[][]> series)
            throws IOException {
        double maxX = series.values().stream()
                .flatMapToDouble(p -> java.util.Arrays.stream(p[0]))
                .max()
                .orElse(1);
        double maxY = series.values().stream()
                .flatMapToDouble(p -> java.util.Arrays.stream(p[1]))
                .max()
                .orElse(1);
        Canvas canvas = new Canvas(title, yLabel, xLabel, 0, niceCeiling(maxX), niceCeiling(maxY));
        canvas.xTicks();
        canvas.g.setStroke(new BasicStroke(2f));
        int s = 0;
        for (double[][] points : series.values()) {
            canvas.g.setColor(PALETTE[s++ % PALETTE.length]);
            for (int i = 1; i < points[0].length; i++) {
                canvas.g.drawLine(
                        canvas.x(points[0][i - 1]),
                        canvas.y(points[1][i - 1]),
                        canvas.x(points[0][i]),
                        canvas.y(points[1][i]));
            }
        }
        canvas.legend(series.keySet());
        canvas.save(file);
    }

    /** Counts per bucket of {@code bucketMillis} since {@code startMillis}, as per-second rates: {xs (s), ys (/s)}. */
    static double[][] ratePerSecond(List<Long> epochMillis, long startMillis, long bucketMillis) {
        long end = epochMillis.stream().mapToLong(Long::longValue).max().orElse(startMillis);
        int buckets = (int) ((end - startMillis) / bucketMillis) + 1;
        double[] counts = new double[buckets];
        for (long at : epochMillis) {
            int b = (int) ((at - startMillis) / bucketMillis);
            if (b >= 0 && b < buckets) {
                counts[b] += 1000.0 / bucketMillis;
            }
        }
        double[] xs = new double[buckets];
        for (int b = 0; b < buckets; b++) {
            xs[b] = (b + 0.5) * bucketMillis / 1000.0;
        }
        return new double[][] {xs, counts};
    }

    static Map<String, double[]> series() {
        return new LinkedHashMap<>();
    }

    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String format(double value) {
        return value >= 100 || value == Math.rint(value) ? String.format("%,.0f", value) : String.format("%.2f", value);
    }

    /** A titled plot area with a y axis from 0 to {@code maxY} and x from {@code minX} to {@code maxX}. */
    private static final class Canvas {
        final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = image.createGraphics();
        final double minX;
        final double maxX;
        final double maxY;

        Canvas(String title, String yLabel, String xLabel, double minX, double maxX, double maxY) {
            this.minX = minX;
            this.maxX = maxX;
            this.maxY = maxY;
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.setColor(Color.BLACK);
            g.drawString(title, LEFT, 28);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString(yLabel, 8, TOP - 10);
            g.drawString(xLabel, WIDTH - RIGHT - g.getFontMetrics().stringWidth(xLabel), HEIGHT - 12);
            for (int i = 0; i <= 5; i++) {
                double value = maxY * i / 5;
                int y = y(value);
                g.setColor(new Color(0xe0e0e0));
                g.drawLine(LEFT, y, WIDTH - RIGHT, y);
                g.setColor(Color.BLACK);
                String label = format(value);
                g.drawString(label, LEFT - 6 - g.getFontMetrics().stringWidth(label), y + 4);
            }
            g.drawLine(LEFT, TOP, LEFT, HEIGHT - BOTTOM);
            g.drawLine(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM);
        }

        double plotWidth() {
            return WIDTH - LEFT - RIGHT;
        }

        int x(double value) {
            return (int) (LEFT + (value - minX) / (maxX - minX) * plotWidth());
        }

        int y(double value) {
            return (int) (HEIGHT - BOTTOM - value / maxY * (HEIGHT - TOP - BOTTOM));
        }

        void xTicks() {
            g.setColor(Color.BLACK);
            for (int i = 0; i <= 10; i++) {
                double value = minX + (maxX - minX) * i / 10;
                String label = format(value);
                g.drawString(label, x(value) - g.getFontMetrics().stringWidth(label) / 2, HEIGHT - BOTTOM + 18);
            }
        }

        void legend(Iterable<String> names) {
            int y = TOP;
            int s = 0;
            for (String name : names) {
                g.setColor(PALETTE[s++ % PALETTE.length]);
                g.fillRect(WIDTH - RIGHT - 220, y - 10, 12, 12);
                g.setColor(Color.BLACK);
                g.drawString(name, WIDTH - RIGHT - 202, y);
                y += 18;
            }
        }

        void save(Path file) throws IOException {
            g.dispose();
            ImageIO.write(image, "png", file.toFile());
        }
    }
}
