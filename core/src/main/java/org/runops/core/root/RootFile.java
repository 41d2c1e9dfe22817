package org.runops.core.root;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.runops.core.root.internal.DecodeBuffers;
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
 * and holds a few KB per open file (plus decompression buffers, freed by {@link #close()}). Safe for
 * concurrent use by several threads: an interrupted reader fails only its own read, the others go on.
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
    private final FileReader reader;
    private final TFileOpener.State state;
    private final RootReadException readFailure;
    private final DecodeBuffers.Pool buffers;

    private RootFile(Path path, FileReader reader, TFileOpener.State state, RootReadException readFailure,
            DecodeBuffers.Pool buffers) {
        this.path = path;
        this.reader = reader;
        this.state = state;
        this.readFailure = readFailure;
        this.buffers = buffers;
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
        return open(path, verification, FileReader.READ_ONLY);
    }

    /** The seam under {@link #open(Path, Verification)}: tests pass a channel that fails. */
    static RootFile open(Path path, Verification verification, FileReader.ChannelOpener opener) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(verification, "verification");
        FileReader reader;
        try {
            reader = FileReader.open(path, opener);
        } catch (RootReadException e) {
            return new RootFile(path, null, TFileOpener.State.zombie(0, e.getMessage()), e, null);
        }
        DecodeBuffers.Pool pool = new DecodeBuffers.Pool();
        DecodeBuffers b = pool.acquire();
        try {
            return new RootFile(path, reader, TFileOpener.open(reader, verification == Verification.FULL, b), null, pool);
        } catch (RootReadException e) {
            return new RootFile(path, reader, TFileOpener.State.zombie(reader.size(), "read error: " + e.getMessage()), e, pool);
        } catch (RootFormatException e) {
            // Each step of TFileOpener turns damage into a zombie reason; this is the net under them.
            return new RootFile(path, reader, TFileOpener.State.zombie(reader.size(), "unreadable: " + e.getMessage()), null, pool);
        } catch (RuntimeException | Error e) {
            reader.close(); // a bug in the opener must not leak the channel and the buffers
            pool.close();
            throw e;
        } finally {
            pool.release(b);
        }
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

    /**
     * Why the file could not be read, when that, not its content, made it a zombie: missing, not a
     * regular file, an I/O error or an interrupt. Such a zombie says nothing about the data; reading
     * again later may succeed. Empty when the file was read (whether damaged or not).
     */
    public Optional<RootReadException> readFailure() {
        return Optional.ofNullable(readFailure);
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
     * @throws RootFormatException when the file is a zombie, or the tree record cannot be
     *                             decompressed or parsed (ROOT's {@code Get} would return nullptr)
     * @throws RootReadException   when reading the tree record fails (I/O error, interrupt): nothing
     *                             is known about the tree then
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
        DecodeBuffers b = buffers.acquire();
        try {
            while (true) {
                byte[] object = ObjectReader.prefix(reader, b, dataStart, k.compressedLength(), k.objectLength(), want);
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
        } finally {
            buffers.release(b);
        }
    }

    /** Closes the file and frees its decompression buffers. */
    @Override
    public void close() {
        if (reader != null) {
            try {
                reader.close();
            } finally {
                buffers.close();
            }
        }
    }

    @Override
    public String toString() {
        return "RootFile[" + path + (isZombie() ? ", zombie" : "") + (isRecovered() ? ", recovered" : "") + ", "
                + keys().size() + " keys]";
    }
}
