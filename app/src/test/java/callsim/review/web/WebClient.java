package callsim.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP client for the review app: no redirect following, cookies passed explicitly. */
final class WebClient {
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    /** A logged-in browser: its Cookie header value and the session's CSRF token. */
    record Login(String cookie, String csrf) {}

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    WebClient(String base) {
        this.base = base;
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return http.send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path, String... headers) throws IOException, InterruptedException {
        return http.send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String path, Map<String, String> form, String... headers) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in through the form, as a browser would, and reads the session's CSRF token off a page. */
    Login login(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> form = get("/login");
        String loginCookie = setCookie(form, Cookies.LOGIN_CSRF).orElseThrow();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", csrfField(form.body()));
        fields.put("username", username);
        fields.put("password", password);
        HttpResponse<String> done = post("/login", fields, "Cookie", Cookies.LOGIN_CSRF + "=" + loginCookie);
        assertThat(done.statusCode()).as("login of %s: %s", username, done.body()).isEqualTo(303);
        String cookie = Cookies.SESSION + "=" + setCookie(done, Cookies.SESSION).orElseThrow();
        String csrf = csrfField(get("/drills", "Cookie", cookie).body());
        return new Login(cookie, csrf);
    }

    static String csrfField(String html) {
        Matcher m = CSRF_FIELD.matcher(html);
        if (!m.find()) throw new AssertionError("no CSRF field in page:\n" + html);
        return m.group(1);
    }

    /** The value a Set-Cookie header gives {@code name}. */
    static Optional<String> setCookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst();
    }

    static Optional<String> setCookieHeader(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst();
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) b.headers(headers);
        return b;
    }
}
