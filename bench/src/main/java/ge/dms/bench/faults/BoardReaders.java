package ge.dms.bench.faults;

import ge.dms.bench.commands.Fixture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Restaurants reading their boards while the faults happen ({@code GET /api/restaurants/{id}/orders}, each reader a
 * restaurant of the fixture, a few reads a second): what status each answer had, how old it said its data was
 * ({@code X-Data-Age-Ms}), and whether it said it was degraded ({@code X-Data-Stale}, or an {@code X-Data-Source}
 * naming what was unavailable); and a freshness probe, the view of the newest acknowledged change read as often
 * (a board's newest rows are orders placed before the run, whose age says nothing about the views keeping up).
 */
final class BoardReaders implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BoardReaders.class);
    private static final Duration EVERY = Duration.ofMillis(200);
    /** Short: a board that takes longer than this during a fault is as good as no answer to the screen showing it. */
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    /**
     * Starts {@code readers} readers (at most one per restaurant), each reading every {@link #EVERY}, into {@code timeline},
     * and the freshness probe: an admin reading the view of the newest acknowledged change as often.
     */
    static BoardReaders start(URI queryApi, Fixture fixture, int readers, Timeline timeline) {
        BoardReaders board = new BoardReaders();
        board.threads.add(Thread.ofVirtual().name("view-freshness").start(() -> board.probe(queryApi, fixture.adminToken, timeline)));
        for (int i = 0; i < Math.min(readers, fixture.restaurants.size()); i++) {
            URI url = queryApi.resolve("/api/restaurants/" + fixture.restaurants.get(i) + "/orders?limit=20");
            String token = fixture.restaurantTokens.get(i);
            board.threads.add(Thread.ofVirtual().name("board-reader-" + i).start(() -> board.read(url, token, timeline)));
        }
        return board;
    }

    /** One answer: its status (-1: none), {@code X-Data-Age-Ms} (-1 when absent), whether it said it was degraded. */
    private record Answer(int status, long ageMs, boolean degraded) {
    }

    private void read(URI url, String token, Timeline timeline) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Authorization", "Bearer " + token).GET().build();
        every(() -> {
            Answer a = answer(request);
            timeline.read(a.status(), a.ageMs(), a.degraded());
        });
    }

    /** The view of the newest acknowledged change: its age is under a second only while the views keep up. */
    private void probe(URI queryApi, String adminToken, Timeline timeline) {
        every(() -> {
            long order = timeline.lastAckedOrder();
            if (order > 0) {
                Answer a = answer(HttpRequest.newBuilder(queryApi.resolve("/api/orders/" + order)).timeout(TIMEOUT)
                        .header("Authorization", "Bearer " + adminToken).GET().build());
                timeline.viewRead(a.status(), a.ageMs(), a.degraded());
            }
        });
    }

    private Answer answer(HttpRequest request) {
        try {
            HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
            long age = answer.headers().firstValue("X-Data-Age-Ms").map(Long::parseLong).orElse(-1L);
            boolean stale = answer.headers().firstValue("X-Data-Stale").map("true"::equals).orElse(false);
            boolean fallback = answer.headers().firstValue("X-Data-Source").map(s -> s.contains("unavailable")).orElse(false);
            return new Answer(answer.statusCode(), age, stale || fallback);
        } catch (IOException e) {
            LOG.debug("read failed: {}", e.toString());
            return new Answer(-1, -1, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, -1, false);
        }
    }

    /** Runs {@code read} every {@link #EVERY} until closed. */
    private void every(Runnable read) {
        while (!stopped.get() && !Thread.currentThread().isInterrupted()) {
            long start = System.nanoTime();
            read.run();
            long left = EVERY.toNanos() - (System.nanoTime() - start);
            if (left > 0) {
                try {
                    Thread.sleep(Duration.ofNanos(left));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped.set(true);
        for (Thread thread : threads) {
            thread.join(TIMEOUT.plusSeconds(1));
        }
        http.shutdownNow();
    }
}
