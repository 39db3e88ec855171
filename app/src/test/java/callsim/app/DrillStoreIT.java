package callsim.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import callsim.app.demo.ScriptedAgent;
import callsim.review.store.DrillFilter;
import callsim.review.store.DrillRow;
import callsim.review.store.DrillStatus;
import callsim.telephony.DialledCall;
import callsim.telephony.SipDialer;
import callsim.telephony.SipEndpointConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A drill over SIP ends up in the server's (embedded) review database exactly as its directory has it. */
@ExtendWith(SharedCallsim.class)
class DrillStoreIT {
    @Test
    void aFinishedDrillIsInTheDatabaseAsItsDirectoryHasIt(CallsimServer server) throws Exception {
        CompletableFuture<String> finished = new CompletableFuture<>();
        server.drills().onDrillFinished(finished::complete);
        ScriptedAgent agent = new ScriptedAgent(server.speech().voice(), List.of(
                new ScriptedAgent.Step.Say("I am so sorry you were charged twice. I will refund the duplicate charge today."),
                new ScriptedAgent.Step.HangUp()));
        try (SipDialer dialer = SipDialer.start(SipEndpointConfig.loopback())) {
            DialledCall call = dialer.dial("sip:7000@127.0.0.1:" + server.sipPort(), agent, Duration.ofSeconds(10));
            agent.attach(call);
            server.mediaClock().add(agent);
            String id = finished.get(3, TimeUnit.MINUTES);
            Path dir = server.store().drillDir(id);

            DrillRow row = await().atMost(Duration.ofSeconds(20)).until(() -> server.drillStore().row(id),
                    r -> r.isPresent() && r.get().status() == DrillStatus.COMPLETE).orElseThrow();
            assertThat(server.database().embedded()).isTrue();
            assertThat(server.drillStore().list(DrillFilter.all(), 0, 100).items()).extracting(DrillRow::id).contains(id);
            ObjectMapper json = new ObjectMapper();
            assertThat(server.drillStore().report(id).orElseThrow()).isEqualTo(callsim.review.report.ReportMapper.read(dir.resolve("report.json")));
            assertThat(row.outcome()).contains("agent_ended");
            byte[] file = Files.readAllBytes(dir.resolve("recording.wav"));
            byte[] wav = server.drillStore().recordingWav(id).orElseThrow();
            assertThat(file.length).isGreaterThan(44 + 8000 * 4);
            assertThat(Arrays.copyOfRange(wav, 44, wav.length)).isEqualTo(Arrays.copyOfRange(file, 44, file.length));
        }
    }
}
