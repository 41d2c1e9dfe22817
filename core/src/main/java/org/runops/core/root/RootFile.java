package org.runops.core.root;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A ROOT file opened for reading the way ROOT's {@code TFile} does it, without ROOT:
 * header, top directory, keys list, ROOT's zombie and recovery rules, and the entry count of
 * top-level trees. Reads only what it needs (normally no more than four small positional reads)
 * and holds a few KB per open file. Safe for concurrent use by several threads.
 *
 * <pre>{@code
 * try (RootFile f = RootFile.open(Path.of("run338999.root"))) {
 *     if (!f.isZombie() && !f.isRecovered()) {
 *         long events = f.entries("Events").orElseThrow();
 *     }
 * }
 * }</pre>
 */
public final class RootFile implements AutoCloseable {

    private RootFile() {}

    /**
     * Opens a file as {@code new TFile(path)} would. Never throws for a damaged file: such a file
     * comes back as a zombie with {@link #zombieReason()} saying why (a missing or unreadable file
     * is a zombie too, as in ROOT).
     */
    public static RootFile open(Path path) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The path this file was opened from. */
    public Path path() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** ROOT's fVersion from the header, e.g. 62208 for 6.22/08; +1000000 for the large layout. 0 when unknown. */
    public int formatVersion() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** True when the header uses 8-byte pointers (fVersion &ge; 1000000). */
    public boolean isLargeFile() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The header's fCompress (100 &times; algorithm + level). Informational only: blocks carry their own algorithm. */
    public int compressionSetting() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Real size of the file on disk in bytes. */
    public long size() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** ROOT's {@code IsZombie()}. */
    public boolean isZombie() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Why the file is a zombie; empty when it is not. */
    public Optional<String> zombieReason() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** ROOT's {@code TestBit(TFile::kRecovered)}: keys were rebuilt by scanning the records. */
    public boolean isRecovered() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Keys of the top directory in ROOT's list order (the order {@code Get(name)} searches). Empty for a zombie. */
    public List<RootKey> keys() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** ROOT's {@code Get(name)} key lookup: the first key with that name in list order. */
    public Optional<RootKey> key(String name) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * {@code Get(tree)->GetEntries()} for a top-level {@code TTree}/{@code TNtuple}/{@code TNtupleD}.
     *
     * @return empty when there is no key of that name, or the key is not a tree
     * @throws RootFormatException when the file is a zombie, or the tree record cannot be read,
     *                             decompressed or parsed (ROOT's {@code Get} would return nullptr)
     */
    public OptionalLong entries(String tree) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
