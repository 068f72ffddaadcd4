package dev.courier.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The Markdown report: one table row per figure, then notes and charts. */
final class Report {

    private record Row(String scenario, String figure, String value, String baseline, String goal) {}

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String[]> charts = new ArrayList<>();

    void row(String scenario, String figure, String value, String baseline, String goal) {
        rows.add(new Row(scenario, figure, value, baseline, goal));
        Progress.log("  = " + scenario + " | " + figure + " | " + value + " | " + baseline + " | " + goal);
    }

    void note(String text) {
        notes.add(text);
    }

    void chart(String title, String file) {
        charts.add(new String[] {title, file});
    }

    /** Writes {@code report.md}, with {@code header} (date, machine, mode) on top. */
    void write(Path dir, String header) throws IOException {
        StringBuilder md =
                new StringBuilder("# Courier benchmark\n\n").append(header).append("\n\n");
        md.append("| Scenario | Figure | Courier | Same-run baseline | Goal |\n|---|---|---|---|---|\n");
        for (Row row : rows) {
            md.append("| ")
                    .append(String.join(" | ", row.scenario(), row.figure(), row.value(), row.baseline(), row.goal()))
                    .append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(note -> md.append("- ").append(note).append('\n'));
        }
        if (!charts.isEmpty()) {
            md.append("\n## Charts\n\n");
            charts.forEach(chart -> md.append("![")
                    .append(chart[0])
                    .append("](")
                    .append(chart[1])
                    .append(")\n\n"));
        }
        Files.writeString(dir.resolve("report.md"), md);
    }
}
