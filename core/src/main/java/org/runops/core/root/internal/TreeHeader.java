package org.runops.core.root.internal;

import org.runops.core.root.RootFormatException;

/**
 * Reads {@code fEntries} from the start of a streamed TTree, the way uproot's TTree_NumEntries
 * model does: version header, the four bases TNamed, TAttLine, TAttFill, TAttMarker (skipped by
 * their byte counts, or by their known sizes when a base has none), then fEntries — a double in
 * TTree version 5 and a Long64 from version 6 on. Versions 1-4 used a hand-written streamer with
 * three ints before a double fEntries. Versions above 20 are read like 20: every version so far
 * keeps fEntries first after the bases.
 */
public final class TreeHeader {
    private static final int BYTE_COUNT_MASK = 0x4000_0000;
    private static final int IS_REFERENCED = 1 << 4;

    private TreeHeader() {}

    /**
     * @param object    the first bytes of the streamed object
     * @param className TTree, TNtuple or TNtupleD (the latter two wrap the TTree in an extra version header)
     * @throws Bytes.Underflow when {@code object} is too short (read more and call again)
     */
    public static long entries(Bytes object, String className) {
        if (!className.equals("TTree")) {
            versionHeader(object);
        }
        int version = versionHeader(object).version;
        if (version <= 0) {
            throw RootFormatException.at(object.file(), object.fileOffset(), "TTree streamer version " + version + " is not valid");
        }
        skipBase(object, TreeHeader::tnamed);
        skipBase(object, b -> b.skip(6)); // TAttLine: color, style, width
        skipBase(object, b -> b.skip(4)); // TAttFill: color, style
        skipBase(object, b -> b.skip(8)); // TAttMarker: color, style, size (float)
        long at = object.fileOffset();
        if (version <= 4) {
            object.skip(12); // fScanField, fMaxEntryLoop, fMaxVirtualSize
            return fromDouble(object, object.f64(), at + 12);
        }
        if (version == 5) {
            return fromDouble(object, object.f64(), at);
        }
        long entries = object.i64();
        if (entries < 0) {
            throw RootFormatException.at(object.file(), at, "TTree fEntries is negative (" + entries + ")");
        }
        return entries;
    }

    private static long fromDouble(Bytes object, double value, long at) {
        if (!(value >= 0) || value > 0x1p62 || value != Math.rint(value)) {
            throw RootFormatException.at(object.file(), at, "TTree fEntries is not a count: " + value);
        }
        return (long) value;
    }

    private static void tnamed(Bytes b) {
        b.skip(2); // TObject version
        b.skip(4); // fUniqueID
        int bits = b.i32();
        if ((bits & IS_REFERENCED) != 0) {
            b.skip(2);
        }
        b.tstring();
        b.tstring();
    }

    private interface Reader {
        void read(Bytes b);
    }

    /** Skips a base class: by its byte count when it has one, else by reading its known members. */
    private static void skipBase(Bytes b, Reader members) {
        VersionHeader h = versionHeader(b);
        if (h.end >= 0) {
            b.position(h.end); // past the bytes read: Underflow, and the caller reads more
        } else {
            members.read(b);
        }
    }

    private record VersionHeader(int version, int end) {}

    /** TBufferFile::ReadVersion: a byte count with bit 30 set, then a short version; or a bare version. */
    private static VersionHeader versionHeader(Bytes b) {
        int start = b.position();
        int count = b.i32();
        if ((count & BYTE_COUNT_MASK) != 0) {
            int bytes = count & ~BYTE_COUNT_MASK;
            int version = b.i16();
            long end = (long) start + 4 + bytes;
            if (bytes < 2) {
                throw RootFormatException.at(b.file(), b.fileOffset() - 6, "byte count " + bytes + " too small for a version");
            }
            if (end > Integer.MAX_VALUE) {
                throw RootFormatException.at(b.file(), b.fileOffset() - 6, "byte count " + bytes + " is larger than any object");
            }
            return new VersionHeader(version, (int) end);
        }
        b.position(start);
        return new VersionHeader(b.i16(), -1);
    }
}
