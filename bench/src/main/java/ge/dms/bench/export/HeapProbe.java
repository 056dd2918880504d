package ge.dms.bench.export;

import com.sun.tools.attach.VirtualMachine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query API's heap, read from its own JVM: the bench attaches to the process (JDK Attach API),
 * starts its local JMX agent and reads the heap memory pools. Before an export the peaks are reset
 * (after a full GC, so the baseline is live data only); after it each pool's peak usage is read.
 * The sum of the pools' peaks is an upper bound of the heap's peak (pools peak at different moments);
 * the old generation's peak is what the export kept alive across collections.
 */
final class HeapProbe implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeapProbe.class);

    private final JMXConnector connector;
    private final MemoryMXBean memory;
    private final List<MemoryPoolMXBean> pools;
    private final List<GarbageCollectorMXBean> collectors;
    private long collectionsBefore;

    private HeapProbe(JMXConnector connector, MBeanServerConnection server) throws java.io.IOException {
        this.connector = connector;
        this.memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
        this.pools = ManagementFactory.getPlatformMXBeans(server, MemoryPoolMXBean.class).stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        this.collectors = ManagementFactory.getPlatformMXBeans(server, GarbageCollectorMXBean.class);
    }

    static HeapProbe attach(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
        LOG.info("reading the heap of the query API (pid {}) over JMX", pid);
        return new HeapProbe(connector, connector.getMBeanServerConnection());
    }

    /** Full GC, then every heap pool's peak reset to its current usage; returns the heap in use. */
    long reset() {
        memory.gc();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        collectionsBefore = collections();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Peaks since {@link #reset}: per pool, their sum, the max heap, and the collections in between. */
    Map<String, Object> peaks() {
        Map<String, Object> figures = new LinkedHashMap<>();
        long sum = 0;
        Map<String, Long> byPool = new LinkedHashMap<>();
        for (MemoryPoolMXBean pool : pools) {
            long peak = pool.getPeakUsage().getUsed();
            byPool.put(pool.getName(), peak);
            sum += peak;
        }
        figures.put("peakHeapUsedBytesUpperBound", sum);
        figures.put("peakByPoolBytes", byPool);
        figures.put("maxHeapBytes", memory.getHeapMemoryUsage().getMax());
        figures.put("collectionsDuringExport", collections() - collectionsBefore);
        return figures;
    }

    private long collections() {
        return collectors.stream().mapToLong(c -> Math.max(0, c.getCollectionCount())).sum();
    }

    @Override
    public void close() throws java.io.IOException {
        connector.close();
    }
}
