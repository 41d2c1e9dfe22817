package org.runops.datalogger.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.runops.core.RegularFiles;
import org.runops.datalogger.DataFileHeader;
import org.runops.datalogger.DataFileReader;
import org.runops.datalogger.DataFiles;
import org.runops.datalogger.DataLoggerException;
import org.runops.datalogger.FetchStatus;
import org.runops.datalogger.GrabListener;
import org.runops.datalogger.GrabResult;
import org.runops.datalogger.ParamList;
import org.runops.datalogger.StoredSeries;
import org.runops.datalogger.TimeSeries;
import org.runops.datalogger.TimeWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The grab jobs' last steps, shared: write the draft (atomically, so a draft on disk is always whole),
 * publish it to its final name, and on a rerun find the draft a killed run left for the same data.
 * A draft is hidden and named {@code .<final name>.<digest>.draft}, so it is never taken for a published
 * file (even with draft and output in one folder) and the digest of what was asked for (device list,
 * nodes, options) keeps a draft of other devices from being published in its place. Publishing a file
 * deletes the other drafts of the same data (other digests, or ones holding a failed device), which no
 * rerun would resume.
 */
public final class DraftPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(DraftPublisher.class);
    private static final String DRAFT = ".draft";
    /** {@code .<final name>.<digest>.draft}, the digest as {@link #digest} writes it. */
    private static final Pattern DRAFT_NAME = Pattern.compile("\\.(.+)\\.[0-9a-f]{16}\\.draft");

    private DraftPublisher() {}

    /** The draft of the data file {@code name} holding what {@code digest} describes. */
    public static Path draftOf(Path draftDir, String name, String digest) {
        return draftDir.resolve("." + name + "." + digest + DRAFT);
    }

    /** The final name of a {@link #draftOf draft}: without the leading {@code .} and the {@code .<digest>.draft} ending. */
    public static String publishedName(Path draft) {
        Matcher m = DRAFT_NAME.matcher(draft.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a draft name (.<name>.<digest>.draft): " + draft);
        }
        return m.group(1);
    }

    /** A short digest of what a file holds (one part per device or option, as text), for {@link #draftOf}. */
    public static String digest(List<?> parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Object p : parts) {
                sha.update(String.valueOf(p).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Writes {@code fetched} as {@code draft} (HDF5, or CSV when {@code target} ends in .csv), publishes it
     * as {@code target} and deletes the fetch's {@code checkpoint} folder; but when some device's fetch is
     * incomplete and {@code publishIncomplete} is false, writes nothing and keeps the checkpoint, so a
     * rerun fetches only the missing chunks. Returns the published file.
     */
    public static Optional<Path> publishFetched(List<TimeSeries> fetched, boolean publishIncomplete, Path draft, Path target,
            DataFileHeader header, Path checkpoint, GrabListener listener) {
        if (!publishIncomplete && fetched.stream().anyMatch(s -> s.status().incomplete())) {
            return Optional.empty();
        }
        List<StoredSeries> stored = fetched.stream().map(s -> StoredSeries.of(s, header.backend())).toList();
        Path file = writeAndPublish(draft, target, header, stored, listener);
        clearCheckpoint(checkpoint);
        return Optional.of(file);
    }

    /** Writes {@code series} as {@code draft} (HDF5, or CSV when {@code target} ends in .csv) and publishes it as {@code target}. */
    public static Path writeAndPublish(Path draft, Path target, DataFileHeader header, List<StoredSeries> series, GrabListener listener) {
        if (target.getFileName().toString().endsWith(".csv")) {
            DataFiles.writeCsv(draft, header, series);
        } else {
            DataFiles.writeHdf5(draft, header, series);
        }
        listener.draftWritten(draft);
        return publish(draft, target, listener);
    }

    /**
     * Publishes {@code draft} as {@code target}, then deletes the other drafts of the same data file beside it
     * (other device lists or options, or holding a failed device: drafts no rerun will resume).
     */
    public static Path publish(Path draft, Path target, GrabListener listener) {
        Publishing.publish(draft, target);
        listener.published(target);
        for (Path stale : draftsOf(draft.toAbsolutePath().getParent(), target.getFileName().toString())) {
            try {
                Files.deleteIfExists(stale);
                LOG.info("deleted {}, an earlier run's draft of the data now published as {}", stale, target);
            } catch (IOException e) {
                LOG.warn("cannot delete {}, an earlier run's draft of the data now published as {}: {}", stale, target, RegularFiles.reason(e));
            }
        }
        return target;
    }

    /**
     * Publishes a draft a killed run left ({@link #leftoverDraft}) into {@code outDir} under the name that run
     * gave it ({@link #publishedName}: its creation time matches the file's header, and a copy published
     * before the kill is the same name, not a second file) and deletes the fetch's {@code checkpoint} folder,
     * as the killed run would have.
     */
    public static GrabResult publishLeftover(Path draft, Path outDir, Optional<Path> checkpoint, TimeWindow window,
            List<ParamList.Problem> skippedLines, GrabListener listener) {
        List<GrabResult.Outcome> outcomes = outcomesOf(draft);
        Path file = publish(draft, outDir.resolve(publishedName(draft)), listener);
        checkpoint.ifPresent(DraftPublisher::clearCheckpoint);
        return new GrabResult(window, Optional.of(file), outcomes, skippedLines, true);
    }

    /**
     * A draft left in {@code draftDir} by an earlier run for the same data as {@code name} and {@code digest}
     * (the same name but for the creation time after the first {@code _}), newest first, when it is whole
     * and every series in it is OK or EMPTY; any other is fetched again (its finished chunks are in the
     * checkpoint, so only the rest is asked for).
     */
    public static Optional<Path> leftoverDraft(Path draftDir, String name, String digest) {
        List<Path> candidates = new ArrayList<>(draftsOf(draftDir, name).stream()
                .filter(f -> f.getFileName().toString().endsWith("." + digest + DRAFT)).toList());
        candidates.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        return candidates.stream().filter(DraftPublisher::isResumable).findFirst();
    }

    /** The drafts in {@code draftDir}, of any digest, of the data file {@code name} (its creation time aside). */
    private static List<Path> draftsOf(Path draftDir, String name) {
        if (!Files.isDirectory(draftDir)) {
            return List.of();
        }
        String data = withoutCreationTime(name);
        try (Stream<Path> files = Files.list(draftDir)) {
            return files.filter(f -> {
                Matcher m = DRAFT_NAME.matcher(f.getFileName().toString());
                return m.matches() && withoutCreationTime(m.group(1)).equals(data);
            }).toList();
        } catch (IOException e) {
            throw new DataLoggerException("cannot list draft folder " + draftDir + ": " + RegularFiles.reason(e), e);
        }
    }

    /** A grab file name without its creation time ({@code MLParamData_<time>_From_…} → {@code MLParamData__From_…}); others as they are. */
    private static String withoutCreationTime(String name) {
        int from = name.indexOf("_From_");
        return from < 0 ? name : name.substring(0, name.indexOf('_') + 1) + name.substring(from);
    }

    /**
     * Whether {@code draft} is a regular file that opens as a data file (drafts are written atomically: one
     * that does not open is someone else's) and holds only OK or EMPTY series.
     */
    public static boolean isResumable(Path draft) {
        if (!Files.isRegularFile(draft) || !isWhole(draft)) {
            return false;
        }
        return outcomesOf(draft).stream().allMatch(o -> o.status().kind() == FetchStatus.Kind.OK || o.status().kind() == FetchStatus.Kind.EMPTY);
    }

    /** Whether {@code file} opens as a data file. */
    static boolean isWhole(Path file) {
        try (DataFileReader ignored = DataFiles.open(file)) {
            return true;
        } catch (DataLoggerException damaged) {
            return false;
        }
    }

    /** The outcomes recorded in a data file's series attributes (status and sample count). */
    public static List<GrabResult.Outcome> outcomesOf(Path file) {
        try (DataFileReader r = DataFiles.open(file)) {
            List<GrabResult.Outcome> out = new ArrayList<>();
            for (String key : r.keys()) {
                var attrs = r.keyAttributes(key);
                out.add(new GrabResult.Outcome(key, parseStatus(attrs.getOrDefault(DataFiles.ATTR_STATUS, "OK")),
                        Integer.parseInt(attrs.getOrDefault(DataFiles.ATTR_SAMPLES, "0"))));
            }
            return out;
        }
    }

    /** The inverse of {@link FetchStatus#toString()}: {@code KIND} or {@code KIND (detail)}. */
    static FetchStatus parseStatus(String text) {
        int paren = text.indexOf(" (");
        String kind = paren < 0 ? text : text.substring(0, paren);
        String detail = paren < 0 || !text.endsWith(")") ? "" : text.substring(paren + 2, text.length() - 1);
        try {
            return new FetchStatus(FetchStatus.Kind.valueOf(kind), detail);
        } catch (IllegalArgumentException e) {
            return FetchStatus.error("unknown status recorded: " + text);
        }
    }

    /** Deletes a fetch checkpoint folder once its data is published. */
    public static void clearCheckpoint(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new DataLoggerException("cannot remove checkpoint folder " + dir + ": " + RegularFiles.reason(e), e);
        }
    }
}
