package org.runops.dqm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.runops.core.refrun.Reconstruction;

/**
 * Which of a run's DQM GUI datasets holds a given reconstruction, by the rules of the tracker DPG's
 * {@code dqmcrawlr} (CMSTrackerDPG/dqmcrawlr {@code dqm.py} {@code _extract_dataset}), so a crawl picks
 * the same dataset the existing studies were built from. All tests are case-sensitive substring tests
 * on the full name ({@code /<primary dataset>/<processing>/<tier>}):
 * <ul>
 *   <li>{@link Reconstruction#EXPRESS}: {@code /StreamExpress/}, {@code /StreamExpressCosmics/} or
 *       {@code /StreamHIExpress/}, with {@code -Express-} and {@code /DQM}.</li>
 *   <li>{@link Reconstruction#PROMPT}: {@code -PromptReco-} and {@code /DQM}, the primary dataset tried
 *       in order {@code /Cosmics/}, {@code /ZeroBias/}, {@code /MinimumBias/}, {@code /HIMinimumBias*}; the
 *       first that matches anything wins (some runs, e.g. 325680, have all of them).</li>
 *   <li>{@link Reconstruction#RERECO}: {@code /SingleTrack/} in {@code /Run2017G} (the 2017G re-reco was
 *       done on SingleTrack), otherwise {@code /ZeroBias/} outside {@code /Run2017G}; never
 *       {@code -PromptReco-} or {@code -Express-}; with {@code /DQM}.</li>
 *   <li>{@link Reconstruction#RERECOUL} (not in dqmcrawlr, which knows only "reReco"): the RERECO rule
 *       restricted to names containing {@code UL} (the {@code _UL2018} processings).</li>
 *   <li>{@link Reconstruction#ONLINE}: {@code /Global/Online/ALL}, the online GUI's only dataset, when listed.</li>
 *   <li>{@link Reconstruction#UNKNOWN}: nothing.</li>
 * </ul>
 * <p><b>Several matches: the version-sort trap.</b> dqmcrawlr sorts the matches as strings in reverse
 * order and takes the first, meaning "the highest version". As strings {@code -v9} sorts after
 * {@code -v10}, so {@code /ZeroBias/Run2018C-PromptReco-v9/DQMIO} beats {@code ...-v10/DQMIO}, and
 * {@code /HIMinimumBias9/} beats {@code /HIMinimumBias19/}. This is reproduced on purpose: the study
 * tables and reference histograms users have were crawled with it, and a crawl must fetch the same
 * dataset to be comparable. Pick the dataset explicitly when that matters.
 */
public final class DatasetResolver {
    private static final String DQM_TIER = "/DQM";
    private static final String PROMPT_RECO = "-PromptReco-";
    private static final String EXPRESS = "-Express-";
    private static final String RUN2017G = "/Run2017G";
    /** Prompt primary datasets in the order they are tried. */
    private static final List<String> PROMPT_PRIMARIES = List.of("/Cosmics/", "/ZeroBias/", "/MinimumBias/", "/HIMinimumBias");

    private DatasetResolver() {}

    /**
     * The dataset of {@code reco} among {@code datasetNames} (one run's datasets in the GUI, e.g.
     * {@link DqmSample#datasetNames}), or empty when none matches. The run is not needed: the names carry the era.
     */
    public static Optional<String> pick(Reconstruction reco, List<String> datasetNames) {
        Objects.requireNonNull(reco, "reco");
        Objects.requireNonNull(datasetNames, "datasetNames");
        List<String> matches = switch (reco) {
            case EXPRESS -> matching(datasetNames, DatasetResolver::isExpress);
            case PROMPT -> prompt(datasetNames);
            case RERECO -> matching(datasetNames, DatasetResolver::isRereco);
            case RERECOUL -> matching(datasetNames, name -> isRereco(name) && name.contains("UL"));
            case ONLINE -> matching(datasetNames, DqmInstance.ONLINE_DATASET::equals);
            case UNKNOWN -> List.of();
        };
        // dqmcrawlr: several matches → reverse string sort, first wins (v9 beats v10, see class doc).
        return matches.stream().max(Comparator.naturalOrder());
    }

    private static boolean isExpress(String name) {
        return (name.contains("/StreamExpress/") || name.contains("/StreamExpressCosmics/") || name.contains("/StreamHIExpress/"))
                && name.contains(EXPRESS) && name.contains(DQM_TIER);
    }

    private static List<String> prompt(List<String> names) {
        for (String primary : PROMPT_PRIMARIES) {
            List<String> found = matching(names, name -> name.contains(primary) && name.contains(PROMPT_RECO) && name.contains(DQM_TIER));
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static boolean isRereco(String name) {
        boolean primary = name.contains("/SingleTrack/") && name.contains(RUN2017G)
                || name.contains("/ZeroBias/") && !name.contains(RUN2017G);
        return primary && !name.contains(PROMPT_RECO) && !name.contains(EXPRESS) && name.contains(DQM_TIER);
    }

    private static List<String> matching(List<String> names, Predicate<String> rule) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            if (name != null && rule.test(name)) {
                out.add(name);
            }
        }
        return out;
    }
}
