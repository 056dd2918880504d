package ge.dms.query;

import io.micronaut.runtime.Micronaut;

/** Standalone entry: configuration from application.yml and DMS_* environment variables. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
