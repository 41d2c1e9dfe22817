package org.runops.runregistry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import org.runops.runregistry.internal.GoldenJsonFormat;
import org.runops.runregistry.internal.RecordFiles;
import org.runops.runregistry.internal.Ranges;

/**
 * A golden JSON (lumi mask): for each run, the certified lumisections as sorted, disjoint ranges, adjacent ones
 * merged ({@code [[1, 88], [89, 92]]} becomes {@code [[1, 92]]}), 1-based and inclusive. Immutable; equal
 * masks are {@link #equals equal} whatever ranges they were built from. Runs with no lumisection are not kept.
 *
 * <pre>{@code
 * GoldenJson golden = GoldenJson.read(Path.of("Cert_Collisions2018.json"));
 * GoldenJson strip = client.generateJson(logic, "/PromptReco/Collisions2018_/DQM", JsonPortalOptions.defaults(), p -> {});
 * GoldenJson lost = golden.subtract(strip);
 * lost.lumisectionCount(); lost.contains(316361, 125);
 * }</pre>
 */
public final class GoldenJson {
    private static final GoldenJson EMPTY = new GoldenJson(new TreeMap<>());

    /** Per run: flat pairs {@code first0, last0, first1, last1, ...}, normalised; never empty. */
    private final NavigableMap<Long, int[]> runs;

    private GoldenJson(NavigableMap<Long, int[]> normalised) {
        this.runs = normalised;
    }

    public static GoldenJson empty() {
        return EMPTY;
    }

    /** A mask from ranges in any order, overlapping or not; they are sorted and merged. */
    public static GoldenJson of(Map<Long, List<LumiRange>> ranges) {
        Builder b = builder();
        ranges.forEach((run, list) -> list.forEach(r -> b.add(run, r.start(), r.end())));
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads the standard format {@code {"<run>": [[first, last], ...], ...}} from {@code file}. */
    public static GoldenJson read(Path file) {
        return parse(RecordFiles.bytes(file), file.toString());
    }

    /** Parses the standard format; {@code source} names the input in errors. Ranges may come unsorted or overlapping. */
    public static GoldenJson parse(byte[] json, String source) {
        return GoldenJsonFormat.parse(json, source);
    }

    /**
     * The standard format as Run Registry's own files lay it out: 4-space indent, runs ascending, each run's
     * ranges on one line unless that line would pass 80 characters, then one range per line; newline at the end.
     */
    public String toJson() {
        return GoldenJsonFormat.write(runs);
    }

    /** {@link #toJson} written to {@code file} atomically. */
    public void write(Path file) {
        RecordFiles.write(file, toJson());
    }

    /** The runs with at least one lumisection, ascending. */
    public NavigableSet<Long> runs() {
        return Collections.unmodifiableNavigableSet(runs.navigableKeySet());
    }

    /** The ranges of {@code run}, ascending (empty when the run has none). */
    public List<LumiRange> ranges(long run) {
        int[] pairs = runs.get(run);
        if (pairs == null) {
            return List.of();
        }
        List<LumiRange> out = new ArrayList<>(pairs.length / 2);
        for (int i = 0; i < pairs.length; i += 2) {
            out.add(new LumiRange(pairs[i], pairs[i + 1]));
        }
        return out;
    }

    public boolean contains(long run, int lumisection) {
        int[] pairs = runs.get(run);
        return pairs != null && Ranges.contains(pairs, lumisection);
    }

    public int runCount() {
        return runs.size();
    }

    /** How many ranges all runs have together. */
    public int rangeCount() {
        int n = 0;
        for (int[] p : runs.values()) {
            n += p.length / 2;
        }
        return n;
    }

    /** How many lumisections all runs have together. */
    public long lumisectionCount() {
        long n = 0;
        for (int[] p : runs.values()) {
            n += Ranges.count(p);
        }
        return n;
    }

    public boolean isEmpty() {
        return runs.isEmpty();
    }

    /** Lumisections in this mask or in {@code other}. */
    public GoldenJson union(GoldenJson other) {
        NavigableMap<Long, int[]> out = new TreeMap<>(runs);
        other.runs.forEach((run, pairs) -> out.merge(run, pairs, Ranges::union));
        return new GoldenJson(out);
    }

    /** Lumisections in both. */
    public GoldenJson intersection(GoldenJson other) {
        NavigableMap<Long, int[]> out = new TreeMap<>();
        runs.forEach((run, pairs) -> {
            int[] theirs = other.runs.get(run);
            if (theirs != null) {
                int[] both = Ranges.intersection(pairs, theirs);
                if (both.length > 0) {
                    out.put(run, both);
                }
            }
        });
        return new GoldenJson(out);
    }

    /** Lumisections in this mask but not in {@code other}. */
    public GoldenJson subtract(GoldenJson other) {
        NavigableMap<Long, int[]> out = new TreeMap<>();
        runs.forEach((run, pairs) -> {
            int[] theirs = other.runs.get(run);
            int[] left = theirs == null ? pairs : Ranges.subtract(pairs, theirs);
            if (left.length > 0) {
                out.put(run, left);
            }
        });
        return new GoldenJson(out);
    }

    /** Only the runs {@code first..last} (inclusive). */
    public GoldenJson restrictedTo(long first, long last) {
        if (first > last) {
            throw new IllegalArgumentException("run range must ascend, got " + first + ".." + last);
        }
        return new GoldenJson(new TreeMap<>(runs.subMap(first, true, last, true)));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GoldenJson g) || g.runs.size() != runs.size()) {
            return false;
        }
        Iterator<Map.Entry<Long, int[]>> theirs = g.runs.entrySet().iterator();
        for (Map.Entry<Long, int[]> e : runs.entrySet()) {
            Map.Entry<Long, int[]> t = theirs.next();
            if (!e.getKey().equals(t.getKey()) || !Arrays.equals(e.getValue(), t.getValue())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (Map.Entry<Long, int[]> e : runs.entrySet()) {
            h = 31 * h + Long.hashCode(e.getKey()) * 17 + Arrays.hashCode(e.getValue());
        }
        return h;
    }

    @Override
    public String toString() {
        return "GoldenJson[" + runCount() + " runs, " + rangeCount() + " ranges, " + lumisectionCount() + " lumisections]";
    }

    /** Collects ranges in any order; {@link #build} sorts and merges them. */
    public static final class Builder {
        private final TreeMap<Long, List<int[]>> ranges = new TreeMap<>();

        private Builder() {}

        /** Adds lumisections {@code first..last} (1-based, inclusive) of {@code run}. */
        public Builder add(long run, int first, int last) {
            if (run <= 0) {
                throw new IllegalArgumentException("run number must be positive, got " + run);
            }
            if (first < 1 || last < first) {
                throw new IllegalArgumentException("run " + run + ": lumisection range must be 1-based and ascending, got ["
                        + first + ", " + last + "]");
            }
            ranges.computeIfAbsent(run, r -> new ArrayList<>()).add(new int[] {first, last});
            return this;
        }

        public GoldenJson build() {
            NavigableMap<Long, int[]> out = new TreeMap<>();
            ranges.forEach((run, list) -> out.put(run, Ranges.normalise(list)));
            return new GoldenJson(out);
        }
    }
}
