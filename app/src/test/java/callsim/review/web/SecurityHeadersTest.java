package callsim.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every response carries the security headers, and no page needs inline script or style to work under the CSP. */
class SecurityHeadersTest {
    private static ReviewServer server;
    private static WebClient client;
    private static String cookie;

    @BeforeAll
    static void start() throws Exception {
        server = new ReviewServer();
        client = server.client();
        cookie = client.login("sue", "pw-sue").cookie();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void everyKindOfResponseHasTheHeaders() throws Exception {
        String[] anonymous = {"/login", "/drills", "/api/drills", "/static/app.js", "/static/app.css", "/nowhere"};
        String[] loggedIn = {"/drills", "/drills/d-alice-1", "/drills/d-carol-1", "/agents/201", "/drills.csv", "/api/drills",
            "/api/drills/d-alice-1", "/drills/d-alice-1/recording.wav", "/drills?minScore=x"};
        for (String path : anonymous) assertHeaders(client.get(path), path);
        for (String path : loggedIn) assertHeaders(client.get(path, "Cookie", cookie), path);
    }

    private static void assertHeaders(HttpResponse<String> r, String path) {
        assertThat(r.headers().firstValue("Content-Security-Policy")).as(path)
                .hasValueSatisfying(csp -> assertThat(csp).startsWith("default-src 'self';").contains("script-src 'self';")
                        .doesNotContain("unsafe-inline").contains("frame-ancestors 'none'"));
        assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).as(path).contains("same-origin");
        assertThat(r.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
    }

    @Test
    void pagesHaveNoInlineScriptHandlersOrStyles() throws Exception {
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>");
        Pattern handler = Pattern.compile("\\son[a-z]+=", Pattern.CASE_INSENSITIVE);
        for (String path : new String[] {"/drills", "/drills/d-alice-1", "/agents/201"}) {
            String body = client.get(path, "Cookie", cookie).body();
            assertThat(inlineScript.matcher(body).find()).as("inline script in %s", path).isFalse();
            assertThat(handler.matcher(body).find()).as("event handler attribute in %s", path).isFalse();
            assertThat(body).as(path).doesNotContain(" style=").doesNotContain("<style");
        }
        String login = client.get("/login").body();
        assertThat(inlineScript.matcher(login).find()).isFalse();
    }

    @Test
    void privateDataIsNotCached() throws Exception {
        assertThat(client.get("/drills/d-alice-1", "Cookie", cookie).headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(client.get("/api/drills", "Cookie", cookie).headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(client.get("/static/app.js").headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
    }
}
