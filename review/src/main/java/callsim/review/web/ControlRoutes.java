package callsim.review.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;

/**
 * {@code /api/calls}: {@code POST} rings an agent's phone with a drill, now or at {@code at}; {@code GET}
 * lists recent and scheduled calls. Both need the control token ({@link Gate#CONTROL}), since they make phones ring.
 */
final class ControlRoutes {
    private final CallControl control;

    ControlRoutes(CallControl control) {
        this.control = control;
    }

    void routes(RoutesConfig routes) {
        routes.get("/api/calls", ctx -> ctx.json(control.list()), Gate.CONTROL);
        routes.post("/api/calls", this::place, Gate.CONTROL);
    }

    private void place(Context ctx) {
        JsonNode body = JsonBody.of(ctx);
        try {
            ctx.status(HttpStatus.ACCEPTED).json(control.place(body));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        } catch (CallControl.Unavailable e) {
            throw new HttpResponseException(503, e.getMessage());
        }
    }
}
