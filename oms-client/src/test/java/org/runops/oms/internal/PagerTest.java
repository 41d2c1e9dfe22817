package org.runops.oms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.runops.oms.OmsPage;

class PagerTest {
    private static final HttpUrl BASE = HttpUrl.get("http://localhost/agg/api/v1/runs");

    @Test
    void aPageQueuedBehindOthersGetsOnlyTheTimeLeftWhenItStarts() throws Exception {
        AtomicLong now = new AtomicLong();
        CountDownLatch queued = new CountDownLatch(1);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>() {
            @Override
            public boolean offer(Runnable task) {
                boolean taken = super.offer(task);
                queued.countDown();
                return taken;
            }
        });
        try {
            // another query's page holds the pool's only thread until the first page is queued, then 4 s pass
            pool.execute(() -> {
                try {
                    queued.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                now.addAndGet(Duration.ofSeconds(4).toNanos());
            });
            List<Duration> given = new CopyOnWriteArrayList<>();
            Pager pager = new Pager((offset, limit) -> BASE, (url, within, cancellation) -> {
                given.add(within);
                return OmsPage.parse("{\"data\":[],\"meta\":{\"totalResourceCount\":0}}".getBytes(StandardCharsets.UTF_8), url.toString());
            }, pool, 2, Duration.ofSeconds(10), now::get);
            pager.run(10, Duration.ofSeconds(10).toNanos(), page -> {}, (done, pages) -> {});
            assertThat(given).containsExactly(Duration.ofSeconds(6));
        } finally {
            pool.shutdownNow();
        }
    }
}
