/**
 * Pure-Java ROOT file reader: header, keys, zombie/recovered semantics of {@code TFile}, and
 * {@code TTree} entry counts, with zlib, LZMA, LZ4 and ZSTD blocks. No ROOT, no native code.
 * Implementation details live in {@code org.runops.core.root.internal}.
 */
package org.runops.core.root;
