package callsim.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.review.report.ReportMapper;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The drill page's parts, the agent page, the report API and the recording as a browser fetches it. */
class DrillPageTest {
    private final ReviewServer server;
    private final WebClient client;

    DrillPageTest() throws Exception {
        server = new ReviewServer();
        client = server.client();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void transcriptMarkupIsShownAsTextNeverRun() throws Exception {
        String body = page("sue", "/drills/d-alice-1");
        Document doc = Jsoup.parse(body);
        assertThat(doc.select("#transcript li.caller .text").first().text()).isEqualTo(SampleDrills.SCRIPT_TEXT);
        assertThat(body).doesNotContain("<script>alert").doesNotContain("<b>before</b>").contains("&lt;script&gt;");
        assertThat(doc.select("script")).as("the only script is our own file").hasSize(1);
        assertThat(doc.select("script").attr("src")).isEqualTo("/static/app.js");
        assertThat(doc.select(".note").eachText()).contains("Announced <b>before</b> the hold.");
    }

    @Test
    void theScoreVerdictAndAdviceComeFirstThenThePlayer() throws Exception {
        Document doc = Jsoup.parse(page("alice", "/drills/d-alice-1"));
        Element main = doc.selectFirst("main");
        assertThat(main.child(1).id()).as("right under the title").isEqualTo("summary");
        assertThat(doc.select("#summary #score-total").text()).isEqualTo("64");
        assertThat(doc.select("#summary #verdict-word").text()).isEqualTo("not passed");
        assertThat(doc.select("#summary #advice li").eachText()).containsExactly("Let the caller finish before you answer.");
        assertThat(main.child(2).selectFirst("audio#player").attr("src")).isEqualTo("/drills/d-alice-1/recording.wav");
        assertThat(doc.select("#summary .facts a[href=/agents/201]").text()).as("the account's name").isEqualTo("Alice (201)");
        assertThat(doc.select("#status").text()).isEqualTo("complete");
    }

    @Test
    void aTurnNotHeardClearlyIsNamedWithItsTimeBesideTheAdvice() throws Exception {
        Document doc = Jsoup.parse(page("alice", "/drills/d-alice-1"));

        assertThat(doc.select("#summary #not-heard-clearly li").eachText()).containsExactly(SampleDrills.NOT_HEARD.note());
        assertThat(SampleDrills.NOT_HEARD.note()).startsWith("Not heard clearly at 00:38");
    }

    @Test
    void theLengthIsTheCallsAndADebriefInTheRecordingIsNamed() throws Exception {
        assertThat(Jsoup.parse(page("alice", "/drills/d-alice-1")).select("#length").text()).isEqualTo("01:00");
        assertThat(Pages.length(60_000, 85_000)).isEqualTo("01:00 call + 00:25 debrief in the recording");
        assertThat(Pages.length(60_000, 60_500)).isEqualTo("01:00");
    }

    @Test
    void chartsHaveATimeAxisAndEverySegmentAndPointPlaysFromItsMoment() throws Exception {
        Document doc = Jsoup.parse(page("alice", "/drills/d-alice-1"));
        assertThat(doc.select("#timeline .time-label").eachText()).startsWith("00:00", "00:10", "00:20");
        assertThat(doc.select("#anger-chart .time-label").eachText()).startsWith("00:00", "00:10");
        assertThat(doc.select("#anger-chart circle.anger-point")).hasSize(4);
        assertThat(doc.select("#anger-chart circle.anger-point[data-at-ms=9100] title").text()).isEqualTo("00:09 anger 62");
        assertThat(doc.select("#timeline rect.seg.hold.announced")).hasSize(1);
        assertThat(doc.select("#timeline rect.seg.overtalk")).hasSize(1);
        assertThat(doc.select("#timeline rect.seg.dead-air[data-at-ms=40000][data-end-ms=46000]")).hasSize(1);
        assertThat(doc.select("#transcript li.agent button.time[data-at-ms=30500]").text()).isEqualTo("00:30");
    }

    @Test
    void evidenceIsGroupedByKindWithCountAndTotal() throws Exception {
        Document doc = Jsoup.parse(page("alice", "/drills/d-alice-1"));
        Elements groups = doc.select("#t-T14 details.evidence-group");
        assertThat(groups).as("three dead-air moments, one row").hasSize(1);
        assertThat(groups.first().selectFirst("summary").text()).isEqualTo("dead air × 3, 6.0 s in all");
        assertThat(groups.first().select("button.evidence").eachAttr("data-at-ms")).containsExactly("41000", "44000", "50000");
        assertThat(doc.select("#t-T2 button.evidence[data-at-ms=31000]").text()).isEqualTo("00:31 1.0 s");
    }

    @Test
    void overrideFormsHideBehindAButtonAndNeverOnNotApplicableTechniques() throws Exception {
        Document supervisor = Jsoup.parse(page("sue", "/drills/d-alice-1"));
        assertThat(supervisor.select("details.override > summary").eachText()).hasSize(4).allMatch("Override"::equals);
        assertThat(supervisor.select("#t-T11 .score").text()).isEqualTo("n/a");
        assertThat(supervisor.select("#t-T11 form")).isEmpty();
        assertThat(Jsoup.parse(page("alice", "/drills/d-alice-1")).select("form.override-form")).as("agents do not override").isEmpty();
    }

    @Test
    void aRunningDrillShowsNoScore() throws Exception {
        Document doc = Jsoup.parse(page("alice", "/drills/d-alice-3"));
        assertThat(doc.select("#score-total")).isEmpty();
        assertThat(doc.select("#no-score").text()).contains("Drill in progress");
        Document list = Jsoup.parse(page("alice", "/drills"));
        assertThat(list.select("tr[data-id=d-alice-3] td.score").text()).isEqualTo("—");
        WebClient.Login sue = client.login("sue", "pw-sue");
        HttpResponse<String> early = client.post("/drills/d-alice-3/override",
                Map.of("csrf", sue.csrf(), "technique", "T2", "score", "90", "reason", "too early"), "Cookie", sue.cookie());
        assertThat(early.statusCode()).as("no override while the drill runs").isEqualTo(400);
        assertThat(server.store.overrides("d-alice-3")).isEmpty();
    }

    @Test
    void overrideIsShownBesideTheOriginalWithWhoWhenAndWhyAndMovesTheTotal() throws Exception {
        server.store.override("d-alice-1", "T2", 100, "The overlap was a backchannel <mm-hm>.", "sue");
        Document doc = Jsoup.parse(page("alice", "/drills/d-alice-1"));
        Element row = doc.selectFirst("#t-T2");
        assertThat(row.select(".score.effective").text()).isEqualTo("100");
        assertThat(row.select(".score.original.overridden").text()).isEqualTo("40");
        assertThat(row.select(".override-entry.current .override-by").text()).isEqualTo("sue");
        assertThat(row.select(".override-entry time").attr("datetime")).isEqualTo("2026-11-24T09:00:00Z");
        assertThat(row.select(".override-reason").text()).isEqualTo("The overlap was a backchannel <mm-hm>.");
        assertThat(doc.select("#t-T5 .score.original").text()).isEqualTo("100");
        int total = Integer.parseInt(doc.select("#score-total").text());
        assertThat(total).as("T2 from 40 to 100, weight 8 of the 30 that applied, moves 64 up by 16").isEqualTo(80);
        assertThat(doc.select("#automatic-score").text()).contains("automatic score 64");
    }

    @Test
    void supervisorOverridesThroughTheFormAndSeesItOnThePage() throws Exception {
        WebClient.Login sue = client.login("sue", "pw-sue");
        HttpResponse<String> posted = client.post("/drills/d-alice-1/override",
                Map.of("csrf", sue.csrf(), "technique", "T9", "score", "60", "reason", "Hold ran long"), "Cookie", sue.cookie());
        assertThat(posted.statusCode()).isEqualTo(303);
        Document doc = Jsoup.parse(client.get("/drills/d-alice-1", "Cookie", sue.cookie()).body());
        assertThat(doc.select("#t-T9 .override-score").text()).isEqualTo("60");
        assertThat(doc.select("#t-T9 .override-reason").text()).isEqualTo("Hold ran long");
    }

    @Test
    void apiGivesTheReportFieldsPlusOverridesAndTheScoreCountingThem() throws Exception {
        server.store.override("d-alice-1", "T2", 100, "backchannel", "sue");
        String token = server.auth.issueApiToken(server.alice);
        JsonNode json = ReportMapper.MAPPER.readTree(client.get("/api/drills/d-alice-1", "Authorization", "Bearer " + token).body());
        // As report.json would read back (numbers re-parsed, so long/int node types compare equal).
        JsonNode stored = ReportMapper.MAPPER.readTree(ReportMapper.MAPPER.writeValueAsString(server.store.report("d-alice-1").orElseThrow()));
        stored.fieldNames().forEachRemaining(field -> assertThat(json.get(field)).as(field).isEqualTo(stored.get(field)));
        assertThat(json.path("score").path("total").asInt()).as("the automatic score stays").isEqualTo(64);
        assertThat(json.path("effectiveScore").path("total").asInt()).isEqualTo(80);
        assertThat(json.path("effectiveScore").path("techniques").path("T2").asInt()).isEqualTo(100);
        JsonNode o = json.path("overrides").get(0);
        assertThat(o.path("techniqueId").asText()).isEqualTo("T2");
        assertThat(o.path("overriddenBy").asText()).isEqualTo("sue");
        assertThat(o.path("overriddenAt").asText()).isEqualTo("2026-11-24T09:00:00Z");
        assertThat(o.path("reason").asText()).isEqualTo("backchannel");
        JsonNode list = ReportMapper.MAPPER.readTree(client.get("/api/drills", "Authorization", "Bearer " + token).body());
        JsonNode listed = list.path("items").findParents("id").stream().filter(n -> n.path("id").asText().equals("d-alice-1")).findFirst().orElseThrow();
        assertThat(listed.path("score").asInt()).as("the list counts the override too").isEqualTo(80);
        assertThat(listed.path("automaticScore").asInt()).isEqualTo(64);
    }

    @Test
    void recordingIsServedWithByteRangesForSeeking() throws Exception {
        String cookie = client.login("alice", "pw-alice").cookie();
        byte[] wav = server.store.recordingWav("d-alice-1").orElseThrow();
        HttpResponse<byte[]> whole = client.getBytes("/drills/d-alice-1/recording.wav", "Cookie", cookie);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Content-Type")).contains("audio/wav");
        assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(whole.body()).isEqualTo(wav);

        HttpResponse<byte[]> part = client.getBytes("/drills/d-alice-1/recording.wav", "Cookie", cookie, "Range", "bytes=44-99");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 44-99/" + wav.length);
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(wav, 44, 100));
        HttpResponse<byte[]> tail = client.getBytes("/drills/d-alice-1/recording.wav", "Cookie", cookie, "Range", "bytes=-10");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.headers().firstValue("Content-Range")).contains("bytes " + (wav.length - 10) + "-" + (wav.length - 1) + "/" + wav.length);
        assertThat(tail.body()).hasSize(10);
        HttpResponse<byte[]> beyond = client.getBytes("/drills/d-alice-1/recording.wav", "Cookie", cookie, "Range", "bytes=999999999-");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(client.getBytes("/drills/d-alice-2/recording.wav", "Cookie", cookie).statusCode())
                .as("a drill without a recording").isEqualTo(404);
    }

    @Test
    void agentPageChartsScoresWithDatesAndThePassMarkAndEachTechniquesTrend() throws Exception {
        Document doc = Jsoup.parse(page("alice", "/agents/201"));
        assertThat(doc.select("h1").text()).isEqualTo("Alice (201)");
        // Oldest first; the running drill has no score yet, so two points.
        assertThat(doc.select("#score-chart circle.score-point title").eachText())
                .containsExactly("2026-11-20 10:00 UTC Charged twice for one order: 64", "2026-11-21 10:00 UTC The parcel never came: 35");
        assertThat(doc.select("#score-chart .time-label").eachText()).containsExactly("Nov 20", "Nov 21");
        assertThat(doc.select("#score-chart .axis").eachText()).contains("pass 70");
        assertThat(doc.select("#technique-trends figcaption").eachText()).anyMatch(t -> t.startsWith("T2 Don't interrupt"));
        assertThat(doc.select("#habits figcaption").eachText()).anyMatch(t -> t.startsWith("Dead air seconds"));
        Element newest = doc.selectFirst("#agent-drills tbody tr");
        assertThat(newest.attr("data-id")).isEqualTo("d-alice-3");
        Element first = doc.selectFirst("#agent-drills tr[data-id=d-alice-1]");
        assertThat(first.select(".hold").text()).isEqualTo("10.0 s");
        assertThat(first.select(".interruptions").text()).isEqualTo("1");
        assertThat(first.select(".dead-air").text()).isEqualTo("6.0 s");
    }

    private String page(String user, String path) throws Exception {
        HttpResponse<String> r = client.get(path, "Cookie", client.login(user, "pw-" + user).cookie());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }
}
