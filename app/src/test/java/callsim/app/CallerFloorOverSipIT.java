package callsim.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import callsim.app.demo.ScriptedAgent;
import callsim.app.demo.ScriptedAgent.Step;
import callsim.telephony.DialledCall;
import callsim.telephony.SipDialer;
import callsim.telephony.SipEndpointConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Who has the floor, on the phone path: a furious caller barges into a monologue, a calmer one yields. */
@ExtendWith(SharedCallsim.class)
class CallerFloorOverSipIT {
    private static final String MONOLOGUE = "Let me explain how our billing cycle works. Every month the system takes "
            + "the payment on the third, then it sends an email with the statement, then the statement shows the "
            + "payment on the next cycle, and the bank may show a pending payment for a few days as well.";

    private JsonNode drill(CallsimServer server, String dialled, List<Step> script) throws Exception {
        CompletableFuture<String> finished = new CompletableFuture<>();
        server.drills().onDrillFinished(finished::complete);
        ScriptedAgent agent = new ScriptedAgent(server.speech().voice(), script);
        try (SipDialer dialer = SipDialer.start(SipEndpointConfig.loopback())) {
            DialledCall call = dialer.dial("sip:" + dialled + "@127.0.0.1:" + server.sipPort(), agent, Duration.ofSeconds(10));
            agent.attach(call);
            server.mediaClock().add(agent);
            String id = finished.get(3, TimeUnit.MINUTES);
            return await().atMost(Duration.ofSeconds(10)).until(() -> server.store().reportJson(id),
                    r -> r.isPresent() && r.get().path("complete").asBoolean()).orElseThrow();
        }
    }

    @Test
    void aFuriousCallerBargesIntoALongMonologue(CallsimServer server) throws Exception {
        JsonNode report = drill(server, "double-charge-hard", List.of(new Step.Say(MONOLOGUE), new Step.HangUp()));

        assertThat(report.path("difficulty").asText()).isEqualTo("hard");
        assertThat(report.path("metrics").path("callerInterruptions").asInt()).as("caller barge-ins").isGreaterThanOrEqualTo(1);
        long bargeIn = report.path("metrics").path("evidence").path("callerInterruptionsAtMs").get(0).asLong();
        // The monologue as the line heard it (voice activity), not as recognised: under load its words may
        // come too late for the report, but the barge-in is about timing.
        DrillEventLog events = new DrillEventLog(server, report.path("id").asText());
        long agentFrom = events.ofType("AgentSpeechStarted").get(0).path("atMs").asLong();
        List<JsonNode> stops = events.ofType("AgentSpeechStopped");
        long agentTo = stops.get(stops.size() - 1).path("atMs").asLong();
        assertThat(bargeIn).as("the caller starts while the agent is still talking").isBetween(agentFrom, agentTo);
    }

    @Test
    void aCalmerCallerYieldsWhenTheAgentTalksOverThem(CallsimServer server) throws Exception {
        JsonNode report = drill(server, "double-charge-easy", List.of(
                new Step.Interrupt(3000, "Sorry, can I just get your account number before you go on?"),
                new Step.HangUp()));

        assertThat(report.path("difficulty").asText()).isEqualTo("easy");
        assertThat(report.path("metrics").path("agentInterruptions").asInt()).isEqualTo(1);
        JsonNode opening = report.path("transcript").get(0);
        assertThat(opening.path("speaker").asText()).isEqualTo("caller");
        assertThat(opening.path("endMs").asLong()).as("the opening was cut where the caller yielded, not played out")
                .isLessThan(8000);
    }
}
