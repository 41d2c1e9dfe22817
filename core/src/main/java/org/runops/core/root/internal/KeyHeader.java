package org.runops.core.root.internal;

import org.runops.core.root.RootKey;

/** TKey::ReadKeyBuffer: one key header, as a {@link RootKey} plus its total record size. */
public final class KeyHeader {
    /** Top 16 bits of a large key's SeekPdir carry fPidOffset. */
    private static final long PID_OFFSET_MASK = 0x0000_FFFF_FFFF_FFFFL;

    private KeyHeader() {}

    /** Total record size (Nbytes) of a parsed key. */
    public static int nbytes(RootKey key) {
        return key.keyLength() + key.compressedLength();
    }

    /** Parses a key header at the cursor. */
    public static RootKey parse(Bytes b) {
        int nbytes = b.i32();
        int version = b.i16();
        int objlen = b.i32();
        b.i32(); // datime
        int keylen = b.i16();
        int cycle = b.i16();
        long seekKey;
        long seekPdir;
        if (version > 1000) {
            seekKey = b.i64();
            seekPdir = b.i64() & PID_OFFSET_MASK;
        } else {
            seekKey = b.u32();
            seekPdir = b.u32();
        }
        String className = b.tstring();
        // ROOT writes "TDirectory" for TDirectoryFile keys and renames it back when reading.
        if (className.equals("TDirectory")) {
            className = "TDirectoryFile";
        }
        String name = b.tstring();
        String title = b.tstring();
        return new RootKey(name, title, className, cycle, objlen, nbytes - keylen, keylen, seekKey, seekPdir);
    }
}
