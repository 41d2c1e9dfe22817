package org.runops.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.runops.studies.StudyTable;

/** Where a study table goes: a file (format from {@code --format} or its extension) or standard output as CSV/JSON. */
final class StudiesOutput {
    private StudiesOutput() {}

    static void write(StudyTable table, Path file, String format, PrintWriter stdout) {
        String f = format != null ? format.toLowerCase(Locale.ROOT)
                : file != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? "json" : "csv";
        if (!f.equals("csv") && !f.equals("json")) {
            throw new IllegalArgumentException("--format must be csv or json, was " + format);
        }
        if (file == null) {
            if (f.equals("json")) {
                table.writeJson(stdout);
            } else {
                table.writeCsv(stdout);
            }
            stdout.flush();
        } else if (f.equals("json")) {
            table.writeJson(file);
        } else {
            table.writeCsv(file);
        }
    }
}
