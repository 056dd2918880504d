package ge.dms.bench.baseline;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.sql.SQLException;

/** The baseline's answers: JSON read straight from the write side (age 0), and a database failure as a 503 problem. */
final class Answers {

    static final String SOURCE = "write-side";

    /** SQL work that may fail. */
    @FunctionalInterface
    interface Query {
        String run() throws SQLException;
    }

    private Answers() {
    }

    static MutableHttpResponse<String> json(Query query) {
        String body;
        try {
            body = query.run();
        } catch (SQLException e) {
            throw BaselineProblem.unavailable("the write side did not answer: " + e.getSQLState());
        }
        return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE).header("X-Data-Source", SOURCE)
                .header("X-Data-Age-Ms", "0");
    }
}
