package callsim.review.web;

import callsim.review.auth.Authenticator;
import callsim.review.auth.Role;
import callsim.review.auth.Session;
import callsim.review.auth.User;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.security.RouteRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * Every request passes here first: security headers on every response, who is asking (session cookie,
 * API token or control token, as the route's {@link Gate} says), and the CSRF check for every request that
 * changes something. Routes added later are covered without doing anything: a state-changing route with a
 * session needs the session's token; one without a session (login, first-run set-up) the double-submit cookie.
 */
final class Guard {
    /** Scripts and styles only from our own files: no inline script, no inline style, no framing. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "media-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    static final String USER = "callsim.user";
    static final String SESSION = "callsim.session";
    static final String CSRF_FIELD = "csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final Authenticator auth;
    private final Optional<ControlToken> controlToken;

    Guard(Authenticator auth, Optional<ControlToken> controlToken) {
        this.auth = auth;
        this.controlToken = controlToken;
    }

    /** Before any routing, so 404s and errors carry the headers too. */
    static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-store");
    }

    /** Before the matched route's handler. */
    void check(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        Gate gate = roles.isEmpty() ? Gate.PAGE : (Gate) roles.iterator().next();
        boolean changes = !SAFE.contains(ctx.method());
        switch (gate) {
            case PUBLIC -> {
                Optional<Session> session = session(ctx);
                session.ifPresent(s -> remember(ctx, s.user(), s));
                if (changes) requireCsrf(ctx, session.map(Session::csrfToken).or(() -> Optional.ofNullable(ctx.cookie(Cookies.LOGIN_CSRF))));
            }
            case CONTROL -> {
                // No cookie is involved, so a browser cannot be tricked into sending it: no CSRF token needed.
                if (controlToken.isEmpty() || !controlToken.get().matches(ctx.header("Authorization"))) {
                    throw new UnauthorizedResponse("missing or wrong control token (see DATA_DIR/" + ControlToken.FILE + ")");
                }
            }
            case API -> {
                Optional<String> bearer = bearer(ctx);
                if (bearer.isPresent()) {
                    User user = auth.userForApiToken(bearer.get()).orElseThrow(() -> unauthorized(ctx));
                    remember(ctx, user, null);
                } else {
                    Session session = session(ctx).orElseThrow(() -> unauthorized(ctx));
                    remember(ctx, session.user(), session);
                    if (changes) requireCsrf(ctx, Optional.of(session.csrfToken()));
                }
            }
            case PAGE, ADMIN -> {
                Optional<Session> session = session(ctx);
                if (session.isEmpty()) {
                    // A form posted without a session cannot carry a valid CSRF token.
                    if (changes) throw new ForbiddenResponse("your session has ended: log in again");
                    String back = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
                    ctx.redirect("/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8), io.javalin.http.HttpStatus.SEE_OTHER);
                    ctx.skipRemainingHandlers();
                    return;
                }
                remember(ctx, session.get().user(), session.get());
                if (changes) requireCsrf(ctx, Optional.of(session.get().csrfToken()));
                // Not "forbidden": a non-admin need not learn that the page exists.
                if (gate == Gate.ADMIN && session.get().user().role() != Role.ADMIN) throw new NotFoundResponse("not found");
            }
        }
    }

    Optional<Session> session(Context ctx) {
        String cookie = ctx.cookie(Cookies.SESSION);
        return cookie == null || cookie.isEmpty() ? Optional.empty() : auth.session(cookie);
    }

    static User user(Context ctx) {
        User user = ctx.attribute(USER);
        if (user == null) throw new IllegalStateException("route " + ctx.path() + " is not authenticated");
        return user;
    }

    static Optional<User> maybeUser(Context ctx) {
        return Optional.ofNullable(ctx.attribute(USER));
    }

    static Optional<Session> sessionOf(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION));
    }

    /** Over TLS, directly or behind a proxy that says so: cookies then get the Secure flag. */
    static boolean secure(Context ctx) {
        String proto = ctx.header("X-Forwarded-Proto");
        return "https".equalsIgnoreCase(ctx.scheme()) || (proto != null && proto.trim().equalsIgnoreCase("https"));
    }

    private static void remember(Context ctx, User user, Session session) {
        ctx.attribute(USER, user);
        if (session != null) ctx.attribute(SESSION, session);
    }

    private static void requireCsrf(Context ctx, Optional<String> expected) {
        String given = ctx.header(CSRF_HEADER);
        if (given == null) given = ctx.formParam(CSRF_FIELD);
        if (expected.isEmpty() || !same(expected.get(), given)) {
            throw new ForbiddenResponse("the form expired or did not come from this site (missing or wrong CSRF token): reload it and try again");
        }
    }

    private static Optional<String> bearer(Context ctx) {
        String h = ctx.header("Authorization");
        return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? Optional.of(h.substring(7).trim()) : Optional.empty();
    }

    private static UnauthorizedResponse unauthorized(Context ctx) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"callsim\"");
        return new UnauthorizedResponse("log in or send Authorization: Bearer <api token>");
    }

    /** Equal in time independent of where they differ, so a token cannot be guessed byte by byte. */
    static boolean same(String expected, String given) {
        if (expected == null || given == null || expected.isEmpty()) return false;
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
