package org.runops.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes real-format ROOT files (header, TKey records, keys list, StreamerInfo, TTree headers) with
 * trees of a given entry count, and damaged variants of them, for tests, demos and benchmarks. The
 * trees carry their header only (the streamer up to fEntries and the members after it, an empty
 * branch list), so a million-entry tree is a file of a few hundred bytes.
 *
 * <pre>{@code
 * RootFileWriter.create().compression(Compression.ZLIB).tree("Events", 1750).write(Path.of("run338999.root"));
 * }</pre>
 */
public final class RootFileWriter {

    /** Block compression of the stored objects (ROOT stores an object raw when it does not shrink). */
    public enum Compression { NONE, ZLIB, LZMA, LZ4, ZSTD }

    /** Ways a file can be damaged, as real crashes and copies damage them; what ROOT concludes is said for each. */
    public enum Damage {
        /** A cleanly closed file. */
        NONE,
        /** Cut inside the StreamerInfo record near the end: ROOT recovers the keys but the file is a zombie (StreamerInfo past EOF). */
        TRUNCATED,
        /**
         * The writing job was killed: the header is as at creation (no keys list), the file holds the tree
         * keys of each {@link #autoSaves AutoSave} with the older ones freed. ROOT recovers it and the tree's
         * entries are the last AutoSave's; with no AutoSave at all it is a zombie.
         */
        NEVER_CLOSED,
        /** The directory's pointer to the keys list is zeroed: ROOT recovers every key (recovered, counts intact). */
        KEYS_LIST_LOST,
        /** Cut in the middle of the first tree's record: ROOT recovers its key but the file is a zombie. */
        TREE_RECORD_CUT
    }

    private Compression compression = Compression.ZLIB;
    private Damage damage = Damage.NONE;
    private boolean largeFile;
    private int treeVersion = 20;
    private int maxBlockSize = 0xFFFFFF;
    private long[] autoSaves;
    private final List<RootFileAssembler.Tree> trees = new ArrayList<>();

    private RootFileWriter() {}

    public static RootFileWriter create() {
        return new RootFileWriter();
    }

    public RootFileWriter compression(Compression compression) {
        this.compression = Objects.requireNonNull(compression, "compression");
        return this;
    }

    /** Adds a top-level TTree with {@code entries} entries. */
    public RootFileWriter tree(String name, long entries) {
        return tree(name, name + " tree written by runops", entries);
    }

    /** Adds a top-level TTree with a title of your choice (long titles push fEntries further into the object). */
    public RootFileWriter tree(String name, String title, long entries) {
        return add(name, title, entries, "TTree");
    }

    /** Adds a top-level TNtuple (a TTree inside one more streamer header). */
    public RootFileWriter ntuple(String name, long entries) {
        return add(name, name + " ntuple written by runops", entries, "TNtuple");
    }

    public RootFileWriter damage(Damage damage) {
        this.damage = Objects.requireNonNull(damage, "damage");
        return this;
    }

    /** Large-file layout: fVersion + 1000000, 8-byte pointers, key version 1004 (ROOT uses it past 2 GB). */
    public RootFileWriter largeFile(boolean large) {
        this.largeFile = large;
        return this;
    }

    /** TTree streamer version, 1 to 20 (default 20, ROOT 6.14 on; 5 stores fEntries as a double). */
    public RootFileWriter treeVersion(int version) {
        if (version < 1 || version > 20) {
            throw new IllegalArgumentException("TTree versions run from 1 to 20, got " + version);
        }
        this.treeVersion = version;
        return this;
    }

    /** Largest uncompressed block (ROOT: 0xFFFFFF); smaller values force objects across several blocks. */
    public RootFileWriter maxBlockSize(int bytes) {
        if (bytes < 1 || bytes > 0xFFFFFF) {
            throw new IllegalArgumentException("block size must be in [1, 0xFFFFFF], got " + bytes);
        }
        this.maxBlockSize = bytes;
        return this;
    }

    /**
     * Entry counts at which the first tree was AutoSaved before a crash; used with {@link Damage#NEVER_CLOSED}.
     * Default: one AutoSave at half the tree's entries.
     */
    public RootFileWriter autoSaves(long... entriesAtEachAutoSave) {
        this.autoSaves = entriesAtEachAutoSave.clone();
        return this;
    }

    /** Writes the file and returns {@code file}. */
    public Path write(Path file) {
        long[] saves = autoSaves != null ? autoSaves
                : trees.isEmpty() ? new long[0] : new long[] {trees.get(0).entries() / 2};
        String name = file.getFileName() == null ? "runops.root" : file.getFileName().toString();
        byte[] bytes = RootFileAssembler.assemble(new RootFileAssembler.Spec(
                name, compression, damage, largeFile, treeVersion, maxBlockSize, List.copyOf(trees), saves));
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
        return file;
    }

    private RootFileWriter add(String name, String title, long entries, String className) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        if (entries < 0) {
            throw new IllegalArgumentException("entries must not be negative: " + entries);
        }
        trees.add(new RootFileAssembler.Tree(name, title, entries, className));
        return this;
    }
}
