package callsim.app.web;

import callsim.app.auth.Authenticator;
import callsim.app.auth.Session;
import callsim.app.auth.User;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Who a request comes from: the session cookie, or for the API a bearer token. */
final class WebAuth {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Authenticator authenticator;

    WebAuth(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    Authenticator authenticator() {
        return authenticator;
    }

    Optional<Session> session(Request request) {
        return request.cookie(Cookies.SESSION).flatMap(authenticator::session);
    }

    Optional<User> userForApiToken(String token) {
        return authenticator.userForApiToken(token);
    }

    static Optional<String> bearer(Request request) {
        return request.header("Authorization")
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim());
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Equal in time independent of where they differ, so a token cannot be guessed byte by byte. */
    static boolean sameToken(String expected, String given) {
        if (expected == null || given == null || expected.isEmpty()) return false;
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
