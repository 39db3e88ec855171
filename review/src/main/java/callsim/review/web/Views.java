package callsim.review.web;

import callsim.review.auth.Role;
import callsim.review.auth.Session;
import callsim.review.auth.User;
import callsim.review.web.view.Chrome;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Renders the JTE templates (compiled with the code, escaping every value) and the error replies. */
final class Views {
    private final TemplateEngine templates;

    Views(TemplateEngine templates) {
        this.templates = templates;
    }

    void render(Context ctx, int status, String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        templates.render(template, params, out);
        ctx.status(status).contentType("text/html; charset=utf-8").result(out.toString());
    }

    void render(Context ctx, String template, Map<String, Object> params) {
        render(ctx, 200, template, params);
    }

    /** The page chrome for the logged-in user: title, navigation, logout form. */
    static Chrome chrome(Context ctx, String title) {
        Optional<User> user = Guard.maybeUser(ctx);
        Optional<Session> session = Guard.sessionOf(ctx);
        return new Chrome(title, user.map(User::displayName).orElse(""),
                user.map(u -> u.role().name().toLowerCase(Locale.ROOT)).orElse(""),
                user.filter(u -> u.role() == Role.AGENT).flatMap(User::agentKey).map(Paths::agent).orElse(null),
                user.map(u -> u.role() != Role.AGENT).orElse(false),
                user.map(u -> u.role() == Role.ADMIN).orElse(false),
                session.map(Session::csrfToken).orElse(null));
    }

    /** The API answers JSON; pages an error page with a way back. */
    void error(Context ctx, int status, String message) {
        if (ctx.path().startsWith("/api/calls")) {
            // read by ./callsim call and scripts: the message as it is
            ctx.status(status).contentType("text/plain; charset=utf-8").result(message + "\n");
            return;
        }
        if (ctx.path().startsWith("/api/")) {
            ctx.status(status).json(Map.of("status", status, "error", message));
            return;
        }
        String text = status == 404 ? "not found" : message;
        render(ctx, status, "error.jte", Map.of("chrome", chrome(ctx, status + " " + reason(status)), "status", status,
                "reason", reason(status), "message", text));
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Not logged in";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Too large";
            case 429 -> "Too many attempts";
            case 503 -> "Unavailable";
            default -> "Error";
        };
    }
}
