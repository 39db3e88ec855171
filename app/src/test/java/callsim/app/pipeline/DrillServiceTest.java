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

    private DrillService service(ReportStore store) {
        ScenarioLibrary library = ScenarioLibrary.builtIn();
        return new DrillService(new DrillService.Settings(
                new DialPlan(library, library.defaultScenario(), Difficulty.NORMAL), 7L, TurnDetector.Settings.defaults()),
                new SpeechServices(voice, null), store, mediaClock, Clock.systemUTC());
    }

    private static com.fasterxml.jackson.databind.JsonNode report(ReportStore store, String id) throws Exception {
        return new ObjectMapper().readTree(store.drillDir(id).resolve("report.json").toFile());
    }

    @Test
    void aServerStopEndsRunningDrillsAsServerStoppedAndHangsUpTheirCalls() throws Exception {
        ReportStore store = new ReportStore(dataDir);
        DrillService service = service(store);
        List<String> started = new CopyOnWriteArrayList<>();
        service.onDrillStarted(started::add);
        SilentLine line = new SilentLine();
        LineListener drill = service.callStarted(line);
        Thread.sleep(300);

        service.serverStopping();
        drill.onHangUp("endpoint closed"); // the listeners close right after: the drill has already ended

        assertThat(service.awaitEnded(Duration.ofSeconds(10))).isTrue();
        com.fasterxml.jackson.databind.JsonNode report = report(store, started.get(0));
        assertThat(report.path("outcome").asText()).isEqualTo("server_stopped");
        assertThat(report.path("complete").asBoolean()).isTrue();
        assertThat(line.hungUp).isTrue();
    }

    @Test
    void aLineThatDropsEndsPartialAsLineDroppedMeasuredToItsLastFrame() throws Exception {
        ReportStore store = new ReportStore(dataDir);
        DrillService service = service(store);
        List<String> started = new CopyOnWriteArrayList<>();
        service.onDrillStarted(started::add);
        LineListener drill = service.callStarted(new SilentLine());
        for (int i = 0; i < 50; i++) {  // 1 s of the phone's (silent) audio, then nothing
            drill.onAudio(new short[CallLine.FRAME_SAMPLES]);
            Thread.sleep(20);
        }
        Thread.sleep(2_000);

        drill.onLineDropped("media timeout");

        assertThat(service.awaitEnded(Duration.ofSeconds(15))).isTrue();
        com.fasterxml.jackson.databind.JsonNode report = report(store, started.get(0));
        assertThat(report.path("outcome").asText()).isEqualTo("line_dropped");
        assertThat(report.path("complete").asBoolean()).as("a dropped call is partial").isFalse();
        assertThat(report.path("endedAt").isNull()).isFalse();
        assertThat(report.path("durationMs").asLong()).as("measured to the last frame, not the drop").isBetween(500L, 1_900L);
    }

    @Test
    void aPipelineThatFailsOnATickStillLeavesAReportAndReleasesItsThreads() throws Exception {
        ReportStore store = new ReportStore(dataDir);
        DrillService service = service(store);
        List<String> started = new CopyOnWriteArrayList<>();
        service.onDrillStarted(started::add);
        SilentLine line = new SilentLine() {
            @Override public void sendAudio(short[] frame) {
                throw new IllegalArgumentException("unresolved address");  // what a bad c= address used to do
            }
        };

        service.callStarted(line);

        assertThat(service.awaitEnded(Duration.ofSeconds(10))).isTrue();
        String id = started.get(0);
        assertThat(report(store, id).path("complete").asBoolean()).isFalse();
        assertThat(line.hungUp).isTrue();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive).noneMatch(t -> t.getName().equals("journal-" + id)));
    }

    /** An agent's line that never sends audio. */
    private static class SilentLine implements CallLine {
        volatile boolean hungUp;
        @Override public String callId() { return "graceful-stop@test"; }
        @Override public String remoteParty() { return "sip:201@127.0.0.1"; }
        @Override public String dialledNumber() { return "7000"; }
        @Override public void sendAudio(short[] frame) {}
        @Override public void hangUp() { hungUp = true; }
    }
}
