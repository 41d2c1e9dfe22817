package org.runops.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Writes an fff run directory the way the CMS DAQ (evb BU, {@code DiskWriter.cc}) does:
 * {@code fu.lock}, {@code hlt/}, {@code jsd/}, index/EoLS/EoR {@code .jsn} files (and optionally
 * small {@code .raw} stand-ins), each JSON file written as {@code .jsn.tmp} and renamed, for tests,
 * demos and benchmarks.
 */
public final class FffRunDirectoryWriter {
    /** The BU's raw files hold 64 KiB per event in these stand-ins (NBytes fields). */
    private static final long BYTES_PER_EVENT = 65536;

    private final Path storageRoot;
    private final long run;
    private final Map<Integer, long[]> lumis = new LinkedHashMap<>();
    private boolean endOfRun = true;
    private boolean emptyEndOfRun;
    private boolean rawFiles;
    private boolean openDirectory;

    private FffRunDirectoryWriter(Path storageRoot, long run) {
        this.storageRoot = Objects.requireNonNull(storageRoot, "storageRoot");
        if (run < 0) {
            throw new IllegalArgumentException("run number must not be negative: " + run);
        }
        this.run = run;
    }

    /** A writer for {@code <storageRoot>/run<runNumber zero-padded to 6>}. */
    public static FffRunDirectoryWriter create(Path storageRoot, long runNumber) {
        return new FffRunDirectoryWriter(storageRoot, runNumber);
    }

    /** Adds lumisection {@code ls} with one index file per element, each holding that many events. */
    public FffRunDirectoryWriter lumiSection(int ls, long... eventsPerIndexFile) {
        if (ls < 1) {
            throw new IllegalArgumentException("lumisections start at 1, got " + ls);
        }
        lumis.put(ls, eventsPerIndexFile.clone());
        return this;
    }

    /** Whether to write the EoR file (default true). */
    public FffRunDirectoryWriter endOfRun(boolean write) {
        this.endOfRun = write;
        return this;
    }

    /** Writes a 0-byte EoR, as evb's closeAnyOldRuns and hltd's createEmptyEoRMaybe do. */
    public FffRunDirectoryWriter emptyEndOfRun() {
        this.emptyEndOfRun = true;
        return this;
    }

    /** Also writes a small {@code .raw} stand-in next to each index file. */
    public FffRunDirectoryWriter rawFiles(boolean write) {
        this.rawFiles = write;
        return this;
    }

    /** Leaves an {@code open/} directory, as while the BU is still writing. */
    public FffRunDirectoryWriter openDirectory(boolean leave) {
        this.openDirectory = leave;
        return this;
    }

    /** The directory name: {@code run} and the number zero-padded to 6 digits. */
    public static String directoryName(long run) {
        return String.format(Locale.ROOT, "run%06d", run);
    }

    /** Writes everything and returns the run directory. */
    public Path write() {
        String stem = directoryName(run);
        Path dir = storageRoot.resolve(stem);
        try {
            Files.createDirectories(dir.resolve("jsd"));
            Files.createDirectories(dir.resolve("hlt"));
            if (openDirectory) {
                Files.createDirectories(dir.resolve("open"));
            }
            Files.writeString(dir.resolve("fu.lock"), "1 0");
            writeHlt(dir.resolve("hlt"));
            Path rawData = dir.resolve("jsd/rawData.jsd");
            Path eolsJsd = dir.resolve("jsd/EoLS.jsd");
            Path eorJsd = dir.resolve("jsd/EoR.jsd");
            atomically(rawData, legend(field("NEvents", "sum"), field("NBytes", "sum")));
            atomically(eolsJsd, legend(field("NEvents", "sum"), field("NFiles", "sum"), field("TotalEvents", "max"),
                    field("NLostEvents", "sum"), field("NBytes", "sum")));
            atomically(eorJsd, legend(field("NEvents", "sum"), field("NFiles", "sum"), field("NLumis", "max"),
                    field("LastLumi", "max")));
            long runEvents = 0;
            long runFiles = 0;
            int lastLumi = 0;
            int lumisWithFiles = 0;
            for (Map.Entry<Integer, long[]> lumi : lumis.entrySet()) {
                int ls = lumi.getKey();
                long events = 0;
                long[] perFile = lumi.getValue();
                for (int i = 0; i < perFile.length; i++) {
                    String name = String.format(Locale.ROOT, "%s_ls%04d_index%06d", stem, ls, i);
                    atomically(dir.resolve(name + ".jsn"), dataPoint(rawData, perFile[i], perFile[i] * BYTES_PER_EVENT));
                    if (rawFiles) {
                        Files.write(dir.resolve(name + ".raw"), new byte[16]);
                    }
                    events += perFile[i];
                }
                atomically(dir.resolve(String.format(Locale.ROOT, "%s_ls%04d_EoLS.jsn", stem, ls)),
                        dataPoint(eolsJsd, events, perFile.length, events, 0, events * BYTES_PER_EVENT));
                runEvents += events;
                runFiles += perFile.length;
                if (perFile.length > 0) {
                    lumisWithFiles++;
                    lastLumi = Math.max(lastLumi, ls);
                }
            }
            Path eor = dir.resolve(stem + "_ls0000_EoR.jsn");
            if (emptyEndOfRun) {
                Files.write(eor, new byte[0]);
            } else if (endOfRun) {
                atomically(eor, dataPoint(eorJsd, runEvents, runFiles, lumisWithFiles, lastLumi));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("writing run directory " + dir, e);
        }
    }

    private static void writeHlt(Path hlt) throws IOException {
        Files.writeString(hlt.resolve("HltConfig.py"), "# dummy HLT configuration written by runops\n");
        Files.writeString(hlt.resolve("fffParameters.jsn"),
                "{\n   \"SCRAM_ARCH\" : \"el8_amd64_gcc12\",\n   \"CMSSW_VERSION\" : \"CMSSW_14_0_0\",\n"
                        + "   \"TRANSFER_MODE\" : \"null\"\n}\n");
        Files.writeString(hlt.resolve("blacklist"), "[]");
    }

    /** The BU's layout: 3-space indent, values as strings, absolute definition path, source BU-0. */
    private static String dataPoint(Path definition, long... values) {
        List<String> quoted = new ArrayList<>();
        for (long v : values) {
            quoted.add("\"" + v + "\"");
        }
        return "{\n   \"data\" : [ " + String.join(", ", quoted) + " ],\n   \"definition\" : \""
                + definition.toAbsolutePath().toString().replace("\\", "/") + "\",\n   \"source\" : \"BU-0\"\n}\n";
    }

    private static String field(String name, String operation) {
        return "      {\n         \"name\" : \"" + name + "\",\n         \"operation\" : \"" + operation
                + "\",\n         \"type\" : \"integer\"\n      }";
    }

    private static String legend(String... fields) {
        return "{\n   \"legend\" : [\n" + String.join(",\n", fields) + "\n   ]\n}\n";
    }

    /** Written as {@code <name>.tmp} and renamed, as the BU does, so readers never see half a file. */
    private static void atomically(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(tmp, content.getBytes(StandardCharsets.UTF_8));
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
