package callsim.review.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/** The review app's cookies, always HttpOnly and SameSite=Strict; Secure when the request came over https. */
final class Cookies {
    static final String SESSION = "callsim_session";
    /** The double-submit CSRF token of forms shown before there is a session (login, first-run set-up). */
    static final String LOGIN_CSRF = "callsim_login";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Cookies() {}

    static void set(Context ctx, String name, String value, String path, Duration maxAge) {
        ctx.cookie(new Cookie(name, value, path, (int) Math.max(0, maxAge.toSeconds()), Guard.secure(ctx), true, null, SameSite.STRICT));
    }

    static void clear(Context ctx, String name, String path) {
        set(ctx, name, "", path, Duration.ZERO);
    }

    /** The form's token: the one the browser already holds, or a new random one (32 bytes, base64url). */
    static String formToken(Context ctx, Duration lifetime) {
        String token = ctx.cookie(LOGIN_CSRF);
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        set(ctx, LOGIN_CSRF, token, "/", lifetime);
        return token;
    }
}
