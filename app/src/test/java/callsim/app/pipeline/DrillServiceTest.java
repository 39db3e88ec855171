package callsim.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.app.report.ReportStore;
import callsim.core.Difficulty;
import callsim.scenarios.ScenarioLibrary;
import callsim.speech.CallerVoice;
import callsim.speech.TurnDetector;
import callsim.telephony.CallLine;
import callsim.telephony.LineListener;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A graceful stop: after the calls are hung up, {@link DrillService#awaitEnded} lets their drills end and be written. */
class DrillServiceTest {
    private static CallerVoice voice;
    private final MediaClock mediaClock = new MediaClock();
    @TempDir
    Path dataDir;

    @BeforeAll
    static void loadVoice() {
        voice = CallerVoice.load();
    }

    @AfterEach
    void stopClock() {
        mediaClock.close();
    }

    @Test
    void aHungUpDrillHasEndedWithItsJournalOnDiskWhenAwaitEndedReturns() throws Exception {
        ReportStore store = new ReportStore(dataDir);
        ScenarioLibrary library = ScenarioLibrary.builtIn();
        DrillService service = new DrillService(new DrillService.Settings(
                new DialPlan(library, library.defaultScenario(), Difficulty.NORMAL), 7L, TurnDetector.Settings.defaults()),
                new SpeechServices(voice, null),  // the agent never speaks: no recogniser is needed
                store, mediaClock, Clock.systemUTC());
        List<String> started = new CopyOnWriteArrayList<>();
        service.onDrillStarted(started::add);

        LineListener drill = service.callStarted(new SilentLine());
        assertThat(service.awaitEnded(Duration.ofMillis(300))).as("a drill still on the line").isFalse();

        drill.onHangUp("endpoint closed");
        assertThat(service.awaitEnded(Duration.ofSeconds(10))).isTrue();

        assertThat(service.activeDrills()).isZero();
        Path dir = store.drillDir(started.get(0));
        assertThat(new ObjectMapper().readTree(dir.resolve("report.json").toFile()).path("complete").asBoolean())
                .as("final report written").isTrue();
        List<String> events = Files.readAllLines(dir.resolve("events.jsonl"));
        assertThat(events.get(events.size() - 1)).contains("\"type\":\"AgentHungUp\"");
    }

    /** An agent's line that never sends audio. */
    private static final class SilentLine implements CallLine {
        @Override public String callId() { return "graceful-stop@test"; }
        @Override public String remoteParty() { return "sip:201@127.0.0.1"; }
        @Override public String dialledNumber() { return "7000"; }
        @Override public void sendAudio(short[] frame) {}
        @Override public void hangUp() {}
    }
}
