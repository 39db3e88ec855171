package callsim.review.web;

import callsim.review.auth.Authenticator;
import callsim.review.auth.Session;
import callsim.review.auth.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /login} and {@code /logout}. The login form has no session to hold a CSRF token yet, so it uses a
 * double submit (a random value in a SameSite=Strict cookie that the form repeats), checked by {@link Guard}.
 */
final class Login {
    static final Duration FORM_LIFETIME = Duration.ofHours(1);
    private static final int MAX_FIELD = 1000;
    private static final Logger LOG = System.getLogger(Login.class.getName());

    private final Authenticator auth;
    private final Views views;
    private final Clock clock;
    private final LoginThrottle throttle;

    Login(Authenticator auth, Views views, Clock clock, LoginThrottle throttle) {
        this.auth = auth;
        this.views = views;
        this.clock = clock;
        this.throttle = throttle;
    }

    void routes(RoutesConfig routes) {
        routes.get("/login", this::form, Gate.PUBLIC);
        routes.post("/login", this::login, Gate.PUBLIC);
        routes.post("/logout", this::logout, Gate.PAGE);
    }

    private void form(Context ctx) {
        String next = Paths.localOr(ctx.queryParam("next"), "/drills");
        if (Guard.sessionOf(ctx).isPresent()) {
            ctx.redirect(next, HttpStatus.SEE_OTHER);
            return;
        }
        page(ctx, 200, Cookies.formToken(ctx, FORM_LIFETIME), next, "", null);
    }

    private void login(Context ctx) {
        String username = field(ctx, "username");
        String next = Paths.localOr(ctx.formParam("next"), "/drills");
        String address = ctx.ip();
        Optional<Duration> wait = throttle.wait(username, address);
        if (wait.isPresent()) {
            LOG.log(Level.INFO, "login for '" + username + "' from " + address + " refused: throttled for " + wait.get().toSeconds() + " s");
            ctx.header("Retry-After", String.valueOf(wait.get().toSeconds()));
            page(ctx, 429, ctx.cookie(Cookies.LOGIN_CSRF), next, username,
                    "Too many failed logins. Try again in " + wait.get().toSeconds() + " seconds.");
            return;
        }
        char[] password = field(ctx, "password").toCharArray();
        Optional<User> user = auth.login(username, password);
        Arrays.fill(password, '\0');
        if (user.isEmpty()) {
            throttle.failed(username, address);
            LOG.log(Level.INFO, "failed login for '" + username + "' from " + address);
            page(ctx, 401, ctx.cookie(Cookies.LOGIN_CSRF), next, username, "Wrong username or password.");
            return;
        }
        throttle.succeeded(username);
        startSession(ctx, user.get());
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    /** Logs the user in on this browser: the session cookie, and the form's token is spent. */
    void startSession(Context ctx, User user) {
        Session session = auth.startSession(user);
        Cookies.set(ctx, Cookies.SESSION, session.cookieValue(), "/", Duration.between(clock.instant(), session.expiresAt()));
        Cookies.clear(ctx, Cookies.LOGIN_CSRF, "/");
    }

    private void logout(Context ctx) {
        Session session = Guard.sessionOf(ctx).orElseThrow();
        auth.endSession(session.cookieValue());
        Cookies.clear(ctx, Cookies.SESSION, "/");
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    private static String field(Context ctx, String name) {
        String value = Optional.ofNullable(ctx.formParam(name)).orElse("");
        if (value.length() > MAX_FIELD) throw new BadRequestResponse(name + " is too long");
        return value;
    }

    private void page(Context ctx, int status, String token, String next, String username, String error) {
        Map<String, Object> params = new HashMap<>();
        params.put("chrome", Views.chrome(ctx, "Log in"));
        params.put("csrf", token == null ? "" : token);
        params.put("next", next);
        params.put("username", username);
        params.put("error", error);
        views.render(ctx, status, "login.jte", params);
    }
}
