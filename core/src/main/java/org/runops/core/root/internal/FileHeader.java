package org.runops.core.root.internal;

/**
 * The file header at offset 0 (TFile::Init / WriteHeader): small layout with 4-byte pointers, or the
 * large layout (fVersion &ge; 1000000) with 8-byte ones.
 */
public record FileHeader(
        int version,
        int begin,
        long end,
        long seekFree,
        int nbytesFree,
        int nbytesName,
        int units,
        int compress,
        long seekInfo,
        int nbytesInfo) {

    public static final int LARGE_VERSION = 1_000_000;

    public boolean large() {
        return version >= LARGE_VERSION;
    }

    /** TDirectoryFile::Sizeof(): the directory record ROOT reads after the TNamed part. */
    public int directorySizeof() {
        return version >= 40000 ? 60 : 48;
    }

    /** Parses the header after the 4-byte magic; the large layout widens the pointers to 8 bytes. */
    public static FileHeader parse(Bytes b) {
        b.position(4);
        int version = b.i32();
        int begin = b.i32();
        boolean large = version >= LARGE_VERSION;
        long end = large ? b.i64() : b.i32();
        long seekFree = large ? b.i64() : b.i32();
        int nbytesFree = b.i32();
        b.i32(); // nfree
        int nbytesName = b.i32();
        int units = b.u8();
        int compress = b.i32();
        long seekInfo = large ? b.i64() : b.i32();
        int nbytesInfo = b.i32();
        return new FileHeader(version, begin, end, seekFree, nbytesFree, nbytesName, units, compress, seekInfo, nbytesInfo);
    }
}
