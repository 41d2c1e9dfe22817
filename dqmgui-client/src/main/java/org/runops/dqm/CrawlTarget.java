package org.runops.dqm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.runops.core.refrun.Reconstruction;

/** One (run, reconstruction) to crawl; its dataset is resolved by {@link DatasetResolver}. */
public record CrawlTarget(long run, Reconstruction reco) {
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    public CrawlTarget {
        Objects.requireNonNull(reco, "reco");
        if (run <= 0) {
            throw new IllegalArgumentException("run number must be positive, got " + run);
        }
        if (reco == Reconstruction.UNKNOWN) {
            throw new IllegalArgumentException("run " + run + ": reconstruction must be known (online, express, prompt, rereco, rerecoul)");
        }
    }

    /**
     * Reads dqmcrawlr's {@code dqmcrawl} input file ({@code runs.txt}): one run per line, the run number and
     * its reconstruction separated by blanks ({@code 321012 Express}, {@code 306631 reReco}). The
     * reconstruction is read leniently ({@link Reconstruction#parse}: {@code Express}, {@code prompt},
     * {@code reReco}, {@code rereco UL}, {@code online}). Additions to dqmcrawlr's format: blank lines and
     * lines starting with {@code #} are skipped, and any run of blanks separates. Duplicates are kept
     * (the crawler does each once). A line that is not a positive run number and a known reconstruction
     * is a {@link DqmException} naming the file and the line — dqmcrawlr reported such a line per item
     * and went on; here the file is fixed first, since a typo would otherwise silently shrink a study.
     */
    public static List<CrawlTarget> readDqmcrawl(Path runsTxt) {
        Objects.requireNonNull(runsTxt, "runsTxt");
        try (BufferedReader in = Files.newBufferedReader(runsTxt, StandardCharsets.UTF_8)) {
            return parseDqmcrawl(in, runsTxt.toString());
        } catch (IOException e) {
            throw new DqmException("cannot read runs file " + runsTxt + ": " + e, e);
        }
    }

    /** This target as a line of dqmcrawlr's runs file ({@code 321012 Express}), as {@link #readDqmcrawl} reads it. */
    public String dqmcrawlLine() {
        String name = switch (reco) {
            case ONLINE -> "Online";
            case EXPRESS -> "Express";
            case PROMPT -> "Prompt";
            case RERECO -> "reReco";
            case RERECOUL -> "reRecoUL";
            case UNKNOWN -> throw new IllegalStateException("unknown reconstruction"); // refused by the constructor
        };
        return run + " " + name;
    }

    /** {@link #readDqmcrawl} over any reader; {@code source} names it in errors. */
    public static List<CrawlTarget> parseDqmcrawl(Reader reader, String source) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<CrawlTarget> targets = new ArrayList<>();
        int lineNumber = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            String text = lineNumber == 1 && line.startsWith("\uFEFF") ? line.substring(1).strip() : line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            targets.add(parseLine(text, source, lineNumber));
        }
        return List.copyOf(targets);
    }

    private static CrawlTarget parseLine(String text, String source, int lineNumber) {
        String where = source + " line " + lineNumber;
        String[] parts = BLANKS.split(text, 2);
        if (parts.length < 2) {
            throw new DqmException(where + ": expected '<run> <reconstruction>' (e.g. '321012 Express'), got '" + text + "'");
        }
        long run;
        try {
            run = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            throw new DqmException(where + ": run number must be a positive integer, got '" + parts[0] + "'");
        }
        if (run <= 0) {
            throw new DqmException(where + ": run number must be a positive integer, got '" + parts[0] + "'");
        }
        Reconstruction reco = Reconstruction.parse(parts[1]);
        if (reco == Reconstruction.UNKNOWN) {
            throw new DqmException(where + ": unknown reconstruction '" + parts[1]
                    + "' (expected Express, Prompt, reReco, reRecoUL or Online)");
        }
        return new CrawlTarget(run, reco);
    }
}
