package ge.dms.support.problem;

import ge.dms.http.problem.FieldError;
import ge.dms.http.problem.Problem;
import io.micronaut.core.convert.ConversionError;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** How each of Micronaut's failures is told to the caller. */
class MicronautErrorsTest {

    @Test
    void shouldTellAnOverLongUrlFromOverLongHeaders() {
        Problem url = MicronautErrors.problem(HttpStatus.REQUEST_ENTITY_TOO_LARGE, null,
                new TooLongHttpLineException("An HTTP line is larger than 4096 bytes."), List.of());
        Problem headers = MicronautErrors.problem(HttpStatus.REQUEST_ENTITY_TOO_LARGE, null,
                new TooLongHttpHeaderException("HTTP header is larger than 8192 bytes."), List.of());

        assertThat(url.status()).isEqualTo(414);
        assertThat(url.slug()).isEqualTo("uri-too-long");
        assertThat(headers.status()).isEqualTo(431);
        assertThat(headers.slug()).isEqualTo("headers-too-large");
    }

    @Test
    void shouldNameTheKeyOfADuplicateKeyFailureDeepInTheCauses() {
        Exception jackson = new RuntimeException("Duplicate Object property \"items\"\n at [Source: ...; line: 1, column: 40]");
        Exception wrapped = new RuntimeException("Error decoding JSON stream for type [command]", jackson);

        Problem problem = MicronautErrors.problem(HttpStatus.BAD_REQUEST, wrapped, null, List.of(error("Invalid JSON", null)));

        assertThat(problem.slug()).isEqualTo("duplicate-key");
        assertThat(problem.errors()).containsExactly(new FieldError("items", "appears more than once in one object"));
    }

    @Test
    void shouldCallAnUnconvertibleQueryValueAnInvalidParameter() {
        Argument<Integer> limit = Argument.of(Integer.class, "limit");
        ConversionErrorException e = new ConversionErrorException(limit, conversionError("For input string: \"ten\""));

        Problem problem = MicronautErrors.problem(HttpStatus.BAD_REQUEST, e, null, List.of(error(e.getMessage(), "/limit")));

        assertThat(problem.slug()).isEqualTo("invalid-parameter");
        assertThat(problem.errors()).extracting(FieldError::field).containsExactly("limit");
    }

    @Test
    void shouldHideTheCauseOfAServerError() {
        Problem problem = MicronautErrors.problem(HttpStatus.INTERNAL_SERVER_ERROR, new IllegalStateException("SELECT secret"),
                null, List.of(error("SELECT secret", null)));

        assertThat(problem.detail()).isEqualTo(MicronautErrors.SERVER_DETAIL);
        assertThat(problem.slug()).isEqualTo("server-error");
    }

    @Test
    void shouldGiveMicronautsOwnRefusalsAStableSlugAndTheirMessage() {
        Problem problem = MicronautErrors.problem(HttpStatus.METHOD_NOT_ALLOWED, null, null,
                List.of(error("Method [DELETE] not allowed for URI [/api/orders]. Allowed methods: [POST]", null)));

        assertThat(problem.slug()).isEqualTo("method-not-allowed");
        assertThat(problem.status()).isEqualTo(405);
        assertThat(problem.detail()).contains("Allowed methods: [POST]");
    }

    private static Error error(String message, String path) {
        return new Error() {
            @Override
            public String getMessage() {
                return message;
            }

            @Override
            public Optional<String> getPath() {
                return Optional.ofNullable(path);
            }
        };
    }

    private static ConversionError conversionError(String message) {
        return () -> new NumberFormatException(message);
    }
}
