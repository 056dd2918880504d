package ge.dms.devstack.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds loopback ports that are free now, so two JVMs on one host never collide on fixed ports.
 *
 * <p>Ports come from below Linux's ephemeral range (32768–60999): a port the kernel hands out
 * with {@code bind(0)} is also what it hands to the next outgoing connection, and CI saw a
 * Kafka client in a parallel test JVM take the broker's port between lookup and bind. Ports are
 * picked at random so parallel JVMs rarely try the same one, and never twice in one JVM.
 */
public final class FreePorts {

    private static final int LOWEST = 15_000;
    private static final int HIGHEST = 32_767;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    public static int next() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST + 1);
            if (!HANDED_OUT.contains(candidate) && isFree(candidate) && HANDED_OUT.add(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free loopback port between " + LOWEST + " and " + HIGHEST);
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
