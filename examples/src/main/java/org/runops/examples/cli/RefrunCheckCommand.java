package org.runops.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.runops.core.ledger.AtomicFiles;
import org.runops.core.refrun.Recommendation;
import org.runops.core.refrun.RecommendationTarget;
import org.runops.core.refrun.RecommenderSettings;
import org.runops.core.refrun.Reconstruction;
import org.runops.dqm.CrawlLayout;
import org.runops.dqm.CrawlTarget;
import org.runops.studies.DqmCrawlDirectory;
import org.runops.studies.DqmFeatures;
import org.runops.studies.ReferenceCheck;
import org.runops.studies.StudyException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code runops refrun check RUN REF}: the proposed reference's tracking-map cost beside the other candidates'. */
@Command(name = "check", mixinStandardHelpOptions = true,
        header = "Check a proposed reference against the histograms: its reference cost beside the other candidates'.",
        description = {
            "Compare RUN's tracking map (TrackEtaPhi_ImpactPoint_GenTk) with the map of REF and of every candidate the",
            "recommender lists for RUN (as 'runops refrun recommend' ranks them: every choice learned but RUN's own from its reconstruction on).",
            "The cost is half the mean squared difference of the z-normalised maps: 0 = the same shape, about 1 = unrelated.",
            "Rows are sorted by cost; REF is marked. Candidates without a map (or with a flat one) come last, as n/a.",
            "Maps come from a crawl directory (--dqm DIR, as 'runops dqm crawl' writes it: DIR/<ME name>/<run>_<reco>.json).",
            "The candidates are only known once this runs: run it, crawl the runs it lists without a map (--missing-runs FILE",
            "writes them as a runs file: 'runops dqm crawl FILE --out DIR --resource <the map>'), then run it again;",
            "the candidates' maps are read for the same reconstruction as RUN's unless --reference-reconstruction says otherwise.",
            "A low cost does not make a reference right; a proposal much costlier than the others is worth a second look.",
            "Exit codes: 0 printed; 2 bad arguments, unreadable input or no map of RUN (nothing to compare with)."
        })
final class RefrunCheckCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "The run that needs a reference.")
    private long run;

    @Parameters(index = "1", paramLabel = "REF", description = "The proposed reference run.")
    private long reference;

    @Option(names = "--dataset", required = true, paramLabel = "D", description = "RUN's dataset, e.g. /Express/Collisions2018/DQM.")
    private String dataset;

    @Option(names = "--reconstruction", paramLabel = "R",
            description = "RUN's reconstruction: express, prompt, rereco, rerecoul (default: read from the dataset name).")
    private String reconstruction;

    @Option(names = "--reference-reconstruction", paramLabel = "R",
            description = "The reconstruction of the candidates' maps (default: RUN's, as trackerstudies compares them).")
    private String referenceReconstruction;

    @Option(names = "--top", defaultValue = "10", paramLabel = "N",
            description = "How many of the recommender's candidates to compare (default: ${DEFAULT-VALUE}, its own list length).")
    private int top;

    @Option(names = "--dqm", required = true, paramLabel = "DIR", description = "A DQM crawl directory holding the tracking maps.")
    private Path dqm;

    @Option(names = "--tracking-map", paramLabel = "ME", description = "The map's ME path (default: " + DqmFeatures.TRACKING_MAP + ").")
    private String trackingMap = DqmFeatures.TRACKING_MAP;

    @Option(names = "--missing-runs", paramLabel = "FILE",
            description = "Write the candidates without a map to FILE, one '<run> <Reco>' per line (runops dqm crawl's RUNS_FILE).")
    private Path missingRuns;

    @Mixin
    private RefrunInputs inputs;

    @Override
    public Integer call() {
        if (run <= 0 || reference <= 0) {
            throw new IllegalArgumentException("RUN and REF must be positive run numbers: " + run + ", " + reference);
        }
        if (top <= 0) {
            throw new IllegalArgumentException("--top must be positive: " + top);
        }
        Reconstruction reco = RefrunInputs.reconstruction("--reconstruction", reconstruction, Reconstruction.fromDataset(dataset));
        Reconstruction refReco = RefrunInputs.reconstruction("--reference-reconstruction", referenceReconstruction, reco);
        if (reco == Reconstruction.UNKNOWN) {
            throw new IllegalArgumentException("cannot tell RUN's reconstruction from the dataset '" + dataset + "': give --reconstruction");
        }
        RefrunInputs.Ranked ranked = inputs.recommend(new RecommendationTarget(run, dataset, reco.certhelperName()),
                RecommenderSettings.defaults().withCandidates(top), false);
        Recommendation rec = ranked.recommendation();
        int learned = ranked.learned();

        DqmCrawlDirectory crawl = new DqmCrawlDirectory(dqm);
        ReferenceCheck check = ReferenceCheck.of(run, reference, rec.runs(), r -> r == run ? runMap(crawl, reco)
                : crawl.map(trackingMap, r, refReco));
        print(check, reco, refReco, learned, spec.commandLine().getOut());
        writeMissing(check.withoutMap(), refReco);
        return ExitCodes.OK;
    }

    private void writeMissing(List<Long> runs, Reconstruction refReco) {
        PrintWriter err = spec.commandLine().getErr();
        if (!runs.isEmpty()) {
            err.println(runs.size() + " candidate(s) without a " + refReco.certhelperName() + " map: "
                    + runs.stream().map(String::valueOf).collect(Collectors.joining(" ")));
        }
        if (missingRuns != null) {
            StringBuilder text = new StringBuilder();
            runs.forEach(r -> text.append(new CrawlTarget(r, refReco).dqmcrawlLine()).append('\n'));
            try {
                AtomicFiles.write(missingRuns, text.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + missingRuns, e);
            }
            err.println("wrote " + runs.size() + " run(s) to crawl to " + missingRuns);
        }
        err.flush();
    }

    /** RUN's map; without it nothing can be compared, and the error names the file that was looked for. */
    private Optional<double[][]> runMap(DqmCrawlDirectory crawl, Reconstruction reco) {
        Optional<double[][]> map = crawl.map(trackingMap, run, reco);
        if (map.isEmpty()) {
            throw new StudyException("no tracking map of run " + run + " (" + reco.certhelperName() + "): expected "
                    + CrawlLayout.file(dqm, trackingMap, run, reco) + " (crawl it with runops dqm crawl)");
        }
        return map;
    }

    private void print(ReferenceCheck check, Reconstruction reco, Reconstruction refReco, int learned, PrintWriter out) {
        out.printf(Locale.ROOT, "Run %d (%s, %s): %s maps from %s; %d choices learned, %d candidates listed.%n%n", run,
                reco.certhelperName(), dataset, CrawlLayout.meName(trackingMap), dqm, learned, check.entries().size()
                        - (check.proposedEntry().recommenderRank() == 0 ? 1 : 0));
        TextTable table = new TextTable("COST>", "CANDIDATE>", "RECOMMENDER RANK>", "");
        for (ReferenceCheck.Entry e : check.entries()) {
            table.row(e.hasCost() ? String.format(Locale.ROOT, "%.4f", e.cost()) : "n/a", e.candidate(),
                    e.recommenderRank() == 0 ? "-" : Integer.toString(e.recommenderRank()),
                    e.candidate() == reference ? "<- REF" + (e.hasCost() ? "" : ", " + e.note()) : e.note());
        }
        table.print(out);
        out.println();
        ReferenceCheck.Entry ref = check.proposedEntry();
        String listed = ref.recommenderRank() == 0 ? "the recommender does not list it" : "the recommender ranks it " + ref.recommenderRank();
        if (!ref.hasCost()) {
            out.printf(Locale.ROOT, "REF %d has no cost (%s %s): it can be neither confirmed nor faulted by the maps; %s.%n", reference,
                    refReco.certhelperName(), ref.note(), listed);
        } else {
            ReferenceCheck.Entry best = check.entries().get(0);
            out.printf(Locale.ROOT, "REF %d is %d of %d by cost (%.4f; cheapest %d at %.4f); %s.%n", reference, check.proposedPlace(),
                    check.withCost(), ref.cost(), best.candidate(), best.cost(), listed);
        }
        out.flush();
    }
}
