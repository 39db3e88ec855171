package callsim.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.core.AngerPoint;
import callsim.core.Difficulty;
import callsim.core.Evidence;
import callsim.core.DrillRecord;
import callsim.core.HoldRecord;
import callsim.core.LineMetrics;
import callsim.core.Outcome;
import callsim.core.Scorecard;
import callsim.core.Span;
import callsim.core.Speaker;
import callsim.core.TechniqueScore;
import callsim.core.TranscriptEntry;
import callsim.review.report.DrillReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJsonTest {
    static DrillRecord sampleRecord() {
        LineMetrics metrics = new LineMetrics(
                List.of(new HoldRecord(10_000, 15_200, true), new HoldRecord(30_000, 31_000, false)),
                List.of(2_500L), List.of(),
                List.of(new Span(2_500, 3_700)),
                List.of(new Span(40_000, 46_000)),
                List.of(new Span(2_500, 3_700), new Span(6_000, 9_000)),
                List.of(new Span(0, 5_000), new Span(9_600, 12_000)),
                List.of(400L, 600L, 900L));
        return new DrillRecord("double-charge", Difficulty.NORMAL, 42, Outcome.RESOLVED, "remedy accepted", 50_000,
                List.of(new TranscriptEntry(Speaker.CALLER, 0, 5_000, "You charged me twice!"),
                        new TranscriptEntry(Speaker.AGENT, 6_000, 9_000, "i am so sorry")),
                List.of(new AngerPoint(0, 75), new AngerPoint(9_100, 62)),
                metrics, sampleScore());
    }

    static Scorecard sampleScore() {
        return new Scorecard(64, 70, false, Outcome.RESOLVED, "Resolved, but the caller was talked over.",
                List.of(new TechniqueScore("T2", "Don't interrupt", true, 40,
                                List.of(new Evidence(2_500, "interruption", "", 1.2, "You talked over the opening."))),
                        new TechniqueScore("T5", "Apologise specifically", true, 100,
                                List.of(new Evidence(6_000, "specific-apology", "i am so sorry", Evidence.NOT_MEASURED, "")))),
                List.of("Let the caller finish their opening before you answer."));
    }

    @Test
    void carriesTheFieldsTheIssueNamesWithSecondsDerivedFromEvidence() {
        DrillInfo info = new DrillInfo("20261122-183012-3fa1", "sip:201@127.0.0.1", "7000", "sip",
                Instant.parse("2026-11-22T18:30:12Z"));
        JsonNode json = callsim.review.report.ReportMapper.tree(ReportJson.build(info, sampleRecord(), Instant.parse("2026-11-22T18:31:02Z"), true));

        assertThat(json.path("id").asText()).isEqualTo("20261122-183012-3fa1");
        assertThat(json.path("scenario").asText()).isEqualTo("double-charge");
        assertThat(json.path("startedAt").asText()).isEqualTo("2026-11-22T18:30:12Z");
        assertThat(json.path("endedAt").asText()).isEqualTo("2026-11-22T18:31:02Z");
        assertThat(json.path("outcome").asText()).isEqualTo("resolved");
        JsonNode m = json.path("metrics");
        assertThat(m.path("holdCount").asInt()).isEqualTo(2);
        assertThat(m.path("holdSeconds").asDouble()).isEqualTo(6.2);
        assertThat(m.path("longestHoldSeconds").asDouble()).isEqualTo(5.2);
        assertThat(m.path("agentInterruptions").asInt()).isEqualTo(1);
        assertThat(m.path("callerInterruptions").asInt()).isZero();
        assertThat(m.path("overtalkSeconds").asDouble()).isEqualTo(1.2);
        assertThat(m.path("deadAirSeconds").asDouble()).isEqualTo(6.0);
        assertThat(m.path("agentTalkSeconds").asDouble()).isEqualTo(4.2);
        assertThat(m.path("callerTalkSeconds").asDouble()).isEqualTo(7.4);
        assertThat(m.path("callerResponseLatencyMs").path("p50").asLong()).isEqualTo(600);
        assertThat(m.path("callerResponseLatencyMs").path("p95").asLong()).isEqualTo(900);
        assertThat(json.path("anger").get(1).path("atMs").asLong()).isEqualTo(9_100);
        assertThat(json.path("anger").get(1).path("value").asInt()).isEqualTo(62);
        JsonNode line = json.path("transcript").get(1);
        assertThat(line.path("speaker").asText()).isEqualTo("agent");
        assertThat(line.path("startMs").asLong()).isEqualTo(6_000);
        assertThat(line.path("endMs").asLong()).isEqualTo(9_000);
        assertThat(line.path("text").asText()).isEqualTo("i am so sorry");

        JsonNode score = json.path("score");
        assertThat(score.path("total").asInt()).isEqualTo(64);
        assertThat(score.path("passed").asBoolean()).isFalse();
        JsonNode t2 = score.path("techniques").get(0);
        assertThat(t2.path("id").asText()).isEqualTo("T2");
        assertThat(t2.path("name").asText()).isEqualTo("Don't interrupt");
        assertThat(t2.path("score").asInt()).isEqualTo(40);
        assertThat(t2.path("evidence").get(0).path("atMs").asLong()).isEqualTo(2_500);
        assertThat(t2.path("evidence").get(0).path("seconds").asDouble()).isEqualTo(1.2);
        JsonNode apology = score.path("techniques").get(1).path("evidence").get(0);
        assertThat(apology.path("words").asText()).isEqualTo("i am so sorry");
        assertThat(apology.has("seconds")).as("no measurement, no seconds").isFalse();
        assertThat(score.path("advice").get(0).asText()).startsWith("Let the caller finish");
    }

    @Test
    void aDrillWithNoRepliesHasNoLatencyRatherThanAZero() {
        DrillRecord r = sampleRecord();
        DrillRecord none = new DrillRecord(r.scenarioId(), r.difficulty(), r.seed(), Outcome.IN_PROGRESS, "", 0,
                List.of(), List.of(), new LineMetrics(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()),
                sampleScore());
        JsonNode json = callsim.review.report.ReportMapper.tree(ReportJson.build(new DrillInfo("x", "a", "7000", "sip", Instant.EPOCH), none, null, false));
        assertThat(json.path("metrics").path("callerResponseLatencyMs").path("p50").isNull()).isTrue();
        assertThat(json.path("endedAt").isNull()).isTrue();
        assertThat(json.path("complete").asBoolean()).isFalse();
    }

    @Test
    void theStoreFindsTheLatestDrillAndRefusesPathTricks(@TempDir Path data) throws Exception {
        ReportStore store = new ReportStore(data);
        for (String id : List.of("20261122-100000-aaaa", "20261122-110000-bbbb")) {
            Files.createDirectories(store.drillDir(id));
            ReportJson.MAPPER.writeValue(store.drillDir(id).resolve("report.json").toFile(),
                    ReportJson.build(new DrillInfo(id, "a", "7000", "sip", Instant.EPOCH), sampleRecord(), null, false));
        }
        Files.createDirectories(data.resolve("drills/20261122-120000-empty"));  // no report yet: not listed

        assertThat(store.lastId()).contains("20261122-110000-bbbb");
        assertThat(store.report("20261122-100000-aaaa")).isPresent();
        assertThat(store.report("nope")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.drillDir("../../etc"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnfinishedReportIsInProgressWhileTheDrillKeepsItUpToDateAndPartialOnceItStops(@TempDir Path data) throws Exception {
        ReportStore store = new ReportStore(data);
        String id = "20261122-100000-aaaa";
        Path dir = Files.createDirectories(store.drillDir(id));
        DrillReport running = ReportJson.build(new DrillInfo(id, "a", "7000", "sip", Instant.EPOCH), sampleRecord(), null, false);
        Files.writeString(dir.resolve("report.json"), ReportJson.MAPPER.writeValueAsString(running));
        Instant written = Files.getLastModifiedTime(dir.resolve("report.json")).toInstant();

        assertThat(store.stillRunning(id, written.plusSeconds(5))).isTrue();
        assertThat(TextReport.format(running, true)).contains("IN PROGRESS").doesNotContain("did not finish cleanly");
        assertThat(store.stillRunning(id, written.plusSeconds(60))).as("a drill that stopped writing crashed").isFalse();
        assertThat(TextReport.format(running, false)).contains("PARTIAL: the drill did not finish cleanly");
    }

    @Test
    void theTextReportShowsOutcomeMetricsAndTranscript() {
        JsonNode json = callsim.review.report.ReportMapper.tree(ReportJson.build(new DrillInfo("d1", "sip:201@h", "7000", "sip", Instant.EPOCH), sampleRecord(), Instant.EPOCH, true));
        String text = TextReport.format(callsim.review.report.ReportMapper.read(json));
        assertThat(text).contains("Outcome: resolved").contains("hold: 2, 6.2 s").contains("You charged me twice!")
                .contains("caller response latency: p50 600 ms, p95 900 ms")
                .contains("Score: 64/100, NOT PASSED (pass mark 70)").contains("* Let the caller finish");
    }

    @Test
    void aPhoneDrillsFinalReportIsProvisionalUntilItsPostCallPass() {
        DrillReport awaiting = ReportJson.awaitingPostCall(new DrillInfo("d1", "sip:201@h", "7000", "sip", Instant.EPOCH), sampleRecord(),
                Instant.EPOCH, true);
        JsonNode json = callsim.review.report.ReportMapper.tree(awaiting);

        assertThat(json.path("postCall").path("status").asText()).isEqualTo("pending");
        assertThat(json.path("postCall").path("liveScore").path("total").asInt()).isEqualTo(64);
        assertThat(awaiting.scoreProvisional()).isTrue();
        assertThat(TextReport.format(awaiting)).contains("PROVISIONAL");
        assertThat(callsim.review.report.ReportMapper.tree(ReportJson.build(new DrillInfo("d1", "a", "7000", "sip", Instant.EPOCH),
                sampleRecord(), Instant.EPOCH, true)).has("postCall")).as("a text drill has no post-call pass").isFalse();
    }

    @Test
    void afterThePostCallPassEachAgentTurnKeepsWhatTheCallerHeard() {
        DrillReport live = ReportJson.build(new DrillInfo("d1", "a", "7000", "sip", Instant.EPOCH), sampleRecord(), Instant.EPOCH, true);
        DrillRecord post = sampleRecord();
        post = new DrillRecord(post.scenarioId(), post.difficulty(), post.seed(), post.outcome(), post.outcomeReason(), post.durationMs(),
                List.of(post.transcript().get(0), new TranscriptEntry(Speaker.AGENT, 6_000, 9_000, "i am so sorry you were charged twice")),
                post.anger(), post.metrics(), post.score());

        DrillReport after = ReportJson.afterCall(new DrillInfo("d1", "a", "7000", "sip", Instant.EPOCH), post, Instant.EPOCH, true,
                java.util.Map.of(6_000L, "i am so sorry"), live.score());

        assertThat(after.transcript().get(1).text()).isEqualTo("i am so sorry you were charged twice");
        assertThat(after.transcript().get(1).heard()).isEqualTo("i am so sorry");
        assertThat(after.transcript().get(0).heard()).as("the caller's own lines").isNull();
        assertThat(after.postCall().status()).isEqualTo(DrillReport.PostCall.Status.DONE);
        assertThat(TextReport.format(after)).contains("heard  i am so sorry").contains("scored from the post-call transcript");
    }
}
