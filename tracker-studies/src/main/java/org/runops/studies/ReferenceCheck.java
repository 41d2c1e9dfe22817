package org.runops.studies;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import org.runops.core.RunopsException;

/**
 * A proposed reference checked against the histograms: the {@link TrackingMaps#referenceCost} of the run's
 * tracking map against the proposed reference's and against every other candidate's, cheapest first. A low
 * cost says the maps have the same shape; it does not make a reference right (the shifter's choice also
 * weighs conditions the map does not show), but a proposal far costlier than the other candidates is worth a
 * second look.
 *
 * @param run      the run that needs a reference
 * @param proposed the proposed reference
 * @param entries  the proposed reference and the candidates, by cost (cheapest first; no cost last, in the
 *                 recommender's order)
 */
public record ReferenceCheck(long run, long proposed, List<Entry> entries) {
    private static final String NO_MAP = "no map";

    /**
     * One candidate.
     *
     * @param candidate       the reference run
     * @param recommenderRank its 1-based rank in the recommender's list; 0 when the recommender did not list it
     * @param cost            its reference cost; NaN when it has none
     * @param note            why it has no cost ("no map", "flat map or another binning", "not fetched: ..."); "" when it has one
     */
    public record Entry(long candidate, int recommenderRank, double cost, String note) {
        public Entry {
            Objects.requireNonNull(note, "note");
        }

        public boolean hasCost() {
            return !Double.isNaN(cost);
        }
    }

    public ReferenceCheck {
        entries = List.copyOf(entries);
    }

    /**
     * Checks {@code proposed} for {@code run} among {@code candidates} (the recommender's list, best first;
     * {@code proposed} may or may not be in it). {@code maps} gives a run's tracking map, empty when there is
     * none. Without a map of {@code run} itself nothing can be compared: a {@link StudyException}. A candidate
     * whose map could not be got (the lookup threw: server down, unreadable file) is neither cheap nor costly:
     * no cost, and the note says why.
     */
    public static ReferenceCheck of(long run, long proposed, List<Long> candidates, LongFunction<Optional<double[][]>> maps) {
        double[][] runMap = maps.apply(run).orElseThrow(() -> new StudyException("no tracking map of run " + run
                + ": nothing to compare the references with"));
        Set<Long> all = new LinkedHashSet<>(candidates);
        all.add(proposed);
        List<Entry> entries = new ArrayList<>(all.size());
        for (long c : all) {
            int rank = candidates.indexOf(c) + 1;
            Optional<double[][]> map;
            try {
                map = maps.apply(c);
            } catch (RunopsException e) {
                entries.add(new Entry(c, rank, Double.NaN, "not fetched: " + e.getMessage()));
                continue;
            }
            double cost = map.map(m -> TrackingMaps.referenceCost(runMap, m)).orElse(Double.NaN);
            String note = !Double.isNaN(cost) ? "" : map.isEmpty() ? NO_MAP : "flat map or another binning";
            entries.add(new Entry(c, rank, cost, note));
        }
        entries.sort(Comparator.comparing((Entry e) -> !e.hasCost()).thenComparingDouble(e -> e.hasCost() ? e.cost() : 0)
                .thenComparingInt(e -> e.recommenderRank() == 0 ? Integer.MAX_VALUE : e.recommenderRank()));
        return new ReferenceCheck(run, proposed, entries);
    }

    /** The candidates (the proposal included) that have no map: what to crawl before checking again. */
    public List<Long> withoutMap() {
        return entries.stream().filter(e -> e.note().equals(NO_MAP)).map(Entry::candidate).toList();
    }

    /** The proposed reference's entry. */
    public Entry proposedEntry() {
        return entries.stream().filter(e -> e.candidate() == proposed).findFirst().orElseThrow();
    }

    /** The proposed reference's 1-based place by cost among the candidates with a cost; 0 when it has none. */
    public int proposedPlace() {
        int place = 0;
        for (Entry e : entries) {
            if (!e.hasCost()) {
                return 0;
            }
            place++;
            if (e.candidate() == proposed) {
                return place;
            }
        }
        return 0;
    }

    /** How many candidates have a cost. */
    public long withCost() {
        return entries.stream().filter(Entry::hasCost).count();
    }
}
