package callsim.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Logging in and out, the session cookie's attributes, and what an anonymous request gets. */
class WebLoginTest {
    private final ReviewServer server;
    private final WebClient client;

    WebLoginTest() throws Exception {
        server = new ReviewServer();
        client = server.client();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void anonymousPagesRedirectToTheLoginAndComeBackAfterIt() throws Exception {
        HttpResponse<String> page = client.get("/drills/d-alice-1?x=1");
        assertThat(page.statusCode()).isEqualTo(303);
        String location = page.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/login?next=%2Fdrills%2Fd-alice-1%3Fx%3D1");

        HttpResponse<String> form = client.get(location);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"next\" value=\"/drills/d-alice-1?x=1\"");
        String loginCookie = WebClient.setCookie(form, Cookies.LOGIN_CSRF).orElseThrow();
        HttpResponse<String> done = client.post("/login", Map.of("csrf", WebClient.csrfField(form.body()),
                "username", "alice", "password", "pw-alice", "next", "/drills/d-alice-1?x=1"), "Cookie", Cookies.LOGIN_CSRF + "=" + loginCookie);
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).contains("/drills/d-alice-1?x=1");
    }

    @Test
    void anonymousApiRequestsGet401NotARedirect() throws Exception {
        for (String path : new String[] {"/api/drills", "/api/drills/d-alice-1", "/api/drills/d-alice-1/recording.wav",
            "/api/drills/export.csv"}) {
            HttpResponse<String> r = client.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).as(path).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        }
        assertThat(client.get("/api/drills", "Authorization", "Bearer not-a-token").statusCode()).isEqualTo(401);
        assertThat(client.get("/api/drills", "Cookie", Cookies.SESSION + "=forged").statusCode()).isEqualTo(401);
    }

    @Test
    void sessionCookieIsHttpOnlyStrictAndSecureOnlyOverHttps() throws Exception {
        WebClient.Login login = client.login("alice", "pw-alice");
        assertThat(login.cookie()).startsWith(Cookies.SESSION + "=");

        HttpResponse<String> form = client.get("/login");
        String loginCookie = WebClient.setCookie(form, Cookies.LOGIN_CSRF).orElseThrow();
        assertThat(WebClient.setCookieHeader(form, Cookies.LOGIN_CSRF).orElseThrow()).contains("HttpOnly", "SameSite=Strict");
        HttpResponse<String> plain = client.post("/login", Map.of("csrf", WebClient.csrfField(form.body()), "username", "bob",
                "password", "pw-bob"), "Cookie", Cookies.LOGIN_CSRF + "=" + loginCookie);
        String cookie = WebClient.setCookieHeader(plain, Cookies.SESSION).orElseThrow();
        assertThat(cookie).contains("; Path=/;", "; HttpOnly", "; SameSite=Strict", "Max-Age=28800").doesNotContain("Secure");

        HttpResponse<String> proxied = client.post("/login", Map.of("csrf", WebClient.csrfField(form.body()), "username", "bob",
                "password", "pw-bob"), "Cookie", Cookies.LOGIN_CSRF + "=" + loginCookie, "X-Forwarded-Proto", "https");
        assertThat(WebClient.setCookieHeader(proxied, Cookies.SESSION).orElseThrow()).contains("; Secure", "; HttpOnly", "; SameSite=Strict");
    }

    @Test
    void wrongPasswordGivesNoSessionAndTheSameMessageAsAnUnknownUser() throws Exception {
        HttpResponse<String> form = client.get("/login");
        String loginCookie = WebClient.setCookie(form, Cookies.LOGIN_CSRF).orElseThrow();
        String csrf = WebClient.csrfField(form.body());
        HttpResponse<String> wrong = client.post("/login", Map.of("csrf", csrf, "username", "alice", "password", "nope"),
                "Cookie", Cookies.LOGIN_CSRF + "=" + loginCookie);
        HttpResponse<String> unknown = client.post("/login", Map.of("csrf", csrf, "username", "mallory", "password", "nope"),
                "Cookie", Cookies.LOGIN_CSRF + "=" + loginCookie);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Wrong username or password.");
        assertThat(unknown.body()).contains("Wrong username or password.");
        assertThat(WebClient.setCookie(wrong, Cookies.SESSION)).isEmpty();
        assertThat(server.auth.liveSessions()).isZero();
    }

    @Test
    void loginNeverRedirectsOffTheSite() throws Exception {
        for (String next : new String[] {"//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"}) {
            HttpResponse<String> form = client.get("/login");
            String loginCookie = WebClient.setCookie(form, Cookies.LOGIN_CSRF).orElseThrow();
            HttpResponse<String> done = client.post("/login", Map.of("csrf", WebClient.csrfField(form.body()),
                    "username", "alice", "password", "pw-alice", "next", next), "Cookie", Cookies.LOGIN_CSRF + "=" + loginCookie);
            assertThat(done.headers().firstValue("Location")).as(next).contains("/drills");
        }
    }

    @Test
    void logoutEndsTheSessionAndClearsTheCookie() throws Exception {
        WebClient.Login login = client.login("alice", "pw-alice");
        HttpResponse<String> out = client.post("/logout", Map.of("csrf", login.csrf()), "Cookie", login.cookie());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location")).contains("/login");
        assertThat(WebClient.setCookieHeader(out, Cookies.SESSION).orElseThrow()).as("expired now")
                .containsAnyOf("Max-Age=0", "Expires=Thu, 01 Jan 1970 00:00:00 GMT");
        assertThat(server.auth.liveSessions()).isZero();
        assertThat(client.get("/drills", "Cookie", login.cookie()).statusCode()).isEqualTo(303);
        assertThat(client.get("/api/drills", "Cookie", login.cookie()).statusCode()).isEqualTo(401);
    }
}
