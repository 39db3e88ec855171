package callsim.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import callsim.testkit.asterisk.FakeFastAgiClient;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Drills placed the way a desk phone behind Asterisk places them: FastAGI training extension, then AudioSocket. */
final class TrainingCallDriver {
    private TrainingCallDriver() {}

    /** A short drill over the training extension, from a phone whose caller id is {@code extension}. */
    static String shortDrill(CallsimServer server, String extension) throws Exception {
        CompletableFuture<String> started = new CompletableFuture<>();
        CompletableFuture<String> finished = new CompletableFuture<>();
        server.drills().onDrillStarted(started::complete);
        server.drills().onDrillFinished(finished::complete);
        try (FakeFastAgiClient agi = FakeFastAgiClient.builder("agi://127.0.0.1:" + server.agiPort() + "/drill?scenario=double-charge")
                .channel("PJSIP/" + extension + "-00000021").uniqueId("1763800000.21").callerId(extension, "Agent " + extension)
                .holdExec("AudioSocket").connect()) {
            String data = agi.awaitCommand("EXEC", Duration.ofSeconds(10)).arguments().get(1).replace("\"", "");
            try (AudioSocketPeer media = AudioSocketPeer.call(server.audioSocketPort(), UUID.fromString(data.split(",")[0]))) {
                String id = started.get(10, TimeUnit.SECONDS);
                DrillEventLog events = new DrillEventLog(server, id);
                await().atMost(Duration.ofSeconds(40)).until(() -> events.callerDone(0));
                media.hangUp();
                assertThat(finished.get(20, TimeUnit.SECONDS)).isEqualTo(id);
            }
            agi.releaseExec();
            return finished.join();
        }
    }
}
