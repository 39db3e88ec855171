package callsim.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import callsim.app.demo.ScriptedAgent;
import callsim.telephony.DialledCall;
import callsim.telephony.SipDialer;
import callsim.telephony.SipEndpointConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Whole drills over loopback SIP against the real pipeline: real TTS, VAD, Sphinx4 and RTP. */
@ExtendWith(SharedCallsim.class)
class DrillOverSipIT {

    private static JsonNode finalReport(CallsimServer server, String id) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> server.store().reportJson(id),
                r -> r.isPresent() && r.get().path("complete").asBoolean()).orElseThrow();
    }

    @Test
    void theScriptedAgentsDrillIsMeasuredAndReported(CallsimServer server) throws Exception {
        CompletableFuture<String> drillId = new CompletableFuture<>();
        server.drills().onDrillFinished(drillId::complete);
        ScriptedAgent agent = new ScriptedAgent(server.speech().voice(), ScriptedAgent.DEFAULT_SCRIPT);
        try (SipDialer dialer = SipDialer.start(SipEndpointConfig.loopback())) {
            DialledCall call = dialer.dial("sip:7000@127.0.0.1:" + server.sipPort(), agent, Duration.ofSeconds(10));
            agent.attach(call);
            server.mediaClock().add(agent);
            String id = drillId.get(4, TimeUnit.MINUTES);
            JsonNode report = finalReport(server, id);

            JsonNode m = report.path("metrics");
            assertThat(m.path("holdCount").asInt()).as("holds in %s", report).isEqualTo(1);
            assertThat(m.path("holdSeconds").asDouble()).isCloseTo(4.0, org.assertj.core.data.Offset.offset(0.5));
            assertThat(report.path("metrics").path("evidence").path("holds").get(0).path("announced").asBoolean())
                    .as("the script asks before holding").isTrue();
            assertThat(m.path("callerTalkSeconds").asDouble()).isGreaterThan(5);
            assertThat(m.path("agentTalkSeconds").asDouble()).isGreaterThan(5);
            assertThat(m.path("callerResponseLatencyMs").path("count").asInt()).isGreaterThan(0);

            List<String> agentWords = new ArrayList<>();
            int callerLines = 0;
            for (JsonNode line : report.path("transcript")) {
                if (line.path("speaker").asText().equals("agent")) agentWords.add(line.path("text").asText());
                else callerLines++;
            }
            assertThat(callerLines).isGreaterThanOrEqualTo(3);
            assertThat(String.join(" ", agentWords)).containsAnyOf("sorry", "refund", "hold", "charge");

            List<Integer> anger = new ArrayList<>();
            report.path("anger").forEach(p -> anger.add(p.path("value").asInt()));
            assertThat(anger.get(anger.size() - 1)).as("anger curve %s", anger).isLessThan(anger.get(0));
            assertThat(Files.size(server.store().drillDir(id).resolve("recording.wav"))).isGreaterThan(44 + 8000 * 4 * 10);

            // Then the recording is transcribed again and the drill rescored from it; the caller's side stays as it was.
            JsonNode rescored = await().atMost(Duration.ofMinutes(3)).until(() -> server.store().reportJson(id),
                    r -> r.isPresent() && !r.get().path("postCall").path("status").asText().equals("pending")).orElseThrow();
            assertThat(rescored.path("postCall").path("status").asText()).as("post-call pass %s", rescored.path("postCall"))
                    .isEqualTo("done");
            assertThat(rescored.path("anger")).isEqualTo(report.path("anger"));
            assertThat(rescored.path("outcome")).isEqualTo(report.path("outcome"));
            if (report.path("postCall").path("status").asText().equals("pending")) {
                assertThat(rescored.path("postCall").path("liveScore").path("total")).as("the live score is kept")
                        .isEqualTo(report.path("score").path("total"));
            }
            for (JsonNode line : rescored.path("transcript")) {
                assertThat(line.has("heard")).as("what the caller heard is kept for agent turns: %s", line)
                        .isEqualTo(line.path("speaker").asText().equals("agent"));
            }
        }
    }

    @Test
    void anAgentWhoHangsUpMidUtteranceLeavesACompleteReportAndTheEndpointServesOn(CallsimServer server) throws Exception {
        CompletableFuture<String> drillId = new CompletableFuture<>();
        server.drills().onDrillFinished(drillId::complete);
        CompletableFuture<String> started = new CompletableFuture<>();
        server.drills().onDrillStarted(started::complete);
        CompletableFuture<String> ended = new CompletableFuture<>();
        try (SipDialer dialer = SipDialer.start(SipEndpointConfig.loopback())) {
            DialledCall call = dialer.dial("sip:7000@127.0.0.1:" + server.sipPort(), new QuietAgent(ended), Duration.ofSeconds(10));
            // Hang up once the caller's opening is under way.
            String startedId = started.get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> eventLogMentions(server, startedId, "CallerSpeechStarted"));
            await().pollDelay(Duration.ofMillis(700)).until(() -> true);  // well into the utterance
            call.hangUp();
            String id = drillId.get(30, TimeUnit.SECONDS);
            assertThat(id).isEqualTo(startedId);
            assertThat(ended.get(5, TimeUnit.SECONDS)).isNotBlank();
            JsonNode report = finalReport(server, id);
            JsonNode opening = report.path("transcript").get(0);
            assertThat(opening.path("speaker").asText()).isEqualTo("caller");
            assertThat(opening.path("text").asText()).isNotBlank();
            assertThat(opening.path("endMs").asLong()).isBetween(500L, 3000L);
            assertThat(report.path("outcome").asText()).isEqualTo("agent_ended");
        }
        assertThat(server.drills().activeDrills()).isZero();
    }

    @Test
    void twoCallsAtOnceAreTwoIndependentDrills(CallsimServer server) throws Exception {
        java.util.Set<String> finished = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.Set<String> started = java.util.concurrent.ConcurrentHashMap.newKeySet();
        server.drills().onDrillStarted(started::add);
        server.drills().onDrillFinished(finished::add);
        HearingAgent first = new HearingAgent();
        HearingAgent second = new HearingAgent();
        try (SipDialer dialer = SipDialer.start(SipEndpointConfig.loopback())) {
            String uri = "sip:7000@127.0.0.1:" + server.sipPort();
            DialledCall one = dialer.dial(uri, first, Duration.ofSeconds(10));
            DialledCall two = dialer.dial(uri, second, Duration.ofSeconds(10));
            // Both agents hear their own caller's opening.
            await().atMost(Duration.ofSeconds(15)).until(() -> first.loudFrames() > 50 && second.loudFrames() > 50);
            assertThat(started).hasSize(2);
            two.hangUp();
            await().atMost(Duration.ofSeconds(10)).until(() -> finished.size() == 1);
            int heardBefore = first.loudFrames();
            await().atMost(Duration.ofSeconds(10)).until(() -> first.loudFrames() > heardBefore + 25);  // the first call goes on
            one.hangUp();
            await().atMost(Duration.ofSeconds(10)).until(() -> finished.size() == 2);
        }
        assertThat(finished).containsExactlyInAnyOrderElementsOf(started);
        for (String id : finished) assertThat(finalReport(server, id).path("transcript").size()).isPositive();
    }

    /** An agent who listens only: counts the frames of caller speech it hears. */
    static final class HearingAgent implements callsim.telephony.LineListener {
        private final java.util.concurrent.atomic.AtomicInteger loud = new java.util.concurrent.atomic.AtomicInteger();

        int loudFrames() {
            return loud.get();
        }

        @Override
        public void onAudio(short[] frame) {
            long energy = 0;
            for (short s : frame) energy += (long) s * s;
            if (Math.sqrt(energy / (double) frame.length) > 500) loud.incrementAndGet();
        }

        @Override public void onHold() {}
        @Override public void onResume() {}
        @Override public void onDtmf(char digit) {}
        @Override public void onHangUp(String reason) {}
    }

    private static boolean eventLogMentions(CallsimServer server, String id, String type) throws java.io.IOException {
        java.nio.file.Path events = server.store().drillDir(id).resolve("events.jsonl");
        return Files.exists(events) && Files.readString(events).contains(type);
    }

    /** An agent who says nothing: for tests about the line itself. */
    static final class QuietAgent implements callsim.telephony.LineListener {
        private final CompletableFuture<String> ended;

        QuietAgent(CompletableFuture<String> ended) {
            this.ended = ended;
        }

        @Override public void onAudio(short[] frame) {}
        @Override public void onHold() {}
        @Override public void onResume() {}
        @Override public void onDtmf(char digit) {}
        @Override public void onHangUp(String reason) { ended.complete(reason); }
    }
}
