package org.runops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runops.examples.Launcher.runops;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code nanny}, {@code nanny-day} and {@code backfill} name and place chunk files with one set of options. */
class DataloggerNannyOptionsCliTest {
    private static final List<String> SHARED = List.of("--paramfile", "--duration", "--list-version", "--outdir", "--draftdir");

    private static List<String> sharedHelp(String command) {
        Launcher.Run r = runops("datalogger", command, "--help");
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.out().lines().filter(l -> SHARED.stream().anyMatch(o -> l.strip().startsWith(o + "="))).map(String::strip).toList();
    }

    @Test
    void theThreeCommandsShowTheSameChunkFileOptionsWithTheSameDefaults() {
        List<String> nanny = sharedHelp("nanny");
        assertThat(nanny).hasSize(SHARED.size()).anySatisfy(l -> assertThat(l).startsWith("--duration=DURATION").contains("(default: 1h)"));
        assertThat(sharedHelp("nanny-day")).isEqualTo(nanny);
        assertThat(sharedHelp("backfill")).isEqualTo(nanny);
    }
}
