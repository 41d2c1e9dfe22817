package org.runops.core.root.internal;

/** The TDirectoryFile record (after the top directory's TNamed part, or after a subdirectory key). */
record DirectoryRecord(int version, int nbytesKeys, int nbytesName, long seekDir, long seekParent, long seekKeys) {

    /** Parses at the cursor; a version above 1000 means 8-byte seeks, even in a small file (ROOT 4). */
    public static DirectoryRecord parse(Bytes b) {
        int version = b.i16();
        b.i32(); // fDatimeC
        b.i32(); // fDatimeM
        int nbytesKeys = b.i32();
        int nbytesName = b.i32();
        long seekDir;
        long seekParent;
        long seekKeys;
        if (version > 1000) {
            seekDir = b.i64();
            seekParent = b.i64();
            seekKeys = b.i64();
        } else {
            seekDir = b.i32();
            seekParent = b.i32();
            seekKeys = b.i32();
        }
        return new DirectoryRecord(version, nbytesKeys, nbytesName, seekDir, seekParent, seekKeys);
    }
}
