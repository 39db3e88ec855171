package callsim.review.web;

import callsim.review.report.ReportMapper;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.io.IOException;

/** A request's JSON body, or 400 naming what is wrong with it. */
final class JsonBody {
    private JsonBody() {
    }

    static JsonNode of(Context ctx) {
        try {
            return ReportMapper.MAPPER.readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            throw new BadRequestResponse("body is not JSON: " + e.getMessage());
        }
    }
}
