package org.runops.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-holder behaviour is pinned in RunLeasesTest; here what close() does when the release fails. */
class HostLockTest {
    @TempDir
    Path tmp;

    @Test
    void aReleaseThatFailsStillClosesTheChannel() throws IOException {
        Path file = tmp.resolve("x.lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = mock(FileLock.class);
        doThrow(new IOException("stale NFS handle")).when(lock).release();
        HostLock hostLock = new HostLock(file, channel, lock);
        assertThatThrownBy(hostLock::close).isInstanceOf(LedgerException.class).hasMessageContaining("x.lock")
                .hasMessageContaining("stale NFS handle");
        assertThat(channel.isOpen()).as("channel closed although release() threw").isFalse();
    }
}
