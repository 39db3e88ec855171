package callsim.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import callsim.speech.VoiceStyle;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A drill behind Asterisk: the call's audio arrives over AudioSocket, framed as Asterisk frames it. */
@ExtendWith(SharedCallsim.class)
class AudioSocketDrillIT {

    @Test
    void aCallOverAudioSocketRunsTheSameDrill(CallsimServer server) throws Exception {
        short[] agentLine = server.speech().voice().speak8k(
                "I am sorry you were charged twice. I understand how you feel.", new VoiceStyle(155, 125, 12, 1.0f));
        CompletableFuture<String> started = new CompletableFuture<>();
        CompletableFuture<String> finished = new CompletableFuture<>();
        server.drills().onDrillStarted(started::complete);
        server.drills().onDrillFinished(finished::complete);
        UUID uuid = UUID.randomUUID();
        int loudFramesHeard;

        try (AudioSocketPeer asterisk = AudioSocketPeer.call(server.audioSocketPort(), uuid)) {
            String id = started.get(10, TimeUnit.SECONDS);
            DrillEventLog events = new DrillEventLog(server, id);
            await().atMost(Duration.ofSeconds(40)).until(() -> events.callerDone(0) && events.count("CallerSpeechEnded") >= 1);
            asterisk.say(agentLine);
            await().atMost(Duration.ofSeconds(40)).until(() -> events.callerDone(1));
            asterisk.hangUp();
            assertThat(finished.get(20, TimeUnit.SECONDS)).isEqualTo(id);
            loudFramesHeard = asterisk.loudFramesHeard();
        }

        JsonNode report = await().atMost(Duration.ofSeconds(10)).until(() -> server.store().reportJson(finishedId(finished)),
                r -> r.isPresent() && r.get().path("complete").asBoolean()).orElseThrow();
        assertThat(report.path("line").asText()).isEqualTo("audiosocket");
        assertThat(report.path("agent").asText()).startsWith("audiosocket:");
        assertThat(loudFramesHeard).as("frames of caller speech sent back to Asterisk").isGreaterThan(250);
        JsonNode agentTurn = null;
        for (JsonNode line : report.path("transcript")) if (line.path("speaker").asText().equals("agent")) agentTurn = line;
        assertThat(agentTurn).as("the agent's turn in %s", report.path("transcript")).isNotNull();
        assertThat(agentTurn.path("text").asText()).containsAnyOf("sorry", "charged", "understand", "feel");
        assertThat(report.path("outcome").asText()).isEqualTo("agent_ended");
    }

    private static String finishedId(CompletableFuture<String> finished) {
        return finished.join();
    }
}
