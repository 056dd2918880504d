package ge.dms.devstack.test;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class against real PostgreSQL, Kafka and Redis. Test methods (and constructors,
 * {@code @BeforeAll} and {@code @BeforeEach} methods) may declare parameters of type
 * {@link ge.dms.devstack.infra.Infrastructure}, {@link ge.dms.devstack.infra.Endpoints} and
 * {@link TestNamespace}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(DevStackExtension.class)
public @interface WithDevStack {
}
