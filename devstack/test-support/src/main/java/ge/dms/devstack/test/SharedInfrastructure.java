package ge.dms.devstack.test;

import ge.dms.devstack.infra.Infrastructure;

/**
 * The one {@link Infrastructure} of this test JVM, started on first use and stopped when the
 * JVM exits. Usable outside JUnit extensions too, e.g. from a Micronaut
 * {@code TestPropertyProvider}.
 *
 * <p>{@code -Dinfra=embedded} (the default) starts the servers from Maven artifacts; the
 * {@code DMS_*} environment variables point any of them at an external server instead.
 */
public final class SharedInfrastructure {

    private static Infrastructure instance;

    private SharedInfrastructure() {
    }

    public static synchronized Infrastructure get() {
        if (instance == null) {
            String mode = System.getProperty("infra", "embedded");
            if (!mode.equals("embedded")) {
                throw new IllegalStateException("-Dinfra=" + mode + " is not supported: this build runs its tests on embedded "
                        + "servers; to use servers you run yourself (in containers or not), set DMS_POSTGRES_URL, "
                        + "DMS_KAFKA_BOOTSTRAP and DMS_REDIS_URL");
            }
            Infrastructure started = Infrastructure.start(null, System.getenv());
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "devstack-stop"));
            instance = started;
        }
        return instance;
    }
}
