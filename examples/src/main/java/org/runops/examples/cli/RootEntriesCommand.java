package org.runops.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.runops.core.root.RootFile;
import org.runops.core.root.RootFiles;
import org.runops.core.root.RootTreeCount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code runops root entries FILE...}: one line per file with the tree's entry count and the file's state. */
@Command(
        name = "entries",
        mixinStandardHelpOptions = true,
        header = "Count a tree's entries in each file, with the file's state.",
        description = {
            "Count the entries of a top-level tree in each file, the way ROOT's",
            "TFile::Open(f)->Get(tree)->GetEntries() would, and say whether the file is a zombie or was",
            "recovered after a crash (a recovered file's count is its last AutoSave's, not the real total).",
            "Reads a few hundred bytes per file; use --parallel on network file systems.",
            "Exit code 1 when any file has no trustworthy count."
        })
final class RootEntriesCommand implements Callable<Integer> {
    /** Above this many files a progress line goes to stderr after each batch. */
    private static final int PROGRESS_BATCH = 500;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--tree", defaultValue = "Events", description = "Tree name (default: ${DEFAULT-VALUE}).")
    private String tree;

    @Option(names = "--parallel", defaultValue = "4", paramLabel = "N",
            description = "Files read at once (default: ${DEFAULT-VALUE}).")
    private int parallel;

    @Option(names = "--fast", description = {
        "Check that the StreamerInfo record lies in the file instead of decompressing it as ROOT does:",
        "one read less per file, but a file whose StreamerInfo is damaged inside is not reported."})
    private boolean fast;

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    private boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "ROOT files (also @listfile).")
    private List<Path> files;

    @Override
    public Integer call() {
        if (parallel < 1) {
            throw new IllegalArgumentException("--parallel must be at least 1, got " + parallel);
        }
        List<RootTreeCount> counts = countWithProgress();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            printJson(out, counts);
        } else {
            printTable(out, counts);
        }
        boolean allGood = counts.stream().allMatch(c -> c.status() == RootTreeCount.Status.OK);
        return allGood ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    private List<RootTreeCount> countWithProgress() {
        if (files.size() <= PROGRESS_BATCH) {
            return RootFiles.entries(files, tree, parallel, verification());
        }
        PrintWriter err = spec.commandLine().getErr();
        List<RootTreeCount> counts = new ArrayList<>(files.size());
        long start = System.nanoTime();
        for (int from = 0; from < files.size(); from += PROGRESS_BATCH) {
            int to = Math.min(files.size(), from + PROGRESS_BATCH);
            counts.addAll(RootFiles.entries(files.subList(from, to), tree, parallel, verification()));
            double seconds = (System.nanoTime() - start) / 1e9;
            err.printf(Locale.ROOT, "counted %d/%d files (%.1f s)%n", to, files.size(), seconds);
            err.flush();
        }
        return counts;
    }

    private RootFile.Verification verification() {
        return fast ? RootFile.Verification.FAST : RootFile.Verification.FULL;
    }

    private void printTable(PrintWriter out, List<RootTreeCount> counts) {
        TextTable table = new TextTable("FILE", "ENTRIES>", "STATUS", "ZOMBIE", "RECOVERED", "PROBLEM");
        for (RootTreeCount c : counts) {
            table.row(c.file(), c.entries().isPresent() ? c.entries().getAsLong() : "-", c.status(),
                    yesNo(c.zombie()), yesNo(c.recovered()), c.problem().orElse(""));
        }
        table.print(out);
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    private void printJson(PrintWriter out, List<RootTreeCount> counts) {
        try (Json j = Json.to(out)) {
            j.startArray();
            for (RootTreeCount c : counts) {
                j.startObject()
                        .field("file", c.file().toString())
                        .field("tree", c.tree())
                        .field("entries", c.entries())
                        .field("status", c.status().name())
                        .field("zombie", c.zombie())
                        .field("recovered", c.recovered())
                        .field("problem", c.problem())
                        .endObject();
            }
            j.endArray();
        }
    }
}
