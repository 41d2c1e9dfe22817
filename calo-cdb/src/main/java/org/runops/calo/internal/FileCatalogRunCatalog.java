package org.runops.calo.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.runops.calo.CaloException;
import org.runops.calo.CatalogFile;
import org.runops.calo.CatalogQuery;
import org.runops.calo.FileCatalog;
import org.runops.calo.RunType;
import org.runops.calo.TagSelectionPolicy;
import org.runops.core.run.CatalogException;
import org.runops.core.run.RunCatalog;
import org.runops.core.run.RunRecord;

/** {@link FileCatalog#runCatalog}: the winning files of a run window, one record per run. */
public final class FileCatalogRunCatalog implements RunCatalog {
    /** The winning tag of the run. */
    public static final String TAG = "tag";
    /** How many HIST files the winning tag has for the run. */
    public static final String FILES = "files";

    private final FileCatalog catalog;
    private final TagSelectionPolicy policy;
    private final List<RunType> runTypes;

    public FileCatalogRunCatalog(FileCatalog catalog, TagSelectionPolicy policy, List<RunType> runTypes) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.runTypes = List.copyOf(runTypes);
    }

    @Override
    public List<RunRecord> runs(long firstRun, long lastRun) {
        RunCatalog.requireRange(firstRun, lastRun);
        List<CatalogFile> files;
        try {
            files = catalog.winningFiles(new CatalogQuery(new RunType("listed", firstRun, lastRun), policy, OptionalLong.empty()));
        } catch (CaloException e) {
            throw new CatalogException(e.getMessage(), e);
        }
        Map<Long, List<CatalogFile>> byRun = new LinkedHashMap<>();
        files.forEach(f -> byRun.computeIfAbsent(f.run(), k -> new ArrayList<>()).add(f));
        List<RunRecord> out = new ArrayList<>(byRun.size());
        byRun.forEach((run, list) -> out.add(record(run, list)));
        return out;
    }

    private RunRecord record(long run, List<CatalogFile> files) {
        Map<String, String> attributes = new LinkedHashMap<>();
        runTypes.stream().filter(t -> t.contains(run)).findFirst().ifPresent(t -> attributes.put(RunRecord.RUN_TYPE, t.name()));
        attributes.put(TAG, files.get(0).tag());
        attributes.put(FILES, Integer.toString(files.size()));
        WinningFiles.segmentEvents(files, CatalogFile::segment, CatalogFile::events)
                .ifPresent(e -> attributes.put(RunRecord.EVENTS, Long.toString(e)));
        return new RunRecord(run, null, null, attributes);
    }

    @Override
    public String toString() {
        return catalog.describe() + " (" + policy + ")";
    }
}
