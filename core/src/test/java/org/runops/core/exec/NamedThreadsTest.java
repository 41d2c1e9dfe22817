package org.runops.core.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

class NamedThreadsTest {

    @Test
    void threadsAreNumberedDaemonsOfTheirPrefix() {
        ThreadFactory f = NamedThreads.daemon("runops-x-3");
        Thread a = f.newThread(() -> {});
        Thread b = f.newThread(() -> {});
        assertThat(a.getName()).isEqualTo("runops-x-3-1");
        assertThat(b.getName()).isEqualTo("runops-x-3-2");
        assertThat(a.isDaemon()).isTrue();
        assertThat(NamedThreads.daemon("other").newThread(() -> {}).getName()).isEqualTo("other-1");
    }
}
