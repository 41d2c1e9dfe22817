package org.runops.dqm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one encoder behind the GUI's URLs and the cache's file names, each with its own safe set. */
class PercentEncodingTest {
    @Test
    void urlsKeepTheGuiClientsSafeSetAndEncodeUtf8() {
        assertThat(ArchiveUrls.encode("/Pixel/size PXDisk_+1/a~b%c")).isEqualTo("/Pixel/size%20PXDisk_+1/a~b%25c");
        assertThat(ArchiveUrls.encode("Zähler\uD83D\uDE00")).isEqualTo("Z%C3%A4hler%F0%9F%98%80");
        String plain = "/Tracking/TrackParameters/X";
        assertThat(ArchiveUrls.encode(plain)).isSameAs(plain);
    }

    @Test
    void fileNamesAlsoEncodeSlashAndTilde() {
        assertThat(CrawlCache.segment("a/b~c d")).isEqualTo("a%2Fb%7Ec%20d");
        assertThat(PercentEncoding.encode("\uD800x", c -> c == 'x')).isEqualTo("%3Fx"); // a lone surrogate is '?' in UTF-8
    }
}
