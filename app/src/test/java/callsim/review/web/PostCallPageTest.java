package callsim.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.review.report.DrillReport;
import callsim.review.report.ReportMapper;
import callsim.review.store.DrillRow;
import callsim.review.store.DrillStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The drill page and API of drills whose score comes, or is to come, from a post-call transcript. */
class PostCallPageTest {
    private final ReviewServer server;
    private final WebClient client;

    PostCallPageTest() throws Exception {
        server = new ReviewServer();
        client = server.client();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private void add(String id, DrillReport.PostCall.Status status) {
        DrillRow row = SampleDrills.row(id, "Alice Smith <201>", "201", "double-charge", "normal",
                Instant.parse("2026-11-23T10:00:00Z"), DrillStatus.COMPLETE, "resolved", 75);
        server.store.put(row, SampleDrills.afterPostCall(row, status, 64), SampleDrills.silentWav(60));
    }

    @Test
    void aDrillAwaitingItsPostCallPassSaysItsScoreIsProvisional() throws Exception {
        add("d-waiting", DrillReport.PostCall.Status.PENDING);

        Document doc = Jsoup.parse(page("/drills/d-waiting"));

        assertThat(doc.select("#summary #scored-from").attr("data-status")).isEqualTo("pending");
        assertThat(doc.select("#summary #scored-from").text()).startsWith("Provisional score").contains("may change");
        assertThat(doc.select("#said-and-heard")).as("nothing to compare yet").isEmpty();
    }

    @Test
    void aFailedPassShowsWhyAndThatTheLiveScoreStands() throws Exception {
        add("d-failed", DrillReport.PostCall.Status.FAILED);

        Document doc = Jsoup.parse(page("/drills/d-failed"));

        assertThat(doc.select("#summary #scored-from").attr("data-status")).isEqualTo("failed");
        assertThat(doc.select("#summary #scored-from").text()).contains("heard live").contains("recording.wav: no such file");
        assertThat(doc.select("#score-total").text()).isEqualTo("75");
    }

    @Test
    void aDoneDrillShowsSaidBesideHeardWithTheDifferingWordsMarked() throws Exception {
        add("d-done", DrillReport.PostCall.Status.DONE);

        Document doc = Jsoup.parse(page("/drills/d-done"));

        assertThat(doc.select("#summary #scored-from").text()).contains("post-call transcript");
        assertThat(doc.select("#summary #live-score").text()).isEqualTo("64");
        var first = doc.selectFirst("#said-and-heard tr.agent-turn");
        assertThat(first.hasClass("differs")).isTrue();
        assertThat(first.select("td.said").text()).isEqualTo(SampleDrills.SAID);
        assertThat(first.select("td.heard").text()).isEqualTo(SampleDrills.HEARD);
        assertThat(first.select("td.said ins").eachText()).containsExactly("so", "sorry", "twice");
        assertThat(first.select("td.heard del").eachText()).containsExactly("with", "our", "line");
        assertThat(doc.select("#said-and-heard tr.agent-turn.same")).as("turns heard as said").hasSize(2);
        assertThat(doc.select("#transcript li.agent .text").first().text()).isEqualTo(SampleDrills.SAID);
    }

    @Test
    void theApiHasThePostCallPassAndWhatTheCallerHeardPerAgentTurn() throws Exception {
        add("d-done", DrillReport.PostCall.Status.DONE);
        String token = server.auth.issueApiToken(server.sue);

        JsonNode json = ReportMapper.MAPPER.readTree(client.get("/api/drills/d-done", "Authorization", "Bearer " + token).body());

        assertThat(json.path("postCall").path("status").asText()).isEqualTo("done");
        assertThat(json.path("postCall").path("liveScore").path("total").asInt()).isEqualTo(64);
        JsonNode firstAgentTurn = json.path("transcript").findParents("speaker").stream()
                .filter(t -> t.path("speaker").asText().equals("agent")).findFirst().orElseThrow();
        assertThat(firstAgentTurn.path("text").asText()).isEqualTo(SampleDrills.SAID);
        assertThat(firstAgentTurn.path("heard").asText()).isEqualTo(SampleDrills.HEARD);
        JsonNode callerTurn = json.path("transcript").get(0);
        assertThat(callerTurn.has("heard")).as("only agent turns were recognised").isFalse();
    }

    @Test
    void theListExportsAndApiMarkAProvisionalScoreAndOneLeftToTheLiveRecognition() throws Exception {
        add("d-waiting", DrillReport.PostCall.Status.PENDING);
        add("d-failed", DrillReport.PostCall.Status.FAILED);
        add("d-done", DrillReport.PostCall.Status.DONE);

        Document list = Jsoup.parse(page("/drills"));
        assertThat(list.select("tr[data-id=d-waiting] td.score .provisional-mark").text()).isEqualTo("(provisional)");
        assertThat(list.select("tr[data-id=d-failed] td.score .live-only-mark").text()).isEqualTo("(live only)");
        assertThat(list.select("tr[data-id=d-done] td.score small")).as("scored from the post-call transcript").isEmpty();
        assertThat(list.select("tr[data-id=d-waiting] td.score").text()).startsWith("75");
        Document agent = Jsoup.parse(page(list.select("tr[data-id=d-waiting] a[href^=/agents/]").attr("href")));
        assertThat(agent.select("#agent-drills tr[data-id=d-waiting] td.score .provisional-mark").text()).isEqualTo("(provisional)");
        assertThat(agent.select("#agent-drills tr[data-id=d-failed] td.score .live-only-mark").text()).isEqualTo("(live only)");
        assertThat(agent.select("#agent-drills tr[data-id=d-done] td.score small")).isEmpty();

        String token = server.auth.issueApiToken(server.sue);
        JsonNode items = ReportMapper.MAPPER.readTree(client.get("/api/drills", "Authorization", "Bearer " + token).body()).path("items");
        java.util.Map<String, JsonNode> byId = new java.util.HashMap<>();
        items.forEach(i -> byId.put(i.path("id").asText(), i));
        assertThat(byId.get("d-waiting").path("scoreProvisional").asBoolean()).isTrue();
        assertThat(byId.get("d-waiting").path("postCall").asText()).isEqualTo("pending");
        assertThat(byId.get("d-failed").path("scoreProvisional").asBoolean()).isFalse();
        assertThat(byId.get("d-failed").path("postCall").asText()).isEqualTo("failed");
        assertThat(byId.get("d-done").path("postCall").asText()).isEqualTo("done");
        JsonNode one = ReportMapper.MAPPER.readTree(client.get("/api/drills/d-waiting", "Authorization", "Bearer " + token).body());
        assertThat(one.path("scoreProvisional").asBoolean()).isTrue();

        String cookie = client.login("sue", "pw-sue").cookie();
        String csv = client.get(list.select("#export-csv").attr("href"), "Cookie", cookie).body();
        assertThat(csv.lines().filter(l -> l.startsWith("d-waiting,"))).singleElement().asString().contains(",true,pending,");
        JsonNode exported = ReportMapper.MAPPER.readTree(client.get(list.select("#export-json").attr("href"), "Cookie", cookie).body());
        assertThat(exported.findParents("id").stream().filter(n -> n.path("id").asText().equals("d-failed")).findFirst().orElseThrow()
                .path("postCall").asText()).isEqualTo("failed");
    }

    private String page(String path) throws Exception {
        HttpResponse<String> r = client.get(path, "Cookie", client.login("sue", "pw-sue").cookie());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    @Test
    void aTurnTheCallerHeardNothingInShowsNothingStruckAndEverySaidWordMarked() {
        DrillReport r = SampleDrills.afterPostCall(SampleDrills.row("d-x", "a", "201", "double-charge", "normal",
                Instant.parse("2026-11-23T10:00:00Z"), DrillStatus.COMPLETE, "resolved", 75), DrillReport.PostCall.Status.DONE, 64);
        DrillReport unheard = new DrillReport(r.id(), r.scenario(), r.difficulty(), r.seed(), r.agent(), r.dialledNumber(), r.line(),
                r.startedAt(), r.endedAt(), r.complete(), r.durationMs(), r.outcome(), r.outcomeReason(), r.metrics(), r.score(), r.anger(),
                java.util.List.of(new DrillReport.Turn("agent", 6_000, 9_000, "I can refund the duplicate charge", DrillReport.Turn.NOT_RECOGNISED)),
                r.recording(), r.postCall());

        var turn = DrillViews.saidAndHeard(unheard).get(0);

        assertThat(turn.heard()).isEmpty();
        assertThat(turn.said()).extracting(callsim.review.web.view.DrillPage.Word::text)
                .containsExactly("I", "can", "refund", "the", "duplicate", "charge");
        assertThat(turn.said()).allMatch(callsim.review.web.view.DrillPage.Word::changed);
        assertThat(turn.differ()).isTrue();
    }
}
