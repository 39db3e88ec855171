package callsim.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.app.report.ReportJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        assertThat(body).contains("You charged me twice! &lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt; &amp; fix it")
                .doesNotContain("<script>alert").doesNotContain("<b>before</b>")
                .contains("Announced &lt;b&gt;before&lt;/b&gt; the hold.");
        // The only script element is our own file.
        assertThat(count(body, "<script")).isEqualTo(1);
        assertThat(body).contains("<script src=\"/static/app.js\" defer=\"defer\"></script>");
    }

    @Test
    void showsTheTranscriptTimelineAngerCurvePlayerAndEvidence() throws Exception {
        String body = page("alice", "/drills/d-alice-1");
        assertThat(body).contains("<audio id=\"player\" controls=\"controls\" preload=\"metadata\" src=\"/drills/d-alice-1/recording.wav\">"
                + "<a href=\"/drills/d-alice-1/recording.wav\">Download the recording</a></audio>");
        assertThat(body).contains("<li class=\"turn caller\"><button type=\"button\" class=\"time\" data-at-ms=\"0\"",
                "<li class=\"turn agent\"><button type=\"button\" class=\"time\" data-at-ms=\"30500\"", ">00:30</button>");
        assertThat(body).contains("<svg id=\"anger-chart\"");
        assertThat(count(body, "class=\"anger-point\"")).isEqualTo(4);
        assertThat(body).contains("data-at-ms=\"9100\" data-value=\"62\"");
        assertThat(count(body, "class=\"seg hold announced\"")).isEqualTo(1);
        assertThat(count(body, "class=\"seg overtalk\"")).isEqualTo(1);
        assertThat(count(body, "class=\"seg dead-air\"")).isEqualTo(1);
        assertThat(body).contains("class=\"seg dead-air\" data-at-ms=\"40000\" data-end-ms=\"46000\"");
        assertThat(body).contains("<button type=\"button\" class=\"evidence\" data-at-ms=\"31000\" title=\"Play from 00:31\">"
                + "<span class=\"time\">00:31</span> interruption 1.0 s</button>");
        assertThat(body).contains("<ul id=\"advice\"><li>Let the caller finish before you answer.</li></ul>");
        assertThat(body).contains("<span class=\"status complete\" id=\"status\">complete</span>");
        assertThat(body).contains("href=\"/agents/201\"");
    }

    @Test
    void overrideIsShownBesideTheOriginalWithWhoWhenAndWhy() throws Exception {
        server.store.override("d-alice-1", "T2", 85, "The overlap was a backchannel <mm-hm>.", "sue");
        String body = page("alice", "/drills/d-alice-1");
        Matcher row = Pattern.compile("<tr id=\"t-T2\".*?</tr>", Pattern.DOTALL).matcher(body);
        assertThat(row.find()).isTrue();
        assertThat(row.group()).contains("<td class=\"score original overridden\">40</td>")
                .contains("<strong class=\"override-score\">85</strong> by <span class=\"override-by\">sue</span>")
                .contains("<time datetime=\"2026-11-24T09:00:00Z\">2026-11-24 09:00 UTC</time>")
                .contains("<q class=\"override-reason\">The overlap was a backchannel &lt;mm-hm&gt;.</q>");
        Matcher other = Pattern.compile("<tr id=\"t-T5\".*?</tr>", Pattern.DOTALL).matcher(body);
        assertThat(other.find()).isTrue();
        assertThat(other.group()).contains("<td class=\"score original\">100</td><td class=\"override\"></td>");
    }

    @Test
    void supervisorOverridesThroughTheFormAndSeesItOnThePage() throws Exception {
        WebClient.Login sue = client.login("sue", "pw-sue");
        HttpResponse<String> posted = client.post("/drills/d-alice-1/override",
                Map.of("csrf", sue.csrf(), "technique", "T9", "score", "60", "reason", "Hold ran long"), "Cookie", sue.cookie());
        assertThat(posted.statusCode()).isEqualTo(303);
        String body = client.get("/drills/d-alice-1", "Cookie", sue.cookie()).body();
        assertThat(body).contains("<strong class=\"override-score\">60</strong>", "Hold ran long");
        assertThat(count(body, "class=\"override-form\"")).isEqualTo(3);
    }

    @Test
    void apiGivesTheReportFieldsPlusOverrides() throws Exception {
        server.store.override("d-alice-1", "T2", 85, "backchannel", "sue");
        String token = server.auth.issueApiToken(server.alice);
        JsonNode json = ReportJson.MAPPER.readTree(client.get("/api/drills/d-alice-1", "Authorization", "Bearer " + token).body());
        // As report.json would read back (numbers re-parsed, so long/int node types compare equal).
        JsonNode stored = ReportJson.MAPPER.readTree(ReportJson.MAPPER.writeValueAsString(server.store.report("d-alice-1").orElseThrow()));
        stored.fieldNames().forEachRemaining(field -> assertThat(json.get(field)).as(field).isEqualTo(stored.get(field)));
        assertThat(json.path("overrides")).hasSize(1);
        JsonNode o = json.path("overrides").get(0);
        assertThat(o.path("techniqueId").asText()).isEqualTo("T2");
        assertThat(o.path("score").asInt()).isEqualTo(85);
        assertThat(o.path("overriddenBy").asText()).isEqualTo("sue");
        assertThat(o.path("overriddenAt").asText()).isEqualTo("2026-11-24T09:00:00Z");
        assertThat(o.path("reason").asText()).isEqualTo("backchannel");
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
        assertThat(part.body()).hasSize(56);
        HttpResponse<byte[]> tail = client.getBytes("/drills/d-alice-1/recording.wav", "Cookie", cookie, "Range", "bytes=-10");
        assertThat(tail.headers().firstValue("Content-Range")).contains("bytes " + (wav.length - 10) + "-" + (wav.length - 1) + "/" + wav.length);
        HttpResponse<byte[]> beyond = client.getBytes("/drills/d-alice-1/recording.wav", "Cookie", cookie, "Range", "bytes=999999999-");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(client.getBytes("/drills/d-alice-2/recording.wav", "Cookie", cookie).statusCode())
                .as("a drill without a recording").isEqualTo(404);
    }

    @Test
    void agentPageChartsScoresAndListsMetricsPerDrill() throws Exception {
        String body = page("alice", "/agents/201");
        assertThat(body).contains("<svg id=\"score-chart\"");
        // Oldest first; the running drill has no score yet, so two points.
        assertThat(count(body, "class=\"score-point\"")).isEqualTo(2);
        assertThat(body.indexOf("data-id=\"d-alice-1\" data-score=\"64\"")).isLessThan(body.indexOf("data-id=\"d-alice-2\" data-score=\"35\""));
        assertThat(body).contains("<td class=\"hold\">10.0 s</td>", "<td class=\"interruptions\">1</td>", "<td class=\"dead-air\">6.0 s</td>");
    }

    private String page(String user, String path) throws Exception {
        HttpResponse<String> r = client.get(path, "Cookie", client.login(user, "pw-" + user).cookie());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
        return n;
    }
}
