package org.runops.core.root.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.runops.core.root.RootFormatException;
import org.runops.core.root.RootKey;

/**
 * TFile::Init for reading, step by step as ROOT takes them: header, top directory, keys list (or
 * Recover()), StreamerInfo. Each way ROOT makes a file a zombie becomes a reason string here.
 */
public final class TFileOpener {
    /** ROOT's ReadBuffer(header, kBEGIN+200) fails on anything shorter. */
    private static final int MIN_SIZE = 300;
    private static final int FIRST_READ = 1024;
    private static final int MIN_SEEK = 64;
    private static final int MAX_STREAMER_INFO_READ = 1 << 20;

    /** The outcome of opening: a zombie has a reason; recovered may be true for a zombie too. */
    public record State(FileHeader header, long size, String zombieReason, boolean recovered, List<RootKey> keys) {
        public static State zombie(long size, String reason) {
            return new State(null, size, reason, false, List.of());
        }
    }

    private TFileOpener() {}

    /**
     * @param decompressStreamerInfo whether to decompress StreamerInfo as ROOT does, or only check it lies in the file
     * @param buffers                for decompressing StreamerInfo
     * @throws org.runops.core.root.RootReadException when a read fails: that is not a reason to call the file a zombie
     */
    public static State open(FileReader file, boolean decompressStreamerInfo, DecodeBuffers buffers) {
        long size = file.size();
        if (size < MIN_SIZE) {
            return State.zombie(size, "file is " + size + " bytes, shorter than the " + MIN_SIZE + " bytes of a ROOT header");
        }
        byte[] first = file.readUpTo(0, (int) Math.min(size, FIRST_READ));
        if (first.length < MIN_SIZE) {
            return State.zombie(size, "could read only " + first.length + " bytes of the header");
        }
        if (!(first[0] == 'r' && first[1] == 'o' && first[2] == 'o' && first[3] == 't')) {
            return State.zombie(size, "not a ROOT file: starts with " + quote(first) + ", not \"root\"");
        }
        FileHeader header = FileHeader.parse(new Bytes(file.path(), first, 0));
        if (header.begin() < 0 || header.begin() > header.end()) {
            return zombie(header, size, "header fBEGIN=" + header.begin() + " is outside [0, fEND=" + header.end() + "]", false);
        }
        long nbytes = (long) header.nbytesName() + header.directorySizeof();
        if (header.nbytesName() < 0 || nbytes + header.begin() > header.end()) {
            return zombie(header, size, "top directory record (fNbytesName=" + header.nbytesName() + " + "
                    + header.directorySizeof() + " bytes at " + header.begin() + ") runs past fEND=" + header.end(), false);
        }
        byte[] top = header.begin() + nbytes <= first.length ? first : file.readFully(header.begin(), (int) nbytes);
        int topOffset = top == first ? header.begin() : 0;
        if (top == null) {
            return zombie(header, size, "cannot read the top directory record at " + header.begin() + " (" + nbytes
                    + " bytes; the file has " + size + ")", false);
        }
        DirectoryRecord dir;
        try {
            Bytes b = new Bytes(file.path(), top, header.begin() - topOffset);
            b.position(topOffset + header.nbytesName());
            dir = DirectoryRecord.parse(b);
        } catch (RootFormatException e) {
            return zombie(header, size, "cannot read the top directory record: " + e.getMessage(), false);
        }
        if (dir.nbytesName() < 10 || dir.nbytesName() > 10000) {
            return zombie(header, size, "cannot read directory info: fNbytesName=" + dir.nbytesName()
                    + " is outside [10, 10000]", false);
        }
        return readKeysAndStreamerInfo(file, header, dir, nbytes, decompressStreamerInfo, buffers);
    }

    private static State readKeysAndStreamerInfo(FileReader file, FileHeader header, DirectoryRecord dir, long nbytes,
            boolean decompressStreamerInfo, DecodeBuffers buffers) {
        long size = file.size();
        long seekInfo = header.seekInfo();
        int nbytesInfo = header.nbytesInfo();
        List<RootKey> keys = List.of();
        boolean recovered = false;
        if (dir.seekKeys() > header.begin() && header.end() <= size) {
            keys = readKeys(file, dir.seekKeys(), dir.nbytesKeys());
            if (keys.isEmpty()) {
                // ROOT recovers a file without keys but ignores the outcome on this path.
                Recovery.Result r = Recovery.scan(file, header.begin(), dir.seekDir());
                keys = r.keys();
                recovered = !keys.isEmpty();
                if (r.foundStreamerInfo()) {
                    seekInfo = r.seekInfo();
                    nbytesInfo = r.nbytesInfo();
                }
            }
        } else if (!(header.begin() + nbytes == header.end() && header.end() == size)) {
            // Something was written but the trailer is missing: truncated, or never closed.
            Recovery.Result r = Recovery.scan(file, header.begin(), dir.seekDir());
            if (r.keys().isEmpty()) {
                String why = header.end() > size
                        ? "truncated (header fEND=" + header.end() + ", file has " + size + " bytes)"
                        : "not closed properly (no keys list)";
                return zombie(header, size, why + " and recovery found no keys", false);
            }
            keys = r.keys();
            recovered = true;
            if (r.foundStreamerInfo()) {
                seekInfo = r.seekInfo();
                nbytesInfo = r.nbytesInfo();
            }
        }
        if (seekInfo > header.begin()) {
            String problem = streamerInfoProblem(file, seekInfo, nbytesInfo, decompressStreamerInfo, buffers);
            if (problem != null) {
                return new State(header, size, problem, recovered, keys);
            }
        }
        return new State(header, size, null, recovered, keys);
    }

    /** TDirectoryFile::ReadKeys: stops at the first key whose seeks are below 64 or past the end of the file. */
    static List<RootKey> readKeys(FileReader file, long seekKeys, int nbytesKeys) {
        long size = file.size();
        byte[] data = nbytesKeys > 0 ? file.readFully(seekKeys, nbytesKeys) : null;
        if (data == null) {
            return List.of(); // ROOT would parse an unread buffer; no keys is the honest reading
        }
        List<RootKey> keys = new ArrayList<>();
        Bytes b = new Bytes(file.path(), data, seekKeys);
        try {
            KeyHeader.parse(b); // the keys list's own key header
            int nkeys = b.i32();
            for (int i = 0; i < nkeys; i++) {
                RootKey key = KeyHeader.parse(b);
                if (key.seekKey() < MIN_SEEK || key.seekKey() > size || key.seekParentDir() < MIN_SEEK
                        || key.seekParentDir() > size) {
                    break;
                }
                keys.add(key);
            }
        } catch (RootFormatException e) {
            // A list cut short keeps the keys read so far, as ROOT's loop would.
        }
        return List.copyOf(keys);
    }

    /** ReadStreamerInfo: the record must be readable and its TList must decompress. */
    private static String streamerInfoProblem(FileReader file, long seekInfo, int nbytesInfo, boolean decompress,
            DecodeBuffers buffers) {
        String where = "StreamerInfo record at " + seekInfo + " (" + nbytesInfo + " bytes)";
        if (nbytesInfo <= 0 || seekInfo + nbytesInfo > file.size()) {
            return where + " lies beyond the end of the file (" + file.size() + " bytes)";
        }
        if (!decompress) {
            return null;
        }
        try {
            // One read of the whole record (ROOT reads it whole too); a huge one is streamed instead.
            boolean whole = nbytesInfo <= MAX_STREAMER_INFO_READ;
            byte[] head = whole ? file.readFully(seekInfo, nbytesInfo) : file.readUpTo(seekInfo, FIRST_READ);
            RootKey key = KeyHeader.parse(new Bytes(file.path(), head, seekInfo));
            int recordBytes = KeyHeader.nbytes(key);
            if (key.keyLength() <= 0 || key.compressedLength() < 0 || recordBytes > nbytesInfo) {
                return where + " has an inconsistent key (Nbytes=" + recordBytes + ", KeyLen=" + key.keyLength() + ")";
            }
            if (whole) {
                ObjectReader.verify(file.path(), buffers, head, key.keyLength(), key.compressedLength(), key.objectLength(),
                        seekInfo + key.keyLength());
            } else {
                ObjectReader.verify(file, buffers, seekInfo + key.keyLength(), key.compressedLength(), key.objectLength());
            }
            return null;
        } catch (RootFormatException e) {
            return where + " cannot be read: " + e.getMessage();
        }
    }

    private static State zombie(FileHeader header, long size, String reason, boolean recovered) {
        return new State(header, size, reason, recovered, List.of());
    }

    private static String quote(byte[] first) {
        StringBuilder s = new StringBuilder("\"");
        for (int i = 0; i < 4; i++) {
            int c = first[i] & 0xFF;
            s.append(c >= 32 && c < 127 ? String.valueOf((char) c) : String.format(Locale.ROOT, "\\x%02x", c));
        }
        return s.append('"').toString();
    }

}
