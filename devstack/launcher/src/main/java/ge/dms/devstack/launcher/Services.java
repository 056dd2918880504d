package ge.dms.devstack.launcher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;

/** What {@code ./dev up} started, stopped in reverse order: services first, then the servers. */
final class Services implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Services.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    synchronized <T extends AutoCloseable> T add(T service) {
        started.push(service);
        return service;
    }

    synchronized void remove(AutoCloseable service) {
        started.remove(service);
    }

    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            AutoCloseable service = started.pop();
            try {
                service.close();
            } catch (Exception e) {
                LOG.warn("{} did not stop cleanly", service.getClass().getSimpleName(), e);
            }
        }
    }
}
