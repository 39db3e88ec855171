package callsim.app.web;

import callsim.app.auth.Session;
import callsim.app.auth.User;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/** One HTTP request as the handlers see it: parameters, cookies, the path's captured parts and who is asking. */
final class Request {
    static final int MAX_FORM_BYTES = 64 * 1024;

    private final HttpExchange exchange;
    private final Map<String, List<String>> query;
    private Map<String, List<String>> form;
    private Matcher path;
    private User user;
    private Session session;

    Request(HttpExchange exchange) {
        this.exchange = exchange;
        this.query = parse(exchange.getRequestURI().getRawQuery());
    }

    HttpExchange exchange() {
        return exchange;
    }

    String method() {
        return exchange.getRequestMethod();
    }

    String path() {
        return exchange.getRequestURI().getPath();
    }

    /** The path and query as the browser asked for it, for redirecting back after login. */
    String pathAndQuery() {
        String raw = exchange.getRequestURI().getRawQuery();
        return exchange.getRequestURI().getRawPath() + (raw == null ? "" : "?" + raw);
    }

    void matched(Matcher matcher) {
        this.path = matcher;
    }

    /** A named group of the route's path pattern. */
    String pathPart(String name) {
        return path.group(name);
    }

    Optional<String> query(String name) {
        return first(query, name);
    }

    Map<String, List<String>> queryParams() {
        return query;
    }

    /** A field of a url-encoded form body (read once, at most {@link #MAX_FORM_BYTES}). */
    Optional<String> form(String name) throws IOException {
        if (form == null) form = parse(readBody());
        return first(form, name);
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    Optional<String> cookie(String name) {
        return Cookies.value(exchange.getRequestHeaders().get("Cookie"), name);
    }

    /** Over TLS, directly or behind a proxy that says so: cookies then get the Secure flag. */
    boolean secure() {
        return exchange instanceof HttpsExchange
                || header("X-Forwarded-Proto").map(p -> p.trim().toLowerCase(Locale.ROOT).equals("https")).orElse(false);
    }

    void authenticated(User user, Session session) {
        this.user = user;
        this.session = session;
    }

    User user() {
        if (user == null) throw new IllegalStateException("route is not authenticated");
        return user;
    }

    Optional<Session> session() {
        return Optional.ofNullable(session);
    }

    private String readBody() throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_FORM_BYTES + 1);
            if (body.length > MAX_FORM_BYTES) throw new WebException(413, "form over " + MAX_FORM_BYTES + " bytes");
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static Optional<String> first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    static Map<String, List<String>> parse(String encoded) {
        Map<String, List<String>> params = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) return params;
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                throw WebException.badRequest("malformed parameter encoding");
            }
        }
        return params;
    }
}
