package org.runops.calo.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.runops.calo.Plan;
import org.runops.calo.RunTag;
import org.runops.calo.RunTask;
import org.runops.core.ledger.AtomicFiles;

/**
 * The original's plan files, byte for byte: {@code <runtype>.csv} ({@code runnumber,tag}),
 * {@code <runtype>-process.csv} ({@code runnumber}), {@code <runtype>-missing.csv}
 * ({@code full_file_path}) and {@code datasets/<run>_<tag>.list} (one path per line, no header).
 */
public final class PlanFiles {
    private PlanFiles() {}

    /** Writes the CSVs and the list files into {@code dir}; returns the list file of each task, in task order. */
    public static List<Path> write(Plan plan, Path dir) throws IOException {
        String type = plan.options().runType().name();
        StringBuilder runs = new StringBuilder("runnumber,tag\n");
        plan.catalogRuns().forEach(rt -> runs.append(rt.run()).append(',').append(rt.tag()).append('\n'));
        text(dir.resolve(type + ".csv"), runs);
        StringBuilder process = new StringBuilder("runnumber\n");
        plan.needingMaps().forEach(rt -> process.append(rt.run()).append('\n'));
        text(dir.resolve(type + "-process.csv"), process);
        StringBuilder missing = new StringBuilder("full_file_path\n");
        plan.missingFiles().forEach(p -> missing.append(p).append('\n'));
        text(dir.resolve(type + "-missing.csv"), missing);
        Path datasets = dir.resolve("datasets");
        List<Path> lists = new ArrayList<>(plan.tasks().size());
        for (RunTask t : plan.tasks()) {
            Path list = listFile(datasets, t.runTag());
            text(list, String.join("\n", t.files()) + "\n");
            lists.add(list);
        }
        return lists;
    }

    /** {@code datasets/<run>_<tag>.list}. */
    public static Path listFile(Path datasets, RunTag rt) {
        return datasets.resolve(rt.stem() + ".list");
    }

    static void text(Path file, CharSequence content) throws IOException {
        AtomicFiles.write(file, content.toString().getBytes(StandardCharsets.UTF_8));
    }
}
