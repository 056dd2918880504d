package ge.dms.devstack.test;

import ge.dms.devstack.infra.Endpoints;
import ge.dms.devstack.infra.Infrastructure;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the {@link SharedInfrastructure} before the first test class that uses it and hands
 * out {@link Infrastructure}, {@link Endpoints} and {@link TestNamespace} parameters. A
 * namespace is made per extension context: one for each test method, one for the class when
 * asked for in a constructor or {@code @BeforeAll}.
 */
public final class DevStackExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(DevStackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        SharedInfrastructure.get();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Infrastructure.class || type == Endpoints.class || type == TestNamespace.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        Infrastructure infrastructure = SharedInfrastructure.get();
        if (type == Infrastructure.class) {
            return infrastructure;
        }
        if (type == Endpoints.class) {
            return infrastructure.endpoints();
        }
        return context.getStore(STORE).computeIfAbsent(
                context.getUniqueId(), ignored -> new TestNamespace(infrastructure.endpoints()), TestNamespace.class);
    }
}
