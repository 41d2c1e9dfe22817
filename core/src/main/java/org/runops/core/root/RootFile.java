package org.runops.core.root;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.runops.core.root.internal.FileReader;
import org.runops.core.root.internal.KeyHeader;
import org.runops.core.root.internal.ObjectReader;
import org.runops.core.root.internal.TFileOpener;
import org.runops.core.root.internal.TreeHeader;
import org.runops.core.root.internal.Bytes;

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
    /** First guess at how much of a tree object holds fEntries; grown when the title is long. */
    private static final int TREE_PREFIX = 512;
    private static final int MAX_TREE_PREFIX = 1 << 20;

    private final Path path;
    private final FileChannel channel;
    private final FileReader reader;
    private final TFileOpener.State state;

    private RootFile(Path path, FileChannel channel, FileReader reader, TFileOpener.State state) {
        this.path = path;
        this.channel = channel;
        this.reader = reader;
        this.state = state;
    }

    /** How much of ROOT's opening checks to repeat. */
    public enum Verification {
        /**
         * Everything TFile::Init checks, including decompressing the StreamerInfo record: a file ROOT
         * would refuse is a zombie here. The default.
         */
        FULL,
        /**
         * As FULL, except that the StreamerInfo record is only checked to lie inside the file, not
         * decompressed (spec §1.7): three small reads per entry count instead of four and no
         * decompression beyond the tree header, for scanning many files. A file whose StreamerInfo is
         * damaged inside (ROOT: zombie) is not caught.
         */
        FAST
    }

    /**
     * Opens a file as {@code new TFile(path)} would. Never throws for a damaged file: such a file
     * comes back as a zombie with {@link #zombieReason()} saying why (a missing or unreadable file
     * is a zombie too, as in ROOT).
     */
    public static RootFile open(Path path) {
        return open(path, Verification.FULL);
    }

    /** {@link #open(Path)} with a choice of how much to verify. */
    public static RootFile open(Path path, Verification verification) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(verification, "verification");
        FileChannel channel;
        long size;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
            size = channel.size();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return new RootFile(path, null, null, TFileOpener.State.zombie(0, "cannot open: " + describe(e)));
        }
        FileReader reader = new FileReader(path, channel, size);
        try {
            return new RootFile(path, channel, reader, TFileOpener.open(reader, verification == Verification.FULL));
        } catch (UncheckedIOException e) {
            return new RootFile(path, channel, reader, TFileOpener.State.zombie(size, "read error: " + describe(e.getCause())));
        } catch (RootFormatException e) {
            // Each step of TFileOpener turns damage into a zombie reason; this is the net under them.
            return new RootFile(path, channel, reader, TFileOpener.State.zombie(size, "unreadable: " + e.getMessage()));
        }
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
    }

    /** The path this file was opened from. */
    public Path path() {
        return path;
    }

    /** ROOT's fVersion from the header, e.g. 62208 for 6.22/08; +1000000 for the large layout. 0 when unknown. */
    public int formatVersion() {
        return state.header() == null ? 0 : state.header().version();
    }

    /** True when the header uses 8-byte pointers (fVersion &ge; 1000000). */
    public boolean isLargeFile() {
        return state.header() != null && state.header().large();
    }

    /** The header's fCompress (100 &times; algorithm + level). Informational only: blocks carry their own algorithm. */
    public int compressionSetting() {
        return state.header() == null ? 0 : state.header().compress();
    }

    /** Real size of the file on disk in bytes. */
    public long size() {
        return state.size();
    }

    /** ROOT's {@code IsZombie()}. */
    public boolean isZombie() {
        return state.zombieReason() != null;
    }

    /** Why the file is a zombie; empty when it is not. */
    public Optional<String> zombieReason() {
        return Optional.ofNullable(state.zombieReason());
    }

    /** ROOT's {@code TestBit(TFile::kRecovered)}: keys were rebuilt by scanning the records. */
    public boolean isRecovered() {
        return state.recovered();
    }

    /** Keys of the top directory in ROOT's list order (the order {@code Get(name)} searches). Empty for a zombie. */
    public List<RootKey> keys() {
        return isZombie() ? List.of() : state.keys();
    }

    /** ROOT's {@code Get(name)} key lookup: the first key with that name in list order. */
    public Optional<RootKey> key(String name) {
        Objects.requireNonNull(name, "name");
        return keys().stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /**
     * {@code Get(tree)->GetEntries()} for a top-level {@code TTree}/{@code TNtuple}/{@code TNtupleD}.
     *
     * @return empty when there is no key of that name, or the key is not a tree
     * @throws RootFormatException when the file is a zombie, or the tree record cannot be read,
     *                             decompressed or parsed (ROOT's {@code Get} would return nullptr)
     */
    public OptionalLong entries(String tree) {
        if (isZombie()) {
            throw new RootFormatException(path + ": is a zombie (" + state.zombieReason() + ")");
        }
        Optional<RootKey> key = key(tree);
        if (key.isEmpty() || !key.get().isTree()) {
            return OptionalLong.empty();
        }
        RootKey k = key.get();
        long recordEnd = k.seekKey() + KeyHeader.nbytes(k);
        if (k.keyLength() <= 0 || k.compressedLength() < 0 || recordEnd > size()) {
            throw RootFormatException.at(path, k.seekKey(), k.className() + " '" + tree + "' record (" + KeyHeader.nbytes(k)
                    + " bytes) runs past the end of the file (" + size() + " bytes)");
        }
        long dataStart = k.seekKey() + k.keyLength();
        int want = TREE_PREFIX;
        while (true) {
            byte[] object = ObjectReader.prefix(reader, dataStart, k.compressedLength(), k.objectLength(), want);
            try {
                return OptionalLong.of(TreeHeader.entries(new Bytes(path, object, 0), k.className()));
            } catch (Bytes.Underflow e) {
                if (object.length >= k.objectLength() || want >= MAX_TREE_PREFIX) {
                    throw RootFormatException.at(path, k.seekKey(), k.className() + " '" + tree
                            + "' ends before its entry count: " + e.getMessage());
                }
                want *= 8;
            }
        }
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("closing " + path, e);
            }
        }
    }

    @Override
    public String toString() {
        return "RootFile[" + path + (isZombie() ? ", zombie" : "") + (isRecovered() ? ", recovered" : "") + ", "
                + keys().size() + " keys]";
    }
}
