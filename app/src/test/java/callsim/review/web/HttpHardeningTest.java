package callsim.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The review's HTTP port against slow and hostile clients (the hardening issue's findings 1, 5 and 10), on loopback. */
class HttpHardeningTest {
    private final ReviewServer server;
    private final WebClient client;
    private final List<Socket> sockets = new ArrayList<>();

    HttpHardeningTest() throws Exception {
        server = new ReviewServer(ReviewApp.Settings.on(new InetSocketAddress("127.0.0.1", 0)).withIdleTimeout(Duration.ofSeconds(2)));
        client = server.client();
    }

    @AfterEach
    void stop() throws Exception {
        for (Socket s : sockets) s.close();
        server.close();
    }

    @Test
    void sixteenHalfSentRequestsLeaveHealthAnsweringWithinASecondAndAreClosed() throws Exception {
        URI base = URI.create(server.base());
        for (int i = 0; i < 16; i++) {
            Socket s = new Socket(base.getHost(), base.getPort());
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write("GET /health HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));  // and never the blank line
            out.flush();
            sockets.add(s);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long start = System.nanoTime();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/health")).timeout(Duration.ofSeconds(1)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        // The idle timeout (2 s here) closes them: the server ends each half-sent request.
        for (Socket s : sockets) {
            InputStream in = s.getInputStream();
            byte[] rest = in.readAllBytes();  // returns at EOF, i.e. when the server closed it
            assertThat(new String(rest, StandardCharsets.US_ASCII)).doesNotContain("200 OK");
        }
    }

    @Test
    void malformedQueryValuesAreRefusedWith4xxNever500() throws Exception {
        String admin = client.login("ada", "pw-ada").cookie();
        // Values that cannot mean anything are refused with the reason; bad escapes in free text are taken as
        // text (Jetty decodes leniently) and match nothing. Neither may ever be a server error.
        String[] refused = {"to=%2B999999999-12-31", "from=-999999999-01-01", "to=0000-01-01", "from=2026-02-30", "page=99999999999999",
            "page=1e3", "size=%00", "size=-1", "minScore=1e9", "maxScore=-0.5", "difficulty=%C3%28",
            "outcome=" + "x".repeat(5000), "agent=" + "a".repeat(300), "minScore=%F0%9F%92%A9"};
        String[] lenient = {"agent=%ZZ", "scenario=%", "agent=%C3%28", "scenario=%00"};
        for (String path : new String[] {"/drills", "/drills.csv", "/drills.json", "/api/drills", "/api/drills/export.csv"}) {
            for (String query : refused) {
                if (query.startsWith("size=") && !path.equals("/api/drills")) continue;  // only the API pages by size
                if (query.startsWith("page=") && path.contains("export") || query.startsWith("page=") && path.contains(".")) continue;
                assertThat(rawStatus(path + "?" + query, admin)).as(path + "?" + query).isBetween(400, 499);
            }
            for (String query : lenient) assertThat(rawStatus(path + "?" + query, admin)).as(path + "?" + query).isLessThan(500);
        }
    }

    @Test
    void repeatedWrongPasswordsAreThrottledPerAccountWithRetryAfterAndLogged() throws Exception {
        List<String> logged = capture();
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) assertThat(login("alice", "wrong-" + i).statusCode()).isEqualTo(401);
        HttpResponse<String> refused = login("alice", "pw-alice");
        assertThat(refused.statusCode()).as("even the right password waits").isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
        assertThat(login("bob", "pw-bob").statusCode()).as("another account from the same address").isEqualTo(303);
        assertThat(logged).anyMatch(m -> m.contains("login throttled") && m.contains("user alice"));
    }

    @Test
    void manyAccountsGuessedFromOneAddressAreThrottledTooWithRetryAfter() throws Exception {
        for (int i = 0; i < LoginThrottle.ADDRESS_FREE_FAILURES; i++) {
            assertThat(login("user" + i, "guess").statusCode()).as("each account is below its own limit").isEqualTo(401);
        }
        HttpResponse<String> refused = login("carol", "pw-carol");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    /** The status of a GET sent as raw bytes, so malformed escapes reach the server as a hostile client sends them. */
    private int rawStatus(String target, String cookie) throws Exception {
        URI base = URI.create(server.base());
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(5_000);
            s.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: x\r\nCookie: " + cookie + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(response.substring(9, 12));
        }
    }

    private HttpResponse<String> login(String user, String password) throws Exception {
        HttpResponse<String> form = client.get("/login");
        String cookie = WebClient.setCookie(form, Cookies.LOGIN_CSRF).orElseThrow();
        return client.post("/login", Map.of("csrf", WebClient.csrfField(form.body()), "username", user, "password", password),
                "Cookie", Cookies.LOGIN_CSRF + "=" + cookie);
    }

    private static List<String> capture() {
        List<String> messages = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger(LoginThrottle.class.getName());
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                messages.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });
        return messages;
    }
}
