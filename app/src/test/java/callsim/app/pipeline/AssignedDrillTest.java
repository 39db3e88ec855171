package callsim.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.app.report.ReportStore;
import callsim.core.Difficulty;
import callsim.core.DrillRecord;
import callsim.scenarios.ScenarioLibrary;
import callsim.speech.CallerVoice;
import callsim.speech.TurnDetector;
import callsim.telephony.CallLine;
import callsim.telephony.LineListener;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which drill a call plays when its agent has assignments: 7000 and a menu-less booking get the next one; a named drill wins. */
class AssignedDrillTest {
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

    /** Agent 201 has warranty-refused at hard to do; nobody else has anything. */
    private final AssignedWork work = new AssignedWork() {
        @Override public Optional<DialPlan.Choice> next(String agent) {
            return agent.contains("201") ? Optional.of(plan.require("warranty-refused", "hard")) : Optional.empty();
        }

        @Override public Optional<Afterword> afterword(String agent) {
            return Optional.empty();
        }
    };
    private final ScenarioLibrary library = ScenarioLibrary.builtIn();
    private final DialPlan plan = new DialPlan(library, library.get("double-charge"), Difficulty.NORMAL);

    private JsonNode drill(DrillService service, String from, String dialled) throws Exception {
        List<String> started = new CopyOnWriteArrayList<>();
        service.onDrillStarted(started::add);
        LineListener drill = service.callStarted(new Line(from, dialled));
        drill.onHangUp("test over");
        assertThat(service.awaitEnded(Duration.ofSeconds(10))).isTrue();
        return new ObjectMapper().readTree(new ReportStore(dataDir).drillDir(started.get(0)).resolve("report.json").toFile());
    }

    private DrillService service() {
        DrillService service = new DrillService(new DrillService.Settings(plan, 7L, TurnDetector.Settings.defaults()),
                new SpeechServices(voice, null), new ReportStore(dataDir), mediaClock, Clock.systemUTC());
        service.useAssignments(work);
        return service;
    }

    @Test
    void dialling7000PlaysTheAgentsNextAssignedDrill() throws Exception {
        JsonNode report = drill(service(), "\"Ali\" <sip:201@127.0.0.1>", "7000");
        assertThat(report.path("scenario").asText()).isEqualTo("warranty-refused");
        assertThat(report.path("difficulty").asText()).isEqualTo("hard");
    }

    @Test
    void aDialledScenarioStillPlaysThatScenario() throws Exception {
        JsonNode report = drill(service(), "sip:201@127.0.0.1", "parcel-missing-easy");
        assertThat(report.path("scenario").asText()).isEqualTo("parcel-missing");
        assertThat(report.path("difficulty").asText()).isEqualTo("easy");
    }

    @Test
    void anAgentWithNothingAssignedGetsTheDefaultDrillAsBefore() throws Exception {
        JsonNode report = drill(service(), "sip:202@127.0.0.1", "7000");
        assertThat(report.path("scenario").asText()).isEqualTo("double-charge");
        assertThat(report.path("difficulty").asText()).isEqualTo("normal");
    }

    @Test
    void aBookingWithoutAScenarioPlaysTheAssignedDrillInsteadOfTheMenu() throws Exception {
        DrillService service = service();
        List<String> started = new CopyOnWriteArrayList<>();
        service.onDrillStarted(started::add);
        LineListener drill = service.startBooked(new Line("audiosocket:uuid", "7000"), Optional.empty(), "Ali Khan <201>", () -> {});
        assertThat(drill).isInstanceOf(DrillPipeline.class);
        drill.onHangUp("test over");
        assertThat(service.awaitEnded(Duration.ofSeconds(10))).isTrue();
        assertThat(new ObjectMapper().readTree(new ReportStore(dataDir).drillDir(started.get(0)).resolve("report.json").toFile())
                .path("scenario").asText()).isEqualTo("warranty-refused");
    }

    @Test
    void theDebriefReadsWhatIsLeftBeforeTheGoodbye() {
        DrillRecord record = new callsim.core.DrillSession(library.get("double-charge"), Difficulty.NORMAL, 7L).record(1000);
        assertThat(DrillSummary.text(record, "Still to do for your assignments: one more pass of double charge at hard, due Friday. "))
                .endsWith("one more pass of double charge at hard, due Friday. Your full report is waiting for your supervisor. Goodbye.");
    }

    private record Line(String remoteParty, String dialledNumber) implements CallLine {
        @Override public String callId() { return "assigned@test"; }
        @Override public void sendAudio(short[] frame) {}
        @Override public void hangUp() {}
    }
}
