package org.runops.calo.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.runops.calo.CatalogFile;
import org.runops.calo.RunTag;
import org.runops.calo.TagSelectionPolicy;

/**
 * The decide step of {@code FileCatalog.winningFiles}, pure over the rows the SQL gathered (HIST rows of the
 * run range, already without HIST_CALOQASKIMMED, segment 9999 and empty tags):
 * <ol>
 * <li>with a threshold, drop every (run, tag) whose events are not more than it (Query A: the threshold
 *     applies before the tag choice, so a newer tag still short of events leaves the run to the older one).
 *     A (run, tag)'s events are the sum over its distinct segments of that segment's DST events; a segment
 *     without a DST row adds none (its HIST file is kept, where Query A's inner join dropped it);</li>
 * <li>per run the winning tag ({@link TagSelection}) among the rest, decided by HIST_CALOQA rows only; a
 *     tag's campaign start is its earliest HIST_CALOQA registration among these kept rows — the run type's
 *     range and, with a threshold, the (run, tag) pairs above it — as the pandas rule took the minimum over
 *     the query's result (tags are not per run type: another run type's files of a tag must not move it);</li>
 * <li>the winning tag's files, one per logical file name: a replica not on {@code hpss} first (the FROG
 *     rule), then the least host name, then the least path — so duplicates never reach a list file and
 *     the choice never depends on row order; an lfn only on hpss keeps its hpss path (the file check then
 *     reports it, rather than the run silently losing a file).</li>
 * </ol>
 * Ordered by run, then path.
 */
public final class WinningFiles {
    private static final Comparator<CatalogRow> REPLICA_PREFERENCE = Comparator
            .comparing((CatalogRow r) -> r.host().equalsIgnoreCase("hpss"))
            .thenComparing(CatalogRow::host).thenComparing(CatalogRow::path);

    private WinningFiles() {}

    /** @param rows the HIST rows of the query's run range */
    public static List<CatalogFile> select(List<CatalogRow> rows, TagSelectionPolicy policy, OptionalLong minEvents) {
        Map<RunTag, List<CatalogRow>> byRunTag = new LinkedHashMap<>();
        rows.forEach(r -> byRunTag.computeIfAbsent(new RunTag(r.run(), r.tag()), k -> new ArrayList<>()).add(r));
        if (minEvents.isPresent()) {
            byRunTag.values().removeIf(list -> segmentEvents(list, CatalogRow::segment, CatalogRow::events).orElse(0) <= minEvents.getAsLong());
        }
        Map<String, Instant> campaignStarts = new HashMap<>();
        byRunTag.values().forEach(list -> list.stream().filter(CatalogRow::decidesTag)
                .forEach(r -> campaignStarts.merge(r.tag(), r.registered(), (a, b) -> a.isBefore(b) ? a : b)));
        List<TagCandidate> candidates = new ArrayList<>();
        byRunTag.forEach((runTag, list) -> list.stream().filter(CatalogRow::decidesTag).map(CatalogRow::registered)
                .max(Comparator.naturalOrder())
                .ifPresent(latest -> candidates.add(new TagCandidate(runTag.run(), runTag.tag(), latest,
                        campaignStarts.get(runTag.tag())))));
        List<CatalogFile> out = new ArrayList<>();
        TagSelection.winners(candidates, policy).forEach((run, tag) -> {
            Map<String, CatalogRow> perLfn = new TreeMap<>();
            byRunTag.get(new RunTag(run, tag)).forEach(r -> perLfn.merge(r.lfn(), r,
                    (a, b) -> REPLICA_PREFERENCE.compare(a, b) <= 0 ? a : b));
            perLfn.values().forEach(r -> out.add(new CatalogFile(r.run(), r.segment(), r.tag(), r.dstType(), r.path(),
                    r.registered(), r.events())));
        });
        out.sort(Comparator.comparingLong(CatalogFile::run).thenComparing(CatalogFile::path));
        return out;
    }

    /**
     * The events of one (run, tag)'s files: per distinct segment its DST events, summed (a segment's
     * HIST_CALOQA and HIST_CALOFITTINGQA files share them); empty when no segment's events are known.
     */
    public static <T> OptionalLong segmentEvents(List<T> filesOfOneRunTag, ToIntFunction<T> segment, Function<T, OptionalLong> events) {
        Map<Integer, Long> perSegment = new HashMap<>();
        filesOfOneRunTag.forEach(f -> events.apply(f).ifPresent(e -> perSegment.merge(segment.applyAsInt(f), e, Math::max)));
        return perSegment.isEmpty() ? OptionalLong.empty() : OptionalLong.of(perSegment.values().stream().mapToLong(Long::longValue).sum());
    }
}
