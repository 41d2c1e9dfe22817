package org.runops.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.runops.core.root.internal.FileHeader;
import org.runops.testing.RootFileWriter.Compression;
import org.runops.testing.RootFileWriter.Damage;

/**
 * Lays out the bytes of a ROOT file as TFile writes them: header at 0, the top directory's TFile
 * record at fBEGIN=100, then the objects, and at close StreamerInfo, the keys list and the free
 * segments, with the header and directory record rewritten to point at them. A crashed job's file
 * (never closed) holds what TTree::AutoSave left: tree keys whose older copies were freed (negative
 * Nbytes), StreamerInfo records and baskets, with the header still as at creation.
 */
final class RootFileAssembler {
    private static final int BEGIN = 100;
    private static final int ROOT_VERSION = 63206; // 6.32/06
    /** 2026-11-24 12:00:00 as a TDatime, so output is reproducible. */
    private static final int DATIME = ((2026 - 1995) << 26) | (11 << 22) | (24 << 17) | (12 << 12);
    private static final int OBJECT_BITS = 0x0300_0000;

    /** One tree to write. */
    public record Tree(String name, String title, long entries, String className) {}

    /** Everything the writer was told. */
    public record Spec(
            String fileName,
            Compression compression,
            Damage damage,
            boolean large,
            int treeVersion,
            int maxBlockSize,
            List<Tree> trees,
            long[] autoSaves) {}

    private record Key(String className, String name, String title, int cycle, long seekKey, long seekPdir, int nbytes,
            int keyLength, int objectLength) {}

    private final Spec spec;
    private final ByteSink file = new ByteSink();
    private final boolean large;
    private int nbytesName;
    private long seekInfo;
    private int nbytesInfo;

    private RootFileAssembler(Spec spec) {
        this.spec = spec;
        this.large = spec.large();
    }

    public static byte[] assemble(Spec spec) {
        return new RootFileAssembler(spec).build();
    }

    private byte[] build() {
        file.zeros(BEGIN);
        writeTopDirectory();
        long createdEnd = file.size();
        if (spec.damage() == Damage.NEVER_CLOSED) {
            writeCrashedFill();
            writeHeader(createdEnd, 0, 0);
            return file.toArray();
        }
        List<Key> keys = new ArrayList<>();
        for (Tree tree : spec.trees()) {
            keys.add(writeObject(tree.className(), tree.name(), tree.title(), treeObject(tree, tree.entries())));
        }
        Key info = writeObject("TList", "StreamerInfo", "Doubly linked list", streamerInfoList());
        seekInfo = info.seekKey();
        nbytesInfo = info.nbytes();
        Key keysList = writeKeysList(keys);
        long seekFree = file.size();
        long end = writeFreeSegments();
        writeHeader(end, seekFree, file.size() - (int) seekFree);
        writeDirectory(keysList.seekKey(), keysList.nbytes());
        byte[] bytes = file.toArray();
        return switch (spec.damage()) {
            case TRUNCATED -> Arrays.copyOf(bytes, (int) (info.seekKey() + info.nbytes() / 2));
            case TREE_RECORD_CUT -> keys.isEmpty() ? bytes : Arrays.copyOf(bytes, (int) (keys.get(0).seekKey() + keys.get(0).nbytes() / 2));
            case KEYS_LIST_LOST -> zeroSeekKeys(bytes);
            default -> bytes;
        };
    }

    /** A job killed after its AutoSaves: each wrote a new tree key, freed the old one, wrote StreamerInfo. */
    private void writeCrashedFill() {
        List<Tree> trees = spec.trees();
        for (int i = 1; i < trees.size(); i++) {
            writeObject(trees.get(i).className(), trees.get(i).name(), trees.get(i).title(), treeObject(trees.get(i), trees.get(i).entries()));
        }
        if (trees.isEmpty()) {
            return;
        }
        Tree tree = trees.get(0);
        Key previousTree = null;
        Key previousInfo = null;
        for (long saved : spec.autoSaves()) {
            writeBasket(tree);
            Key current = writeObject(tree.className(), tree.name(), tree.title(), treeObject(tree, saved));
            free(previousTree);
            Key info = writeObject("TList", "StreamerInfo", "Doubly linked list", streamerInfoList());
            free(previousInfo);
            previousTree = current;
            previousInfo = info;
        }
        writeBasket(tree); // entries filled after the last AutoSave: in baskets only
    }

    /** TKey::Delete: the record becomes a free gap, its Nbytes negated. */
    private void free(Key key) {
        if (key != null) {
            file.patchI32((int) key.seekKey(), -key.nbytes());
        }
    }

    private void writeBasket(Tree tree) {
        byte[] payload = new byte[256];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        writeObject("TBasket", "nEvent", tree.name(), payload);
    }

    private void writeTopDirectory() {
        int keyLength = keyHeaderLength("TFile", spec.fileName(), "");
        nbytesName = keyLength + tstringLength(spec.fileName()) + tstringLength("");
        int nbytes = nbytesName + 60;
        writeKeyHeader(new Key("TFile", spec.fileName(), "", 1, BEGIN, 0, nbytes, keyLength, nbytes - keyLength));
        file.tstring(spec.fileName()).tstring("");
        writeDirectory(0, 0);
    }

    /** The directory record after the top key's TNamed part (written again at close). */
    private void writeDirectory(long seekKeys, int nbytesKeys) {
        ByteSink dir = new ByteSink();
        dir.i16(large ? 1005 : 5).i32(DATIME).i32(DATIME).i32(nbytesKeys).i32(nbytesName);
        if (large) {
            dir.i64(BEGIN).i64(0).i64(seekKeys);
        } else {
            dir.i32(BEGIN).i32(0).i32((int) seekKeys);
        }
        dir.i16(1).bytes(uuid());
        if (!large) {
            dir.zeros(12);
        }
        byte[] b = dir.toArray();
        int at = BEGIN + nbytesName;
        if (file.size() == at) {
            file.bytes(b);
        } else {
            file.patch(at, b);
        }
    }

    private void writeHeader(long end, long seekFree, int nbytesFree) {
        ByteSink h = new ByteSink();
        h.bytes(new byte[] {'r', 'o', 'o', 't'});
        if (large) {
            h.i32(ROOT_VERSION + FileHeader.LARGE_VERSION).i32(BEGIN).i64(end).i64(seekFree).i32(nbytesFree).i32(1)
                    .i32(nbytesName).i8(8).i32(compressSetting()).i64(seekInfo).i32(nbytesInfo);
        } else {
            h.i32(ROOT_VERSION).i32(BEGIN).i32((int) end).i32((int) seekFree).i32(nbytesFree).i32(1)
                    .i32(nbytesName).i8(4).i32(compressSetting()).i32((int) seekInfo).i32(nbytesInfo);
        }
        h.i16(4).bytes(uuid());
        file.patch(0, h.toArray());
    }

    private int compressSetting() {
        return switch (spec.compression()) {
            case NONE -> 0;
            case ZLIB -> 101;
            case LZMA -> 201;
            case LZ4 -> 404;
            case ZSTD -> 505;
        };
    }

    /** Appends a key record holding {@code object}, compressed when that makes it smaller. */
    private Key writeObject(String className, String name, String title, byte[] object) {
        byte[] stored = BlockCompressor.compress(object, spec.compression(), spec.maxBlockSize());
        byte[] data = stored != null ? stored : object;
        int keyLength = keyHeaderLength(className, name, title);
        Key key = new Key(className, name, title, 1, file.size(), BEGIN, keyLength + data.length, keyLength, object.length);
        writeKeyHeader(key);
        file.bytes(data);
        return key;
    }

    private Key writeKeysList(List<Key> keys) {
        ByteSink body = new ByteSink();
        body.i32(keys.size());
        ByteSink saved = new ByteSink();
        for (int i = keys.size() - 1; i >= 0; i--) { // newest first, as ROOT writes them
            keyHeader(saved, keys.get(i));
        }
        body.bytes(saved.toArray());
        int keyLength = keyHeaderLength("TFile", spec.fileName(), "");
        Key list = new Key("TFile", spec.fileName(), "", 1, file.size(), BEGIN, keyLength + body.size(), keyLength, body.size());
        writeKeyHeader(list);
        file.bytes(body.toArray());
        return list;
    }

    /** The FreeSegments record: one TFree from the end of the file on; returns the new fEND. */
    private long writeFreeSegments() {
        int keyLength = keyHeaderLength("TFile", spec.fileName(), "");
        int bodyLength = large ? 2 + 8 + 8 : 2 + 4 + 4;
        long start = file.size();
        long end = start + keyLength + bodyLength;
        writeKeyHeader(new Key("TFile", spec.fileName(), "", 1, start, BEGIN, keyLength + bodyLength, keyLength, bodyLength));
        if (large) {
            file.i16(1001).i64(end).i64(2_000_000_000L);
        } else {
            file.i16(1).i32((int) end).i32(2_000_000_000);
        }
        return end;
    }

    private byte[] treeObject(Tree tree, long entries) {
        ByteSink o = new ByteSink();
        boolean ntuple = !tree.className().equals("TTree");
        int outer = ntuple ? o.startVersion(2) : -1;
        int version = spec.treeVersion();
        int t = o.startVersion(version);
        int named = o.startVersion(1);
        tobject(o);
        o.tstring(tree.name()).tstring(tree.title());
        o.endVersion(named);
        int line = o.startVersion(2);
        o.i16(602).i16(1).i16(1);
        o.endVersion(line);
        int fill = o.startVersion(2);
        o.i16(0).i16(1001);
        o.endVersion(fill);
        int marker = o.startVersion(2);
        o.i16(1).i16(1).f32(1f);
        o.endVersion(marker);
        long bytes = entries * 8;
        if (version <= 4) {
            o.i32(25).i32(1_000_000_000).i32(0).f64(entries);
        } else if (version == 5) {
            o.f64(entries).f64(bytes).f64(bytes / 2.0).f64(bytes / 2.0).i32(0).i32(25).i32(0).i32(1_000_000_000).i32(0);
        } else {
            o.i64(entries).i64(bytes).i64(bytes / 2).i64(bytes / 2);
            if (version >= 18) {
                o.i64(bytes / 2); // fFlushedBytes
            }
            o.f64(1.0).i32(0).i32(25).i32(0);
            if (version >= 17) {
                o.i32(1000); // fDefaultEntryOffsetLen
            }
            if (version >= 19) {
                o.i32(0); // fNClusterRange
            }
            o.i64(1_000_000_000_000L).i64(1_000_000_000_000L).i64(0).i64(-300_000_000L);
            if (version >= 18) {
                o.i64(-30_000_000L); // fAutoFlush
            }
            o.i64(1_000_000L); // fEstimate
            if (version >= 19) {
                o.i8(0).i8(0); // fClusterRangeEnd, fClusterSize: empty arrays
            }
        }
        int branches = o.startVersion(3); // fBranches: an empty TObjArray
        tobject(o);
        o.tstring("").i32(0).i32(0);
        o.endVersion(branches);
        o.endVersion(t);
        if (ntuple) {
            o.i32(1); // fNvar
            o.endVersion(outer);
        }
        return o.toArray();
    }

    /** A TList of TObjString naming the classes the file uses: a real TList streamer, small and compressible. */
    private byte[] streamerInfoList() {
        String[] classes = {"TTree;20", "TNamed;1", "TObject;1", "TAttLine;2", "TAttFill;2", "TAttMarker;2", "TBranch;13",
            "TBranchElement;10", "TLeaf;2", "TLeafElement;1", "TBasket;3", "TObjArray;3", "TList;5", "TObjString;1"};
        ByteSink o = new ByteSink();
        int list = o.startVersion(5);
        tobject(o);
        o.tstring("").i32(classes.length);
        int classTag = -1;
        for (String name : classes) {
            int countAt = o.size();
            o.i32(0);
            if (classTag < 0) {
                classTag = o.size() + 2; // kMapOffset
                o.i32(0xFFFF_FFFF).bytes("TObjString".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).i8(0);
            } else {
                o.i32(classTag | 0x8000_0000);
            }
            int str = o.startVersion(1);
            tobject(o);
            o.tstring(name + " streamer info written by runops RootFileWriter");
            o.endVersion(str);
            o.patchI32(countAt, (o.size() - countAt - 4) | 0x4000_0000);
            o.i8(0); // no option string
        }
        o.endVersion(list);
        return o.toArray();
    }

    private static void tobject(ByteSink o) {
        o.i16(1).i32(0).i32(OBJECT_BITS);
    }

    private int keyHeaderLength(String className, String name, String title) {
        return (large ? 34 : 26) + tstringLength(className) + tstringLength(name) + tstringLength(title);
    }

    private static int tstringLength(String s) {
        int n = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1).length;
        return n < 255 ? 1 + n : 5 + n;
    }

    private void writeKeyHeader(Key key) {
        keyHeader(file, key);
    }

    private void keyHeader(ByteSink out, Key key) {
        out.i32(key.nbytes()).i16(large ? 1004 : 4).i32(key.objectLength()).i32(DATIME).i16(key.keyLength()).i16(key.cycle());
        if (large) {
            out.i64(key.seekKey()).i64(key.seekPdir());
        } else {
            out.i32((int) key.seekKey()).i32((int) key.seekPdir());
        }
        out.tstring(key.className()).tstring(key.name()).tstring(key.title());
    }

    private byte[] zeroSeekKeys(byte[] bytes) {
        int at = BEGIN + nbytesName + 2 + 4 + 4 + 4 + 4 + (large ? 16 : 8);
        Arrays.fill(bytes, at, at + (large ? 8 : 4), (byte) 0);
        return bytes;
    }

    private static byte[] uuid() {
        byte[] u = new byte[16];
        for (int i = 0; i < u.length; i++) {
            u[i] = (byte) (0x5A ^ i * 17);
        }
        return u;
    }
}
