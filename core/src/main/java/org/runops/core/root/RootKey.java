package org.runops.core.root;

import java.util.Objects;

/**
 * One TKey of a directory: what ROOT's {@code TKey} header says about one stored object.
 *
 * @param name             object name (e.g. {@code Events})
 * @param title            object title
 * @param className        class of the stored object (e.g. {@code TTree}); ROOT's {@code TDirectory}
 *                         for subdirectories
 * @param cycle            cycle number (signed 16-bit in the file; can wrap negative)
 * @param objectLength     uncompressed object size in bytes (ObjLen)
 * @param compressedLength bytes stored after the key header ({@code Nbytes - KeyLen})
 * @param keyLength        size of the key header (KeyLen)
 * @param seekKey          file offset of this record
 * @param seekParentDir    file offset of the parent directory record
 */
public record RootKey(
        String name,
        String title,
        String className,
        int cycle,
        int objectLength,
        int compressedLength,
        int keyLength,
        long seekKey,
        long seekParentDir) {

    public RootKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(className, "className");
    }

    /** ROOT's rule: the object is compressed iff {@code ObjLen > Nbytes - KeyLen}. */
    public boolean isCompressed() {
        return objectLength > compressedLength;
    }

    /** True for {@code TTree}, {@code TNtuple} and {@code TNtupleD} keys. */
    public boolean isTree() {
        return className.equals("TTree") || className.equals("TNtuple") || className.equals("TNtupleD");
    }
}
