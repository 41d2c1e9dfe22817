package org.runops.studies;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The PCA of the trackerstudies notebook (ptrstn/cms-tracker-studies-notebook {@code example.py}) as a
 * recipe over a full studies table ({@link FullStudyTable}):
 * <ol>
 * <li>keep the rows of one era ({@code fill__era}, "2018D"), of the reconstructions express and prompt,
 *     with {@code Hits.Pixel.mean > 0} and {@code Hits.Strip.mean > 0} (a missing mean fails the test,
 *     as NaN does in pandas);
 * <li>features: every numeric column whose name contains {@code .rms} or {@code mean}, plus
 *     {@code recorded_lumi} ({@link #notebookFeatures});
 * <li>missing values become 0 after the filters, then every feature is standardised and a PCA with
 *     5 components fitted ({@link StudyPca.Missing#ZERO}).
 * </ol>
 *
 * @param era             the {@code fill__era} to keep; null keeps every era
 * @param reconstructions the reconstructions to keep (lower case); empty keeps all
 * @param hitsFilter      whether to keep only rows with {@code Hits.Pixel.mean > 0} and {@code Hits.Strip.mean > 0}
 * @param components      how many components, at most (fewer when there are fewer features)
 */
public record PcaRecipe(String era, Set<String> reconstructions, boolean hitsFilter, int components) {
    /** The column the era filter reads. */
    public static final String ERA_COLUMN = StudyJoin.FILL_PREFIX + "era";
    /** The column the reconstruction filter reads. */
    public static final String RECONSTRUCTION_COLUMN = "reconstruction";
    /** The notebook's tokens: a column whose name contains one is a feature. */
    public static final List<String> FEATURE_TOKENS = List.of(".rms", "mean");
    /** The one feature the notebook adds by name. */
    public static final String LUMI_FEATURE = "recorded_lumi";
    private static final List<String> HITS = List.of("Hits.Pixel.mean", "Hits.Strip.mean");

    public PcaRecipe {
        reconstructions = reconstructions.stream().map(r -> r.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        if (components < 1) {
            throw new IllegalArgumentException("components must be positive, was " + components);
        }
    }

    /** The notebook's choices: 2018D, express and prompt, the hits filter, 5 components. */
    public static PcaRecipe notebook() {
        return new PcaRecipe("2018D", Set.of("express", "prompt"), true, 5);
    }

    /** The rows the recipe keeps, in order. A filter whose column the table lacks is an error naming it. */
    public StudyTable filter(StudyTable table) {
        List<Object> eras = era == null ? null : table.column(ERA_COLUMN);
        List<Object> recos = reconstructions.isEmpty() ? null : table.column(RECONSTRUCTION_COLUMN);
        double[] pixel = hitsFilter ? table.numeric(HITS.get(0)) : null;
        double[] strip = hitsFilter ? table.numeric(HITS.get(1)) : null;
        StudyTable.Builder out = StudyTable.builder(table.columns());
        for (int i = 0; i < table.size(); i++) {
            if (eras != null && !era.equals(Objects.toString(eras.get(i), null))) {
                continue;
            }
            if (recos != null && (recos.get(i) == null
                    || !reconstructions.contains(recos.get(i).toString().toLowerCase(Locale.ROOT)))) {
                continue;
            }
            if (hitsFilter && !(pixel[i] > 0 && strip[i] > 0)) {
                continue;
            }
            out.add(table.rawRow(i));
        }
        return out.build();
    }

    /**
     * The notebook's features of {@code table}: the numeric columns (every value a number or missing)
     * whose name contains {@code .rms} or {@code mean}, and {@code recorded_lumi}, in column order.
     */
    public static List<String> notebookFeatures(StudyTable table) {
        List<String> out = new ArrayList<>();
        for (String c : table.columns()) {
            boolean named = c.equals(LUMI_FEATURE) || FEATURE_TOKENS.stream().anyMatch(c::contains);
            if (named && numeric(table, c)) {
                out.add(c);
            }
        }
        return out;
    }

    private static boolean numeric(StudyTable table, String column) {
        return table.column(column).stream().allMatch(v -> v == null || v instanceof Long || v instanceof Double);
    }

    /**
     * Filters {@code table}, fits the PCA on {@code features} (null: {@link #notebookFeatures} of the kept
     * rows) with missing values as 0, and returns the kept rows with their scores.
     */
    public StudyPca.Result apply(StudyTable table, List<String> features) {
        StudyTable kept = filter(table);
        List<String> columns = features != null ? features : notebookFeatures(kept);
        if (columns.isEmpty()) {
            throw new StudyException("no feature columns: the table has no numeric column named like *.rms, *mean* or "
                    + LUMI_FEATURE + " (build it with DQM features, --dqm)");
        }
        if (kept.size() < 2) {
            throw new StudyException("the PCA needs at least 2 rows; " + kept.size() + " of " + table.size()
                    + " rows pass the filters (" + describe() + ")");
        }
        return StudyPca.apply(kept, columns, Math.min(components, columns.size()), StudyPca.Missing.ZERO);
    }

    /** The filters in words, for messages and reports. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(era == null ? "any era" : ERA_COLUMN + " = " + era);
        parts.add(reconstructions.isEmpty() ? "any reconstruction" : "reconstruction in " + reconstructions.stream().sorted().toList());
        if (hitsFilter) {
            parts.add("Hits.Pixel.mean > 0 and Hits.Strip.mean > 0");
        }
        return String.join(", ", parts);
    }
}
