package org.runops.core.events;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the DAQ metadata of one fff run directory: the EoR file, the per-lumisection EoLS files
 * and the index {@code .jsn} file of every raw file (spec strip-commissioning §3). One directory
 * listing; each small file read once; definitions ({@code .jsd}) read once per scan.
 */
public final class DaqRunDirectory {
    private static final Pattern RUN_DIR = Pattern.compile("run(\\d+)");
    private static final Pattern INDEX = Pattern.compile("run(\\d+)_ls(\\d+)_index(\\d+)\\.jsn");
    private static final Pattern EOLS = Pattern.compile("run(\\d+)_ls(\\d+)_EoLS\\.jsn");
    private static final Pattern EOR = Pattern.compile("run(\\d+)_ls0+_EoR\\.jsn");
    /** Lumisection and index numbers longer than this are not the DAQ's (it writes 4 and 6 digits); they would overflow a long. */
    private static final int MAX_DIGITS = 18;

    private final Path dir;
    private final Map<String, JsdDefinition> definitions = new HashMap<>();
    private final List<FileProblem> problems = new ArrayList<>();
    /** An EoR file is there but says nothing: damaged, not a regular file, or unreadable (not merely empty). */
    private Optional<String> endOfRunUnreadable = Optional.empty();

    private DaqRunDirectory(Path dir) {
        this.dir = dir;
    }

    /**
     * Scans {@code runDirectory}: EoR, EoLS and index {@code .jsn} files. Bad files are reported in
     * {@link DaqRunSummary#problems()}, never thrown; a missing directory gives a summary whose count is MISSING.
     *
     * @throws UncheckedIOException when the directory or one of its files cannot be read (an I/O error
     *                              says nothing about the run, so it is not reported as a bad file)
     */
    public static DaqRunSummary scan(Path runDirectory) {
        return new DaqRunDirectory(runDirectory).scan();
    }

    private record Index(long ls, long index, Path file) {}

    /** Per lumisection: what the index files add up to, and what the EoLS file says. */
    private static final class Lumi {
        int files;
        long events;
        boolean bad;
        final List<Long> indices = new ArrayList<>();
        Path eols;
    }

    private DaqRunSummary scan() {
        Matcher dirName = RUN_DIR.matcher(dir.getFileName() == null ? "" : dir.getFileName().toString());
        OptionalLong run = dirName.matches() ? parseRun(dirName.group(1)) : OptionalLong.empty();
        if (!isDirectory(dir)) {
            return new DaqRunSummary(dir, false, run, Optional.empty(), OptionalLong.empty(), Optional.empty(), 0, 0, 0, 0, false, List.of());
        }
        Path eor = null;
        List<Index> indexFiles = new ArrayList<>();
        TreeMap<Long, Lumi> lumis = new TreeMap<>();
        int raw = 0;
        int badNames = 0;
        boolean open = false;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                Matcher m;
                if ((m = INDEX.matcher(name)).matches() && sameRun(run, m.group(1))) {
                    OptionalLong ls = number(m.group(2), p, "lumisection");
                    OptionalLong index = ls.isPresent() ? number(m.group(3), p, "index") : OptionalLong.empty();
                    if (index.isPresent()) {
                        indexFiles.add(new Index(ls.getAsLong(), index.getAsLong(), p));
                    } else {
                        badNames++; // an index file whose events cannot be placed: the sum is not a count
                    }
                } else if ((m = EOLS.matcher(name)).matches() && sameRun(run, m.group(1))) {
                    OptionalLong ls = number(m.group(2), p, "lumisection");
                    if (ls.isPresent()) {
                        lumis.computeIfAbsent(ls.getAsLong(), k -> new Lumi()).eols = p;
                    }
                } else if ((m = EOR.matcher(name)).matches() && sameRun(run, m.group(1))) {
                    eor = p;
                } else if (name.endsWith(".raw")) {
                    raw++;
                } else if (name.equals("open")) {
                    open = true;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("listing run directory " + dir, e);
        }
        OptionalLong eorEvents = eor == null ? OptionalLong.empty() : endOfRun(eor);
        long sum = 0;
        int bad = 0;
        for (Index i : indexFiles) {
            Lumi lumi = lumis.computeIfAbsent(i.ls, k -> new Lumi());
            lumi.files++;
            lumi.indices.add(i.index);
            try {
                DataPointFile point = DataPointFile.read(i.file);
                long n = point.longAt(eventsField(point), "NEvents");
                sum = addEvents(sum, n, i.file);
                lumi.events += n; // at most sum, so it cannot overflow either
            } catch (JsnFormatException e) {
                bad++;
                lumi.bad = true;
                problems.add(new FileProblem(i.file, "unreadable index file: " + stripPath(e, i.file)));
            }
        }
        crossCheck(lumis, eor != null);
        if (eorEvents.isPresent() && bad == 0 && !indexFiles.isEmpty() && eorEvents.getAsLong() != sum) {
            problems.add(new FileProblem(eor, "EoR says " + eorEvents.getAsLong() + " events but the " + indexFiles.size()
                    + " index files hold " + sum));
        }
        return new DaqRunSummary(dir, true, run, Optional.ofNullable(eor), eorEvents, endOfRunUnreadable, sum, indexFiles.size() + badNames, bad + badNames, raw, open, problems);
    }

    /** Adds one index file's events to the run total; a total beyond a long is no count, so that file is bad. */
    private static long addEvents(long sum, long events, Path file) {
        try {
            return Math.addExact(sum, events);
        } catch (ArithmeticException e) {
            throw new JsnFormatException(file, "NEvents " + events + " takes the run's total past " + Long.MAX_VALUE
                    + " events, which no run has");
        }
    }

    /**
     * EoR {@code NEvents}, or empty with a problem. An empty EoR is what the BU writes into runs that lack one
     * (spec §3.4.1), so it counts as "no EoR"; any other failure leaves the run's count indeterminate unless
     * the index files give it, and never makes the run a zero-event run.
     */
    private OptionalLong endOfRun(Path eor) {
        try {
            DataPointFile point = DataPointFile.read(eor);
            return OptionalLong.of(point.longAt(eventsField(point), "NEvents"));
        } catch (DaqJson.EmptyFileException e) {
            problems.add(new FileProblem(eor, "unusable EoR file, counting index files instead: " + stripPath(e, eor)));
        } catch (JsnFormatException e) {
            endOfRunUnreadable = Optional.of(e.getMessage());
            problems.add(new FileProblem(eor, "unusable EoR file, counting index files instead: " + stripPath(e, eor)));
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof ClosedByInterruptException || e.getCause() instanceof InterruptedIOException) {
                throw e;
            }
            endOfRunUnreadable = Optional.of(e.getMessage());
            problems.add(new FileProblem(eor, "unreadable EoR file, counting index files instead: " + e.getMessage()));
        }
        return OptionalLong.empty();
    }

    /** Index of NEvents per the file's definition; the BU always writes it first, so 0 without one. */
    private int eventsField(DataPointFile point) {
        JsdDefinition definition = definition(point.definition());
        int i = definition == null ? -1 : definition.indexOf("NEvents");
        return i >= 0 ? i : 0;
    }

    private int field(DataPointFile point, String name, int fallback) {
        JsdDefinition definition = definition(point.definition());
        int i = definition == null ? -1 : definition.indexOf(name);
        return i >= 0 ? i : fallback;
    }

    private JsdDefinition definition(String written) {
        if (definitions.containsKey(written)) {
            return definitions.get(written);
        }
        JsdDefinition found = JsdDefinition.locate(dir, written).map(path -> {
            try {
                return JsdDefinition.read(path);
            } catch (JsnFormatException e) {
                problems.add(new FileProblem(path, "unreadable definition, using field order NEvents first: " + stripPath(e, path)));
                return null;
            }
        }).orElse(null);
        definitions.put(written, found);
        return found;
    }

    /** Per lumisection: index files vs EoLS NEvents/NFiles, missing index numbers, missing EoLS files. */
    private void crossCheck(TreeMap<Long, Lumi> lumis, boolean runEnded) {
        if (lumis.isEmpty()) {
            return;
        }
        long expected = 1;
        for (Map.Entry<Long, Lumi> entry : lumis.entrySet()) {
            long ls = entry.getKey();
            Lumi lumi = entry.getValue();
            if (ls > expected) {
                // Every closed lumisection leaves an EoLS file, even without data: a jump is a gap.
                problems.add(new FileProblem(dir, ls - 1 == expected
                        ? String.format(Locale.ROOT, "lumisection %d has no EoLS file", expected)
                        : String.format(Locale.ROOT, "lumisections %d-%d have no EoLS files", expected, ls - 1)));
            }
            expected = ls + 1;
            checkIndexNumbers(ls, lumi);
            if (lumi.eols == null) {
                if (runEnded || ls < lumis.lastKey()) {
                    problems.add(new FileProblem(dir, String.format(Locale.ROOT, "lumisection %d has index files but no EoLS file", ls)));
                }
                continue;
            }
            try {
                DataPointFile eols = DataPointFile.read(lumi.eols);
                long events = eols.longAt(eventsField(eols), "NEvents");
                long files = eols.longAt(field(eols, "NFiles", 1), "NFiles");
                if (files != lumi.files) {
                    problems.add(new FileProblem(lumi.eols, String.format(Locale.ROOT,
                            "lumisection %d: EoLS says %d index files, found %d", ls, files, lumi.files)));
                } else if (!lumi.bad && events != lumi.events) {
                    problems.add(new FileProblem(lumi.eols, String.format(Locale.ROOT,
                            "lumisection %d: EoLS says %d events, its index files hold %d", ls, events, lumi.events)));
                }
            } catch (JsnFormatException e) {
                problems.add(new FileProblem(lumi.eols, "unreadable EoLS file: " + stripPath(e, lumi.eols)));
            }
        }
    }

    private void checkIndexNumbers(long ls, Lumi lumi) {
        lumi.indices.sort(null);
        for (int i = 0; i < lumi.indices.size(); i++) {
            if (lumi.indices.get(i) != i) {
                problems.add(new FileProblem(dir, String.format(Locale.ROOT, "lumisection %d: index file %06d is missing", ls, i)));
                return;
            }
        }
    }

    /** A number from a file name, or empty (with a problem naming the file) when it has too many digits to be one. */
    private OptionalLong number(String digits, Path file, String what) {
        if (digits.length() > MAX_DIGITS) {
            problems.add(new FileProblem(file, String.format(Locale.ROOT, "%s number in the name has %d digits, more than the %d"
                    + " any DAQ file name has: file not used", what, digits.length(), MAX_DIGITS)));
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(digits));
    }

    /** False when absent or not a directory; an I/O error is not "absent". */
    private static boolean isDirectory(Path dir) {
        try {
            return Files.readAttributes(dir, BasicFileAttributes.class).isDirectory();
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the attributes of run directory " + dir, e);
        }
    }

    private static boolean sameRun(OptionalLong run, String digits) {
        return run.isEmpty() || parseRun(digits).equals(run);
    }

    private static OptionalLong parseRun(String digits) {
        try {
            return OptionalLong.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The exception names the file; the problem record does too. */
    private static String stripPath(JsnFormatException e, Path file) {
        String prefix = file + ": ";
        String m = e.getMessage();
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }
}
