package callsim.app.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reading the Cookie header and writing Set-Cookie with the attributes the review app always wants. */
final class Cookies {
    static final String SESSION = "callsim_session";
    /** The login form's double-submit token, before there is a session to hold one. */
    static final String LOGIN_CSRF = "callsim_login";

    private Cookies() {}

    static Optional<String> value(List<String> headers, String name) {
        if (headers == null) return Optional.empty();
        for (String header : headers) {
            for (String part : header.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0 && part.substring(0, eq).trim().equals(name)) {
                    String value = part.substring(eq + 1).trim();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    return value.isEmpty() ? Optional.empty() : Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    /** HttpOnly and SameSite=Strict always; Secure when the request came over https. */
    static String set(String name, String value, String path, Duration maxAge, boolean secure) {
        return name + "=" + value + "; Path=" + path + "; Max-Age=" + Math.max(0, maxAge.toSeconds())
                + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    static String clear(String name, String path, boolean secure) {
        return set(name, "", path, Duration.ZERO, secure);
    }
}
