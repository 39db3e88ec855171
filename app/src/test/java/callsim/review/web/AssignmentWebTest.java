package callsim.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.core.Difficulty;
import callsim.review.assign.JdbcAssignments;
import callsim.review.auth.AccessPolicy;
import callsim.review.auth.JdbcAuthenticator;
import callsim.review.report.ReportMapper;
import callsim.review.store.AssignmentWorld;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Assignments over HTTP on the embedded database: set in the page and the API, refused with the reason when
 * wrong, shown to the agent and to their supervisor only, exported, and each finished drill as an xAPI statement.
 */
class AssignmentWebTest {
    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    static final Map<String, String> TITLES = Map.of("double-charge", "Charged twice", "abusive-caller", "Abusive caller");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;
    private AssignmentWorld world;
    private JdbcAuthenticator auth;
    private ReviewApp app;
    private WebClient web;
    private final LocalDate today = LocalDate.ofInstant(NOW, ZoneId.systemDefault());

    @BeforeEach
    void start() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        world = AssignmentWorld.h2(data, clock);
        auth = new JdbcAuthenticator(world.db.dataSource(), clock);
        app = ReviewApp.start(ReviewApp.Settings.on(new InetSocketAddress("127.0.0.1", 0)),
                new ReviewApp.Parts(world.drills, auth, new PolicyAccess(new AccessPolicy(auth)), clock, TITLES,
                        Optional.of(auth.accounts()), Optional.empty(), Optional.of(new JdbcAssignments(world.db.dataSource(), clock))),
                Optional.empty(), Optional.empty());
        web = new WebClient("http://127.0.0.1:" + app.port());
    }

    @AfterEach
    void stop() {
        if (app != null) app.close();
        world.db.close();
    }

    private Map<String, String> form(WebClient.Login login, String agent, String team, String scenario, String amount, String due) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", login.csrf());
        form.put("agent", agent);
        form.put("team", team);
        form.put("due", due);
        form.put("scenario", scenario);
        form.put("difficulty", "normal");
        form.put("goal", "passes");
        form.put("amount", amount);
        return form;
    }

    private HttpResponse<String> api(String token, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Authorization", "Bearer " + token);
        request = json == null ? request.GET() : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSupervisorAssignsInThePageAndTheAgentSeesWhatIsLeftThenDone() throws Exception {
        WebClient.Login sue = web.login("sue", AssignmentWorld.PASSWORD);
        HttpResponse<String> made = web.post("/assignments", form(sue, "201", "", "double-charge", "1", today.plusDays(3).toString()),
                "Cookie", sue.cookie());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        assertThat(Jsoup.parse(made.body()).select("#message").text()).contains("agent 201");
        Document list = Jsoup.parse(web.get("/assignments", "Cookie", sue.cookie()).body());
        assertThat(list.select("#assignments tbody tr .completion").text()).isEqualTo("0 of 1");

        WebClient.Login ann = web.login("ann", AssignmentWorld.PASSWORD);
        Document mine = Jsoup.parse(web.get("/agents/201", "Cookie", ann.cookie()).body());
        assertThat(mine.select("#assignments .assignment").attr("data-status")).isEqualTo("in progress");
        assertThat(mine.select("#assignments .left").text()).isEqualTo("1 more pass");

        world.drill("d-fail", "201", "double-charge", Difficulty.NORMAL, NOW.plusSeconds(60), 50, true);
        world.drill("d-pass", "201", "double-charge", Difficulty.NORMAL, NOW.plusSeconds(600), 82, true);
        mine = Jsoup.parse(web.get("/agents/201", "Cookie", ann.cookie()).body());
        assertThat(mine.select("#assignments .assignment").attr("data-status")).isEqualTo("complete");
        assertThat(mine.select("#assignments .best").text()).isEqualTo("82");
        assertThat(mine.select("#assignments a.attempt").eachAttr("href")).containsExactly("/drills/d-fail", "/drills/d-pass");
        assertThat(Jsoup.parse(web.get("/assignments", "Cookie", sue.cookie()).body()).select("#assignments tbody tr .pass-rate").text())
                .isEqualTo("50 %");
        assertThat(web.get("/assignments", "Cookie", ann.cookie()).statusCode()).as("agents see theirs on their page").isEqualTo(404);
    }

    @Test
    void wrongAssignmentsAreRefusedWithTheReasonInThePageAndKeepWhatWasTyped() throws Exception {
        WebClient.Login sue = web.login("sue", AssignmentWorld.PASSWORD);
        Map<String, String> cases = Map.of(
                "unknown scenario 'no-such-drill'", "no-such-drill|1|201|",
                "pass it 1 to 100 times, not 0", "double-charge|0|201|",
                "is in the past", "double-charge|1|201|" + today.minusDays(1),
                "agent 301 is not in your team (north)", "double-charge|1|301|",
                "team south is not yours", "double-charge|1||south");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String[] f = c.getValue().split("\\|", -1);
            boolean team = f[2].isEmpty();
            HttpResponse<String> page = web.post("/assignments", form(sue, f[2], team ? f[3] : "", f[0], f[1], team ? "" : f[3]),
                    "Cookie", sue.cookie());
            Document doc = Jsoup.parse(page.body());
            assertThat(page.statusCode()).as(c.getKey()).isEqualTo(400);
            assertThat(doc.select("#error").text()).contains(c.getKey());
            assertThat(doc.select("#agent").val()).isEqualTo(f[2]);
        }
        assertThat(world.assignments.all()).as("nothing stored").isEmpty();
    }

    @Test
    void theApiRefusesTheSameMistakesAndOnlyTrainersMayAssign() throws Exception {
        String sue = auth.createApiToken(world.sue, "test");
        String ann = auth.createApiToken(world.ann, "test");
        Map<String, String> cases = Map.of(
                "unknown scenario 'nope'", "{\"agent\":\"201\",\"items\":[{\"scenario\":\"nope\",\"passes\":1}]}",
                "not 0", "{\"agent\":\"201\",\"items\":[{\"scenario\":\"double-charge\",\"passes\":0}]}",
                "is in the past", "{\"agent\":\"201\",\"due\":\"" + today.minusDays(2) + "\",\"items\":[{\"scenario\":\"double-charge\",\"passes\":1}]}",
                "not in your team", "{\"agent\":\"301\",\"items\":[{\"scenario\":\"double-charge\",\"score\":80}]}",
                "is not a date", "{\"agent\":\"201\",\"due\":\"Friday\",\"items\":[{\"scenario\":\"double-charge\",\"passes\":1}]}");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> refused = api(sue, "POST", "/api/assignments", c.getValue());
            assertThat(refused.statusCode()).as(c.getKey()).isEqualTo(400);
            assertThat(ReportMapper.MAPPER.readTree(refused.body()).path("error").asText()).contains(c.getKey());
        }
        assertThat(api(ann, "POST", "/api/assignments", "{\"agent\":\"201\",\"items\":[{\"scenario\":\"double-charge\",\"passes\":1}]}")
                .statusCode()).isEqualTo(403);

        HttpResponse<String> made = api(sue, "POST", "/api/assignments",
                "{\"team\":\"north\",\"items\":[{\"scenario\":\"double-charge\",\"difficulty\":\"hard\",\"passes\":2}]}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        JsonNode body = ReportMapper.MAPPER.readTree(made.body());
        assertThat(body.path("agents")).extracting(a -> a.path("agentKey").asText()).containsExactly("201", "202");
        assertThat(body.path("items").get(0).path("target").asText()).isEqualTo("pass 2 times");
        JsonNode annView = ReportMapper.MAPPER.readTree(api(ann, "GET", "/api/assignments", null).body());
        assertThat(annView.get(0).path("agents")).as("an agent sees only their own progress").extracting(a -> a.path("agentKey").asText())
                .containsExactly("201");
    }

    @Test
    void aSupervisorSeesOnlyTheirTeamsAssignmentsFilteredByDueDateAndExported() throws Exception {
        String ada = auth.createApiToken(world.ada, "test");
        String item = "\"items\":[{\"scenario\":\"double-charge\",\"passes\":1}]";
        long south = ReportMapper.MAPPER.readTree(api(ada, "POST", "/api/assignments", "{\"agent\":\"301\"," + item + "}").body()).path("id").asLong();
        long north = ReportMapper.MAPPER.readTree(api(ada, "POST", "/api/assignments",
                "{\"team\":\"north\",\"due\":\"" + today + "\"," + item + "}").body()).path("id").asLong();
        world.drill("ben-pass", "202", "double-charge", Difficulty.NORMAL, NOW.plusSeconds(60), 90, true);

        WebClient.Login sue = web.login("sue", AssignmentWorld.PASSWORD);
        Document page = Jsoup.parse(web.get("/assignments", "Cookie", sue.cookie()).body());
        assertThat(page.select("#assignments tbody tr").eachAttr("data-id")).containsExactly(String.valueOf(north));
        assertThat(web.get("/assignments/" + south, "Cookie", sue.cookie()).statusCode()).isEqualTo(404);
        assertThat(page.select("#assignment-teams tr[data-team=north] .completion").text()).isEqualTo("1 of 2");

        String tomorrow = today.plusDays(1).toString();
        Document detail = Jsoup.parse(web.get("/assignments/" + north, "Cookie", sue.cookie()).body());
        assertThat(detail.select("#assignment-agents tr[data-agent=202] .status").text()).isEqualTo("complete");
        assertThat(Jsoup.parse(web.get("/assignments?dueFrom=" + tomorrow, "Cookie", sue.cookie()).body())
                .select("#assignments tbody tr")).isEmpty();
        assertThat(web.get("/assignments?dueTo=next-week", "Cookie", sue.cookie()).statusCode()).isEqualTo(400);

        String csv = web.get("/assignments.csv?dueTo=" + today, "Cookie", sue.cookie()).body();
        assertThat(csv.lines()).hasSize(3).first().isEqualTo(AssignmentApi.CSV_HEADER);
        assertThat(csv).contains(",202,Ben Agent (202),complete,1,1,1,1,100,90.0,90,");
        JsonNode json = ReportMapper.MAPPER.readTree(web.get("/assignments.json", "Cookie", sue.cookie()).body());
        assertThat(json).hasSize(1);
        assertThat(json.get(0).path("complete").asInt()).isEqualTo(1);
        assertThat(json.get(0).path("passRate").asDouble()).isEqualTo(1.0);
        assertThat(json.get(0).path("weakestTechniques").get(0).path("technique").asText()).startsWith("T2");
    }

    @Test
    void anAssignmentPastItsDueDateNamesTheAgentsWhoHaveNotFinished() throws Exception {
        // Set before today's rules would refuse its date: stored directly, as one made last week would be.
        long id = world.assignments.create(new callsim.review.assign.AssignmentRequest("last week's", Optional.empty(), Optional.of("north"),
                Optional.of(today.minusDays(1)), java.util.List.of(new callsim.review.assign.AssignmentItem("double-charge", Difficulty.NORMAL,
                callsim.review.assign.Goal.PASSES, 1))), "sue").id();
        world.drill("ben-late", "202", "double-charge", Difficulty.NORMAL, NOW.plusSeconds(60), 90, true);
        WebClient.Login sue = web.login("sue", AssignmentWorld.PASSWORD);
        Document list = Jsoup.parse(web.get("/assignments", "Cookie", sue.cookie()).body());
        assertThat(list.select("#assignments tr[data-id=" + id + "] .overdue").text()).isEqualTo("Ann Agent (201)");
        assertThat(list.select("#assignment-teams tr[data-team=north] .overdue").text()).isEqualTo("1");
        Document detail = Jsoup.parse(web.get("/assignments/" + id, "Cookie", sue.cookie()).body());
        assertThat(detail.select("#assignment-agents tr[data-agent=201] .status").text()).isEqualTo("overdue");
        assertThat(detail.select("#assignment-agents tr[data-agent=202] .status").text()).isEqualTo("complete");
    }

    @Test
    void aFinishedDrillIsAnXapiStatementAndARunningOneIsNot() throws Exception {
        world.drill("x-pass", "201", "double-charge", Difficulty.HARD, NOW.plusSeconds(60), 80, true);
        world.drill("x-fail", "201", "abusive-caller", Difficulty.NORMAL, NOW.plusSeconds(600), 40, true);
        world.drill("x-running", "201", "double-charge", Difficulty.NORMAL, NOW.plusSeconds(900), 0, false);
        String ann = auth.createApiToken(world.ann, "lms");

        HttpResponse<String> one = api(ann, "GET", "/api/drills/x-pass/xapi", null);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.headers().firstValue("X-Experience-API-Version")).contains("1.0.3");
        JsonNode s = ReportMapper.MAPPER.readTree(one.body());
        assertThat(s.path("actor").path("account").path("name").asText()).isEqualTo("201");
        assertThat(s.path("actor").path("name").asText()).isEqualTo("Ann Agent (201)");
        assertThat(s.path("verb").path("id").asText()).isEqualTo("http://adlnet.gov/expapi/verbs/passed");
        assertThat(s.path("object").path("id").asText()).endsWith("/scenarios/double-charge/hard");
        assertThat(s.path("object").path("definition").path("name").path("en-US").asText()).isEqualTo("Charged twice (hard)");
        assertThat(s.path("result").path("score").path("scaled").asDouble()).isEqualTo(0.8);
        assertThat(s.path("result").path("score").path("raw").asInt()).isEqualTo(80);
        assertThat(s.path("result").path("success").asBoolean()).isTrue();
        assertThat(s.path("result").path("duration").asText()).isEqualTo("PT1M");
        assertThat(Instant.parse(s.path("timestamp").asText())).isEqualTo(NOW.plusSeconds(120));

        JsonNode all = ReportMapper.MAPPER.readTree(api(ann, "GET", "/api/xapi/statements", null).body());
        assertThat(all.path("statements")).extracting(st -> st.path("verb").path("display").path("en-US").asText())
                .containsExactly("failed", "passed");
        assertThat(api(ann, "GET", "/api/drills/x-running/xapi", null).statusCode()).isEqualTo(400);
        String cat = auth.createApiToken(world.cat, "lms");
        assertThat(api(cat, "GET", "/api/drills/x-pass/xapi", null).statusCode()).as("another agent's drill").isEqualTo(404);
    }
}
