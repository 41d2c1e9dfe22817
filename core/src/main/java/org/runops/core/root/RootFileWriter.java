package org.runops.core.root;

import java.nio.file.Path;

/**
 * Writes real-format ROOT files (header, TKey records, keys list, StreamerInfo, TTree headers) with
 * trees of a given entry count, and damaged variants of them, for tests, demos and benchmarks.
 */
public final class RootFileWriter {

    /** Block compression of the stored objects. */
    public enum Compression { NONE, ZLIB, LZMA, LZ4, ZSTD }

    /** Ways a file can be damaged, as real crashes and copies damage them. */
    public enum Damage { NONE, TRUNCATED, NEVER_CLOSED, KEYS_LIST_LOST, TREE_RECORD_CUT }

    private RootFileWriter() {}

    public static RootFileWriter create() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public RootFileWriter compression(Compression compression) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Adds a top-level TTree with {@code entries} entries. */
    public RootFileWriter tree(String name, long entries) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public RootFileWriter damage(Damage damage) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Writes the file and returns {@code file}. */
    public Path write(Path file) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
