package callsim.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every form post (login, logout, override) refuses a missing or wrong CSRF token with 403 and changes nothing. */
class WebCsrfTest {
    private final ReviewServer server;
    private final WebClient client;

    WebCsrfTest() throws Exception {
        server = new ReviewServer();
        client = server.client();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void loginFormNeedsTheCookieAndTheFieldToMatch() throws Exception {
        HttpResponse<String> form = client.get("/login");
        String cookie = WebClient.setCookie(form, Cookies.LOGIN_CSRF).orElseThrow();
        String field = WebClient.csrfField(form.body());
        Map<String, String> credentials = Map.of("username", "alice", "password", "pw-alice");

        assertThat(client.post("/login", with(credentials, "csrf", field)).statusCode()).as("no cookie").isEqualTo(403);
        assertThat(client.post("/login", credentials, "Cookie", Cookies.LOGIN_CSRF + "=" + cookie).statusCode())
                .as("no field").isEqualTo(403);
        assertThat(client.post("/login", with(credentials, "csrf", field + "x"), "Cookie", Cookies.LOGIN_CSRF + "=" + cookie).statusCode())
                .as("wrong field").isEqualTo(403);
        HttpResponse<String> forged = client.post("/login", with(credentials, "csrf", "attacker"), "Cookie", Cookies.LOGIN_CSRF + "=attacker2");
        assertThat(forged.statusCode()).as("mismatched pair").isEqualTo(403);
        assertThat(server.auth.liveSessions()).isZero();
        assertThat(client.post("/login", with(credentials, "csrf", field), "Cookie", Cookies.LOGIN_CSRF + "=" + cookie).statusCode())
                .isEqualTo(303);
    }

    @Test
    void logoutNeedsTheSessionsToken() throws Exception {
        WebClient.Login login = client.login("alice", "pw-alice");
        WebClient.Login other = client.login("bob", "pw-bob");
        assertThat(client.post("/logout", Map.of(), "Cookie", login.cookie()).statusCode()).isEqualTo(403);
        assertThat(client.post("/logout", Map.of("csrf", "wrong"), "Cookie", login.cookie()).statusCode()).isEqualTo(403);
        assertThat(client.post("/logout", Map.of("csrf", other.csrf()), "Cookie", login.cookie()).statusCode())
                .as("another session's token").isEqualTo(403);
        assertThat(client.get("/drills", "Cookie", login.cookie()).statusCode()).as("still logged in").isEqualTo(200);
    }

    @Test
    void overrideNeedsTheSessionsToken() throws Exception {
        WebClient.Login sue = client.login("sue", "pw-sue");
        WebClient.Login ada = client.login("ada", "pw-ada");
        Map<String, String> change = Map.of("technique", "T2", "score", "85", "reason", "The overlap was a backchannel.");
        assertThat(client.post("/drills/d-alice-1/override", change, "Cookie", sue.cookie()).statusCode()).isEqualTo(403);
        assertThat(client.post("/drills/d-alice-1/override", with(change, "csrf", ""), "Cookie", sue.cookie()).statusCode()).isEqualTo(403);
        assertThat(client.post("/drills/d-alice-1/override", with(change, "csrf", ada.csrf()), "Cookie", sue.cookie()).statusCode())
                .isEqualTo(403);
        assertThat(client.post("/drills/d-alice-1/override", with(change, "csrf", sue.csrf())).statusCode())
                .as("no session at all").isEqualTo(403);
        assertThat(server.store.overrides("d-alice-1")).isEmpty();

        HttpResponse<String> ok = client.post("/drills/d-alice-1/override", with(change, "csrf", sue.csrf()), "Cookie", sue.cookie());
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(ok.headers().firstValue("Location")).contains("/drills/d-alice-1#t-T2");
        assertThat(server.store.overrides("d-alice-1")).singleElement()
                .satisfies(o -> {
                    assertThat(o.score()).isEqualTo(85);
                    assertThat(o.overriddenBy()).isEqualTo("sue");
                    assertThat(o.reason()).isEqualTo("The overlap was a backchannel.");
                });
    }

    @Test
    void overrideRefusesBadInputWithAClearMessage() throws Exception {
        WebClient.Login sue = client.login("sue", "pw-sue");
        HttpResponse<String> high = client.post("/drills/d-alice-1/override",
                Map.of("csrf", sue.csrf(), "technique", "T2", "score", "101", "reason", "x"), "Cookie", sue.cookie());
        assertThat(high.statusCode()).isEqualTo(400);
        assertThat(high.body()).contains("score: expected a whole number from 0 to 100");
        HttpResponse<String> noReason = client.post("/drills/d-alice-1/override",
                Map.of("csrf", sue.csrf(), "technique", "T2", "score", "50", "reason", "  "), "Cookie", sue.cookie());
        assertThat(noReason.statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = client.post("/drills/d-alice-1/override",
                Map.of("csrf", sue.csrf(), "technique", "T99", "score", "50", "reason", "why not"), "Cookie", sue.cookie());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("no technique T99");
        assertThat(server.store.overrides("d-alice-1")).isEmpty();
    }

    private static Map<String, String> with(Map<String, String> form, String name, String value) {
        Map<String, String> copy = new HashMap<>(form);
        copy.put(name, value);
        return copy;
    }
}
