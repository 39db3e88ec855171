package callsim.review.auth;

import java.time.Instant;

/** A logged-in browser: the cookie value (never stored, only its hash), its CSRF token and when it expires. */
public record Session(String cookieValue, String csrfToken, Instant expiresAt, User user) {}
