package org.runops.core.root.internal;

import java.util.ArrayList;
import java.util.List;
import org.runops.core.root.RootFormatException;
import org.runops.core.root.RootKey;

/**
 * TFile::Recover(), replicated: walk the records from fBEGIN, keep the keys whose parent is the top
 * directory (and whose class ROOT would know, is not a TFile and not a TBasket), note the last
 * StreamerInfo record. Only headers are read; a key whose body is cut off is still recovered.
 */
final class Recovery {
    private static final int HEADER_READ = 1024;

    /** What the scan found. */
    public record Result(List<RootKey> keys, long seekInfo, int nbytesInfo, boolean foundStreamerInfo) {}

    private Recovery() {}

    public static Result scan(FileReader file, long begin, long seekDir) {
        long end = file.size();
        List<RootKey> keys = new ArrayList<>();
        long seekInfo = 0;
        int nbytesInfo = 0;
        boolean foundInfo = false;
        long idcur = begin;
        int nread = HEADER_READ;
        byte[] header = new byte[HEADER_READ];
        while (idcur < end) {
            if (idcur + nread >= end) {
                nread = (int) (end - idcur - 1);
            }
            // ROOT reads nread bytes and parses whatever is there; with too few bytes to parse it stops.
            if (nread < 4 || file.fill(idcur, header, nread) < nread) {
                break;
            }
            Bytes b = new Bytes(file.path(), header, nread, idcur);
            int nbytes = b.i32();
            if (nbytes == 0) {
                break;
            }
            if (nbytes < 0) {
                idcur -= nbytes; // a free gap
                continue;
            }
            RootKey key;
            try {
                int version = b.i16();
                b.position(version > 1000 ? 34 : 26);
                int classNameLength = b.i8();
                if (classNameLength <= 0 || classNameLength > 100) {
                    break;
                }
                b.position(0);
                key = KeyHeader.parse(b);
            } catch (RootFormatException e) {
                break; // a header ROOT could not parse either ends the scan
            }
            long rawSeekPdir = rawSeekPdir(file, header, nread);
            if (rawSeekPdir == seekDir && knownToRoot(key.className())) {
                if (key.name().equals("StreamerInfo")) {
                    seekInfo = key.seekKey();
                    nbytesInfo = nbytes;
                    foundInfo = true;
                } else {
                    appendKey(keys, key);
                }
            }
            idcur += nbytes;
        }
        return new Result(List.copyOf(keys), seekInfo, nbytesInfo, foundInfo);
    }

    /** Recover compares the SeekPdir as read (small keys: a signed int), before any masking. */
    private static long rawSeekPdir(FileReader file, byte[] header, int nread) {
        Bytes b = new Bytes(file.path(), header, nread, 0);
        b.skip(4);
        int version = b.i16();
        b.position(version > 1000 ? 26 : 22);
        return version > 1000 ? b.i64() : b.i32();
    }

    /**
     * ROOT asks TClass whether it knows the class and whether it inherits from TFile. Without
     * dictionaries: every class is known except TBasket and the TFile family (TFile, TNetFile,
     * TWebFile, TXMLFile, ... — names ending in "File" other than TDirectoryFile).
     */
    static boolean knownToRoot(String className) {
        if (className.equals("TBasket")) {
            return false;
        }
        return !className.endsWith("File") || className.equals("TDirectoryFile");
    }

    /** TDirectoryFile::AppendKey: a key goes before the first existing key of the same name. */
    private static void appendKey(List<RootKey> keys, RootKey key) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).name().equals(key.name())) {
                keys.add(i, key);
                return;
            }
        }
        keys.add(key);
    }
}
