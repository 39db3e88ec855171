package callsim.app.web;

import callsim.app.auth.Session;
import callsim.app.auth.User;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code /login} and {@code /logout}. The login form has no session to hold a CSRF token yet, so it uses a
 * double submit: a random value in a SameSite=Strict cookie (path /login) that the form must repeat.
 */
final class LoginPages {
    private static final Duration LOGIN_FORM_LIFETIME = Duration.ofHours(1);
    private static final int MAX_FIELD = 1000;

    private final WebAuth auth;
    private final Access access;
    private final Clock clock;

    LoginPages(WebAuth auth, Access access, Clock clock) {
        this.auth = auth;
        this.access = access;
        this.clock = clock;
    }

    void register(Router router) {
        router.get("/login", Router.Kind.PUBLIC, this::form)
                .post("/login", Router.Kind.PUBLIC, this::login)
                .post("/logout", Router.Kind.PAGE, this::logout);
    }

    private void form(Request request) throws IOException {
        String next = Paths.localOr(request.query("next").orElse(null), "/drills");
        if (auth.session(request).isPresent()) {
            Reply.redirect(request.exchange(), next);
            return;
        }
        String token = request.cookie(Cookies.LOGIN_CSRF).filter(t -> t.matches("[A-Za-z0-9_-]{43}"))
                .orElseGet(WebAuth::randomToken);
        request.exchange().getResponseHeaders().add("Set-Cookie",
                Cookies.set(Cookies.LOGIN_CSRF, token, "/login", LOGIN_FORM_LIFETIME, request.secure()));
        Reply.html(request.exchange(), 200, page(token, next, "", Optional.empty()));
    }

    private void login(Request request) throws IOException {
        String given = request.form("csrf").orElse("");
        Optional<String> expected = request.cookie(Cookies.LOGIN_CSRF);
        if (expected.isEmpty() || !WebAuth.sameToken(expected.get(), given)) {
            throw new WebException(403, "the login form expired or did not come from this site: reload it and try again");
        }
        String username = field(request, "username");
        String next = Paths.localOr(request.form("next").orElse(null), "/drills");
        char[] password = field(request, "password").toCharArray();
        Optional<User> user = auth.authenticator().login(username, password);
        java.util.Arrays.fill(password, '\0');
        if (user.isEmpty()) {
            Reply.html(request.exchange(), 401, page(expected.get(), next, username, Optional.of("Wrong username or password.")));
            return;
        }
        Session session = auth.authenticator().startSession(user.get());
        var headers = request.exchange().getResponseHeaders();
        headers.add("Set-Cookie", Cookies.set(Cookies.SESSION, session.cookieValue(), "/",
                Duration.between(clock.instant(), session.expiresAt()), request.secure()));
        headers.add("Set-Cookie", Cookies.clear(Cookies.LOGIN_CSRF, "/login", request.secure()));
        Reply.redirect(request.exchange(), next);
    }

    private void logout(Request request) throws IOException {
        Session session = request.session().orElseThrow();
        if (!access.validCsrf(session, request.form("csrf").orElse(""))) {
            throw new WebException(403, "missing or wrong CSRF token");
        }
        auth.authenticator().endSession(session.cookieValue());
        request.exchange().getResponseHeaders().add("Set-Cookie", Cookies.clear(Cookies.SESSION, "/", request.secure()));
        Reply.redirect(request.exchange(), "/login");
    }

    private static String field(Request request, String name) throws IOException {
        String value = request.form(name).orElse("");
        if (value.length() > MAX_FIELD) throw WebException.badRequest(name + " is too long");
        return value;
    }

    private static Html page(String token, String next, String username, Optional<String> error) {
        Html main = new Html().el("h1", "callsim review");
        error.ifPresent(message -> main.el("p", message, "class", "error", "role", "alert"));
        main.open("form", "method", "post", "action", "/login", "class", "login")
                .empty("input", "type", "hidden", "name", "csrf", "value", token)
                .empty("input", "type", "hidden", "name", "next", "value", next)
                .open("label").text("Username")
                .empty("input", "name", "username", "id", "username", "autocomplete", "username", "required", "required",
                        "value", username)
                .close("label")
                .open("label").text("Password")
                .empty("input", "type", "password", "name", "password", "id", "password",
                        "autocomplete", "current-password", "required", "required")
                .close("label")
                .el("button", "Log in", "type", "submit", "id", "login")
                .close("form");
        return Layout.bare("Log in", main);
    }
}
