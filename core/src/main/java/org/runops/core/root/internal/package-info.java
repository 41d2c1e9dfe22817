/**
 * Implementation of {@link org.runops.core.root}: byte decoding, the TFile header, keys, directory and
 * StreamerInfo records, decompression and recovery. Not API. Classes only this package uses are
 * package-private; those {@code org.runops.core.root} calls ({@code Bytes}, {@code DecodeBuffers}, {@code FileReader},
 * {@code KeyHeader}, {@code ObjectReader}, {@code TFileOpener}, {@code TreeHeader}) or the
 * {@code testing} module's ROOT writer reuses ({@code FileHeader}, {@code XxHash64}) must stay public,
 * since Java has no visibility between packages short of modules.
 */
package org.runops.core.root.internal;
