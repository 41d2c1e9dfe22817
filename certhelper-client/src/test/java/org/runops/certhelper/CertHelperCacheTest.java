package org.runops.certhelper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertHelperCacheTest {
    private static final Instant T0 = Instant.parse("2026-12-02T04:00:00Z");

    @TempDir
    Path dir;

    private CertHelperCache at(Instant now) {
        return new CertHelperCache(dir.resolve("certhelper"), Duration.ofHours(24), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void writesDumpAndMetadataAtomicallyAndReadsThemBack() throws IOException {
        byte[] json = "[{\"run_number\": 5, \"reference_run_number\": 3}]".getBytes(StandardCharsets.UTF_8);

        at(T0).write(json, "https://certhelper.web.cern.ch/certify/allRunsRefRuns/?a=b:c");
        CertHelperCache.Entry e = at(T0.plus(Duration.ofHours(3))).read().orElseThrow();

        assertThat(e.json()).isEqualTo(json);
        assertThat(e.fetchedAt()).isEqualTo(T0);
        assertThat(e.url()).isEqualTo("https://certhelper.web.cern.ch/certify/allRunsRefRuns/?a=b:c");
        assertThat(at(T0.plus(Duration.ofHours(3))).age(e)).isEqualTo(Duration.ofHours(3));
        try (Stream<Path> files = Files.list(dir.resolve("certhelper"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(CertHelperCache.DUMP_FILE, CertHelperCache.META_FILE); // no temp files left
        }
    }

    @Test
    void freshUntilTheTtlAndNotWhenStampedInTheFuture() {
        CertHelperCache.Entry e = at(T0).write(new byte[] {'[', ']'}, "u");

        assertThat(at(T0.plus(Duration.ofHours(24)).minusSeconds(1)).isFresh(e)).isTrue();
        assertThat(at(T0.plus(Duration.ofHours(24))).isFresh(e)).isFalse();
        assertThat(at(T0.minusSeconds(60)).isFresh(e)).isFalse();
    }

    @Test
    void missingTornOrMismatchedFilesReadAsAbsent() throws IOException {
        assertThat(at(T0).read()).isEmpty();
        at(T0).write("[1]".getBytes(StandardCharsets.UTF_8), "u");
        Path dump = dir.resolve("certhelper").resolve(CertHelperCache.DUMP_FILE);
        Path meta = dir.resolve("certhelper").resolve(CertHelperCache.META_FILE);

        Files.writeString(dump, "[1, 2]");
        assertThat(at(T0).read()).isEmpty();
        assertThat(dump).exists();

        at(T0).write("[1]".getBytes(StandardCharsets.UTF_8), "u");
        Files.writeString(meta, "fetchedAt=yesterday\nurl=u\nsize=3\nsha256=00\n");
        assertThat(at(T0).read()).isEmpty();

        Files.delete(meta);
        assertThat(at(T0).read()).isEmpty();
    }

    @Test
    void theDefaultDirectoryFollowsXdg() {
        assertThat(CertHelperCache.defaultDirectory(Map.of("XDG_CACHE_HOME", "/var/cache/me", "HOME", "/home/me")::get))
                .isEqualTo(Path.of("/var/cache/me/runops/certhelper"));
        assertThat(CertHelperCache.defaultDirectory(Map.of("HOME", "/home/me")::get))
                .isEqualTo(Path.of("/home/me/.cache/runops/certhelper"));
        // a relative XDG_CACHE_HOME is invalid by the XDG spec and ignored
        assertThat(CertHelperCache.defaultDirectory(Map.of("XDG_CACHE_HOME", "rel", "HOME", "/home/me")::get))
                .isEqualTo(Path.of("/home/me/.cache/runops/certhelper"));
        assertThatThrownBy(() -> CertHelperCache.defaultDirectory(Map.<String, String>of()::get))
                .isInstanceOf(CertHelperException.class).hasMessageContaining("HOME");
    }

    @Test
    void anUnwritableDirectoryIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        CertHelperCache cache = new CertHelperCache(file.resolve("sub"), Duration.ofHours(1), Clock.fixed(T0, ZoneOffset.UTC));

        assertThatThrownBy(() -> cache.write(new byte[] {'[', ']'}, "u")).isInstanceOf(CertHelperException.class)
                .hasMessageContaining(file.resolve("sub").toString());
    }
}
