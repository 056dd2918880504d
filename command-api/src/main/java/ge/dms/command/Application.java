package ge.dms.command;

import io.micronaut.runtime.Micronaut;

/** Standalone process: configuration from application.yml and {@code DMS_*} environment variables. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
