package org.runops.core.root.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * XXH64 against the reference implementation's published values; the real proof is that every
 * LZ4-compressed file in shared/data/root passes its checksum (RootFileManifestTest).
 */
class XxHash64Test {

    @Test
    void referenceVectors() {
        assertThat(XxHash64.hash(new byte[0], 0, 0)).isEqualTo(0xEF46DB3751D8E999L);
        assertThat(hash("a")).isEqualTo(0xD24EC4F1A98C6E5BL);
        assertThat(hash("abc")).isEqualTo(0x44BC2CF5AD770999L);
        assertThat(hash("Nobody inspects the spammish repetition")).isEqualTo(0xFBCEA83C8A378BF1L);
    }

    @Test
    void longInputsUseTheFourLaneLoop() {
        byte[] data = new byte[1000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        long whole = XxHash64.hash(data, 0, data.length);
        byte[] shifted = new byte[1003];
        System.arraycopy(data, 0, shifted, 3, data.length);
        assertThat(XxHash64.hash(shifted, 3, data.length)).isEqualTo(whole);
        assertThat(XxHash64.hash(data, 0, data.length, 1)).isNotEqualTo(whole);
    }

    private static long hash(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return XxHash64.hash(b, 0, b.length);
    }
}
