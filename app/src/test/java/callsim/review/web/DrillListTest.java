package callsim.review.web;

import static callsim.review.web.WebAccessTest.idsInCsv;
import static callsim.review.web.WebAccessTest.idsInJson;
import static callsim.review.web.WebAccessTest.idsInPage;
import static org.assertj.core.api.Assertions.assertThat;

import callsim.app.report.ReportJson;
import callsim.review.store.DrillStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The list's filters and paging, on the page, in the API and in the exports. */
class DrillListTest {
    private static ReviewServer server;
    private static WebClient client;
    private static String[] admin;

    @BeforeAll
    static void start() throws Exception {
        server = new ReviewServer();
        // 60 more drills of agent 401, one a day, scores 40..99: three pages of 25 with the five samples.
        for (int i = 0; i < 60; i++) {
            server.store.put(SampleDrills.row(String.format("bulk-%02d", i), "Dan <401>", "401", i % 2 == 0 ? "even-scenario" : "odd-scenario",
                    "normal", Instant.parse("2026-09-01T08:00:00Z").plusSeconds(86_400L * i), DrillStatus.COMPLETE, "resolved", 40 + i),
                    null, null);
        }
        client = server.client();
        admin = new String[] {"Cookie", client.login("ada", "pw-ada").cookie()};
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void pagesOf25WithTotalAndPrevNext() throws Exception {
        HttpResponse<String> first = client.get("/drills", admin);
        assertThat(idsInPage(first.body())).hasSize(25);
        assertThat(first.body()).contains("<span id=\"total\">65 drills</span>", "page 1 of 3")
                .contains("id=\"next\" href=\"/drills?page=1\"").doesNotContain("id=\"prev\"");
        HttpResponse<String> last = client.get("/drills?page=2", admin);
        assertThat(idsInPage(last.body())).hasSize(15);
        assertThat(last.body()).contains("page 3 of 3", "id=\"prev\" href=\"/drills?page=1\"").doesNotContain("id=\"next\"");
        assertThat(idsInPage(first.body())).doesNotContainAnyElementsOf(idsInPage(last.body()));
    }

    @Test
    void filtersNarrowTheListAndSurviveInPagingAndExportLinks() throws Exception {
        HttpResponse<String> page = client.get("/drills?scenario=even-scenario&minScore=50", admin);
        // even scenarios are i = 0, 2, ..., 58 with scores 40 + i; at least 50 leaves i = 10..58: 25 drills.
        assertThat(page.body()).contains("<span id=\"total\">25 drills</span>");
        assertThat(page.body()).contains("value=\"even-scenario\"", "href=\"/drills.csv?scenario=even-scenario&amp;minScore=50\"");
        assertThat(idsInPage(page.body())).allMatch(id -> id.startsWith("bulk-") && Integer.parseInt(id.substring(5)) % 2 == 0);

        assertThat(idsInPage(client.get("/drills?difficulty=hard", admin).body())).containsExactly("d-alice-2");
        assertThat(idsInPage(client.get("/drills?outcome=caller_hung_up", admin).body())).containsExactly("d-carol-1");
        assertThat(idsInPage(client.get("/drills?from=2026-11-21&to=2026-11-22", admin).body()))
                .as("both days included").containsExactlyInAnyOrder("d-alice-2", "d-bob-1", "d-carol-1");
        assertThat(idsInPage(client.get("/drills?minScore=90&maxScore=95", admin).body()))
                .containsExactlyInAnyOrder("bulk-50", "bulk-51", "bulk-52", "bulk-53", "bulk-54", "bulk-55");
        assertThat(idsInPage(client.get("/drills?agent=alice", admin).body())).containsExactlyInAnyOrder("d-alice-1", "d-alice-2", "d-alice-3");
    }

    @Test
    void statusShowsRunningCompleteAndPartial() throws Exception {
        String body = client.get("/drills?agent=a", admin).body();
        assertThat(body).contains("<span class=\"status running\">running</span>", "<span class=\"status complete\">complete</span>",
                "<span class=\"status partial\">partial</span>");
    }

    @Test
    void badFilterValuesAreA400WithTheReason() throws Exception {
        assertBad("/drills?minScore=abc", "minScore: expected a whole number from 0 to 100, got 'abc'");
        assertBad("/drills?from=22/11/2026", "from: expected a date like 2026-11-22");
        assertBad("/drills?minScore=80&maxScore=20", "minScore 80 is above maxScore 20");
        assertBad("/drills?difficulty=brutal", "unknown difficulty");
        assertBad("/drills?outcome=exploded", "outcome: unknown");
        assertBad("/drills?page=-1", "page: expected a page number");
        HttpResponse<String> api = client.get("/api/drills?size=1000", admin);
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(ReportJson.MAPPER.readTree(api.body()).path("error").asText()).isEqualTo("size: expected 1 to 200, got '1000'");
    }

    private static void assertBad(String path, String message) throws Exception {
        HttpResponse<String> r = client.get(path, admin);
        assertThat(r.statusCode()).as(path).isEqualTo(400);
        assertThat(org.jsoup.Jsoup.parse(r.body()).select("p.error").text()).as(path).contains(message);
    }

    @Test
    void apiPagesWithItemsPageSizeAndTotal() throws Exception {
        JsonNode second = ReportJson.MAPPER.readTree(client.get("/api/drills?page=1&size=10&scenario=odd-scenario", admin).body());
        assertThat(second.path("page").asInt()).isEqualTo(1);
        assertThat(second.path("size").asInt()).isEqualTo(10);
        assertThat(second.path("total").asLong()).isEqualTo(30);
        assertThat(second.path("items")).hasSize(10);
        JsonNode item = second.path("items").get(0);
        assertThat(item.path("scenario").asText()).isEqualTo("odd-scenario");
        assertThat(item.path("status").asText()).isEqualTo("complete");
        assertThat(item.path("agentKey").asText()).isEqualTo("401");
        assertThat(item.has("score") && item.has("passed") && item.has("endedAt") && item.has("startedAt")).isTrue();
    }

    @Test
    void exportsHoldEveryMatchingDrillNotJustOnePage() throws Exception {
        HttpResponse<String> csv = client.get("/drills.csv?scenario=odd-scenario", admin);
        assertThat(csv.headers().firstValue("Content-Type")).contains("text/csv; charset=utf-8");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"callsim-drills-20261124-090000.csv\"");
        assertThat(idsInCsv(csv.body())).hasSize(30);
        assertThat(idsInCsv(client.get("/drills.csv", admin).body())).hasSize(65);
        HttpResponse<String> json = client.get("/api/drills/export.json?minScore=95", admin);
        assertThat(json.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;").endsWith(".json\"");
        assertThat(idsInJson(json.body(), null)).isEqualTo(Set.of("bulk-55", "bulk-56", "bulk-57", "bulk-58", "bulk-59"));
        assertThat(json.headers().firstValue("X-Total-Count")).contains("5");
    }
}
