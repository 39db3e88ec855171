package callsim.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import callsim.app.demo.ScriptedAgent;
import callsim.telephony.DialledCall;
import callsim.telephony.LineListener;
import callsim.telephony.SipDialer;
import callsim.telephony.SipEndpointConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An agent who argues until the caller hangs up: the caller's exit, then the spoken debrief, skippable by a key. */
@ExtendWith(SharedCallsim.class)
class CallerEndsDrillIT {
    private static final List<ScriptedAgent.Step> ARGUING = List.of(
            new ScriptedAgent.Step.Say("Calm down. You need to calm down."),
            new ScriptedAgent.Step.Say("That is not my fault. You should have checked your bill."),
            new ScriptedAgent.Step.Say("Calm down and listen to me."),
            new ScriptedAgent.Step.Say("That is not my problem. Calm down."),
            new ScriptedAgent.Step.Say("You need to calm down."),
            new ScriptedAgent.Step.Say("That is not my fault."));

    @Test
    void aCallerWhoHasHadEnoughHangsUpAfterADebriefThatAKeySkips(CallsimServer server) throws Exception {
        CompletableFuture<String> started = new CompletableFuture<>();
        server.drills().onDrillStarted(started::complete);
        ScriptedAgent agent = new ScriptedAgent(server.speech().voice(), ARGUING);
        AtomicInteger loudFrames = new AtomicInteger();
        LineListener listening = new LineListener() {
            @Override public void onAudio(short[] frame) {
                long energy = 0;
                for (short s : frame) energy += (long) s * s;
                if (Math.sqrt(energy / (double) frame.length) > 500) loudFrames.incrementAndGet();
                agent.onAudio(frame);
            }
            @Override public void onHold() {}
            @Override public void onResume() {}
            @Override public void onDtmf(char digit) {}
            @Override public void onHangUp(String reason) { agent.onHangUp(reason); }
        };
        try (SipDialer dialer = SipDialer.start(SipEndpointConfig.loopback())) {
            DialledCall call = dialer.dial("sip:7000@127.0.0.1:" + server.sipPort(), listening, Duration.ofSeconds(10));
            agent.attach(call);
            server.mediaClock().add(agent);
            String id = started.get(10, TimeUnit.SECONDS);
            DrillEventLog events = new DrillEventLog(server, id);

            // The caller decides to hang up, says their last words, then the debrief starts.
            await().atMost(Duration.ofMinutes(3)).until(() -> events.count("CallerHangUp") == 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> events.callerSpokeSince("CallerHangUp")
                    || events.count("CallerSpeechEnded") == events.count("CallerSpeechStarted"));
            int beforeDebrief = loudFrames.get();
            await().atMost(Duration.ofSeconds(10)).until(() -> loudFrames.get() > beforeDebrief + 25);
            assertThat(agent.ended()).isNotDone();

            long keyAt = System.nanoTime();
            call.sendDtmf('5');
            agent.ended().get(3, TimeUnit.SECONDS);
            assertThat((System.nanoTime() - keyAt) / 1e9).as("seconds from the key to the hang-up").isLessThan(2.0);

            JsonNode report = await().atMost(Duration.ofSeconds(10)).until(() -> server.store().reportJson(id),
                    r -> r.isPresent() && r.get().path("complete").asBoolean()).orElseThrow();
            assertThat(report.path("outcome").asText()).isEqualTo("caller_hung_up");
            JsonNode transcript = report.path("transcript");
            long lastCallerLineEnd = 0;
            for (JsonNode line : transcript) {
                if (line.path("speaker").asText().equals("caller")) lastCallerLineEnd = line.path("endMs").asLong();
            }
            assertThat(report.path("durationMs").asLong()).as("the debrief is not part of the drill")
                    .isLessThanOrEqualTo(lastCallerLineEnd + 1000);
        }
    }
}
