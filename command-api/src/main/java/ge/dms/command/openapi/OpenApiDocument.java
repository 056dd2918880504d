package ge.dms.command.openapi;

import ge.dms.command.trace.RequestId;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.web.router.UriRouteInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An OpenAPI 3.1 document built from the running router: every {@code /api} route with its
 * method, path and header parameters, body and response schemas and the roles it is secured
 * for. micronaut-openapi's build-time generator has no release for Micronaut 5 on Central yet,
 * so the document is generated from the same metadata at start-up instead.
 */
public final class OpenApiDocument {

    private OpenApiDocument() {
    }

    public static Map<String, Object> build(List<UriRouteInfo<?, ?>> routes, String version) {
        SchemaWriter schemas = new SchemaWriter();
        Map<String, Map<String, Object>> paths = new java.util.TreeMap<>();
        for (UriRouteInfo<?, ?> route : routes) {
            String path = route.getUriMatchTemplate().toPathString();
            if (!path.startsWith("/api/")) {
                continue;
            }
            paths.computeIfAbsent(path, p -> new LinkedHashMap<>())
                    .put(route.getHttpMethod().name().toLowerCase(Locale.ROOT), operation(route, schemas));
        }
        Map<String, Object> problem = Map.of("type", "object", "description", "RFC 9457 problem document",
                "properties", Map.of("type", Map.of("type", "string", "format", "uri"), "title", Map.of("type", "string"),
                        "status", Map.of("type", "integer"), "detail", Map.of("type", "string"), "instance", Map.of("type", "string"),
                        "errors", Map.of("type", "array", "items", Map.of("type", "object", "properties",
                                Map.of("field", Map.of("type", "string"), "message", Map.of("type", "string"))))));
        Map<String, Object> components = new LinkedHashMap<>(schemas.components());
        components.put("Problem", problem);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.1.0");
        document.put("info", Map.of("title", "DMS command API", "version", version, "description",
                "Write side of the DMS platform. Every successful write answers with a DMS-Write-Token header "
                        + "(entity=id;version=v;xid=transaction id) that the query side can wait for."));
        document.put("paths", paths);
        document.put("components", Map.of("schemas", components,
                "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer", "bearerFormat", "JWT"))));
        return document;
    }

    private static Map<String, Object> operation(UriRouteInfo<?, ?> route, SchemaWriter schemas) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("operationId", route.getDeclaringType().getSimpleName() + "." + route.getTargetMethod().getMethodName());
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (Argument<?> argument : route.getTargetMethod().getArguments()) {
            if (argument.getAnnotationMetadata().hasAnnotation(PathVariable.class)) {
                parameters.add(Map.of("name", argument.getName(), "in", "path", "required", true, "schema", schemas.schema(argument)));
            } else if (argument.getAnnotationMetadata().hasAnnotation(Header.class)) {
                String name = argument.getAnnotationMetadata().stringValue(Header.class).orElse(argument.getName());
                parameters.add(Map.of("name", name, "in", "header", "required", false, "schema", Map.of("type", "string")));
            } else if (argument.getAnnotationMetadata().hasAnnotation(Body.class)) {
                operation.put("requestBody", Map.of("required", true,
                        "content", Map.of("application/json", Map.of("schema", schemas.schema(argument)))));
            }
        }
        // Read by RequestIdFilter for every route, not by a method argument.
        parameters.add(Map.of("name", RequestId.HEADER, "in", "header", "required", false,
                "description", "correlation id, echoed on the answer and written with the change; a UUID when absent",
                "schema", Map.of("type", "string", "pattern", "^[A-Za-z0-9._:-]{1," + RequestId.MAX_LENGTH + "}$")));
        operation.put("parameters", parameters);
        String[] roles = route.getAnnotationMetadata().stringValues(Secured.class);
        if (roles.length > 0) {
            operation.put("security", List.of(Map.of("bearer", List.of())));
            operation.put("x-roles", List.of(roles));
        }
        Argument<?> body = route.getReturnType().asArgument();
        if (HttpResponse.class.isAssignableFrom(body.getType())) {
            body = body.getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT);
        }
        Map<String, Object> problem = Map.of("description", "refused; see the problem's type",
                "content", Map.of("application/problem+json", Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))));
        operation.put("responses", Map.of(
                "2XX", Map.of("description", "done; headers DMS-Write-Token, ETag (orders), Location (created)",
                        "content", Map.of("application/json", Map.of("schema", schemas.schema(body)))),
                "4XX", problem));
        return operation;
    }
}
