package callsim.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.app.report.ReportJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who sees what, by page and by API: agents their own drills, supervisors their team's, admins all; a
 * drill someone may not see is "not found" everywhere (page, recording, JSON, lists, exports).
 */
class WebAccessTest {
    private static final Set<String> ALL = Set.of("d-alice-1", "d-alice-2", "d-alice-3", "d-bob-1", "d-carol-1");
    private static ReviewServer server;
    private static WebClient client;

    @BeforeAll
    static void start() throws Exception {
        server = new ReviewServer();
        client = server.client();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void agentSeesOnlyTheirOwnDrillsByPageAndApi() throws Exception {
        WebClient.Login alice = client.login("alice", "pw-alice");
        String token = server.auth.issueApiToken(server.alice);
        Set<String> own = Set.of("d-alice-1", "d-alice-2", "d-alice-3");
        assertVisible(own, alice, token);
    }

    @Test
    void supervisorSeesTheirTeamOnly() throws Exception {
        WebClient.Login sue = client.login("sue", "pw-sue");
        assertVisible(Set.of("d-alice-1", "d-alice-2", "d-alice-3", "d-bob-1"), sue, server.auth.issueApiToken(server.sue));
    }

    @Test
    void adminSeesEverything() throws Exception {
        WebClient.Login ada = client.login("ada", "pw-ada");
        assertVisible(ALL, ada, server.auth.issueApiToken(server.ada));
    }

    /** Every way of reaching a drill agrees: {@code visible} ones open, the rest are 404 and absent from lists. */
    private static void assertVisible(Set<String> visible, WebClient.Login login, String token) throws Exception {
        String[] cookie = {"Cookie", login.cookie()};
        String[] bearer = {"Authorization", "Bearer " + token};
        for (String id : ALL) {
            int expected = visible.contains(id) ? 200 : 404;
            assertThat(client.get("/drills/" + id, cookie).statusCode()).as("page of %s", id).isEqualTo(expected);
            assertThat(client.get("/api/drills/" + id, cookie).statusCode()).as("API (cookie) %s", id).isEqualTo(expected);
            assertThat(client.get("/api/drills/" + id, bearer).statusCode()).as("API (token) %s", id).isEqualTo(expected);
            if (server.store.recordingWav(id).isPresent()) {
                assertThat(client.getBytes("/drills/" + id + "/recording.wav", cookie).statusCode()).as("wav %s", id).isEqualTo(expected);
                assertThat(client.getBytes("/api/drills/" + id + "/recording.wav", bearer).statusCode()).as("API wav %s", id)
                        .isEqualTo(expected);
            }
        }
        // A drill nobody has: the same answer as one you may not see, so existence does not leak.
        HttpResponse<String> missing = client.get("/drills/d-nobody", cookie);
        assertThat(missing.statusCode()).isEqualTo(404);

        assertThat(idsInPage(client.get("/drills", cookie).body())).isEqualTo(new TreeSet<>(visible));
        assertThat(idsInJson(client.get("/api/drills", bearer).body(), "items")).isEqualTo(new TreeSet<>(visible));
        assertThat(ReportJson.MAPPER.readTree(client.get("/api/drills", bearer).body()).path("total").asLong()).isEqualTo(visible.size());
        assertThat(idsInJson(client.get("/drills.json", cookie).body(), null)).isEqualTo(new TreeSet<>(visible));
        assertThat(idsInJson(client.get("/api/drills/export.json", bearer).body(), null)).isEqualTo(new TreeSet<>(visible));
        assertThat(idsInCsv(client.get("/drills.csv", cookie).body())).isEqualTo(new TreeSet<>(visible));
        assertThat(idsInCsv(client.get("/api/drills/export.csv", cookie).body())).isEqualTo(new TreeSet<>(visible));
        // Filtering by another agent's name cannot widen the view.
        assertThat(idsInJson(client.get("/api/drills?agent=Carol", bearer).body(), "items"))
                .isEqualTo(visible.contains("d-carol-1") ? Set.of("d-carol-1") : Set.of());
    }

    @Test
    void agentPagesFollowTheSameRules() throws Exception {
        WebClient.Login alice = client.login("alice", "pw-alice");
        WebClient.Login sue = client.login("sue", "pw-sue");
        WebClient.Login ada = client.login("ada", "pw-ada");
        assertThat(client.get("/agents/201", "Cookie", alice.cookie()).statusCode()).isEqualTo(200);
        assertThat(client.get("/agents/202", "Cookie", alice.cookie()).statusCode()).isEqualTo(404);
        assertThat(client.get("/agents/202", "Cookie", sue.cookie()).statusCode()).isEqualTo(200);
        assertThat(client.get("/agents/301", "Cookie", sue.cookie()).statusCode()).isEqualTo(404);
        HttpResponse<String> carol = client.get("/agents/301", "Cookie", ada.cookie());
        assertThat(carol.statusCode()).isEqualTo(200);
        assertThat(idsInPage(carol.body())).containsExactly("d-carol-1");
        // A supervisor's agent page lists that one agent, not the whole team.
        assertThat(idsInPage(client.get("/agents/202", "Cookie", sue.cookie()).body())).containsExactly("d-bob-1");
    }

    @Test
    void onlyThoseWhoMayOverrideGetTheFormOrCanPostIt() throws Exception {
        WebClient.Login alice = client.login("alice", "pw-alice");
        assertThat(client.get("/drills/d-alice-1", "Cookie", alice.cookie()).body()).doesNotContain("override-form");
        HttpResponse<String> own = client.post("/drills/d-alice-1/override",
                Map.of("csrf", alice.csrf(), "technique", "T2", "score", "100", "reason", "I think I was fine"), "Cookie", alice.cookie());
        assertThat(own.statusCode()).isEqualTo(403);

        WebClient.Login sue = client.login("sue", "pw-sue");
        assertThat(client.get("/drills/d-alice-1", "Cookie", sue.cookie()).body()).contains("override-form");
        HttpResponse<String> otherTeam = client.post("/drills/d-carol-1/override",
                Map.of("csrf", sue.csrf(), "technique", "T2", "score", "90", "reason", "not my team"), "Cookie", sue.cookie());
        assertThat(otherTeam.statusCode()).isEqualTo(404);
        assertThat(server.store.overrides("d-alice-1")).isEmpty();
        assertThat(server.store.overrides("d-carol-1")).isEmpty();
    }

    static Set<String> idsInPage(String html) {
        Set<String> ids = new TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-id=\"([^\"]+)\"").matcher(html);
        while (m.find()) ids.add(m.group(1));
        return ids;
    }

    static Set<String> idsInJson(String json, String field) throws Exception {
        JsonNode node = ReportJson.MAPPER.readTree(json);
        List<String> ids = new ArrayList<>();
        (field == null ? node : node.path(field)).forEach(item -> ids.add(item.path("id").asText()));
        return new TreeSet<>(ids);
    }

    static Set<String> idsInCsv(String csv) {
        Set<String> ids = new TreeSet<>();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith(Csv.HEADER);
        for (int i = 1; i < lines.length; i++) ids.add(lines[i].substring(0, lines[i].indexOf(',')));
        return ids;
    }
}
