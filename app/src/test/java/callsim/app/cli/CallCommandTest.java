package callsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import callsim.app.asterisk.CallRequest;
import callsim.app.asterisk.DrillSchedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code callsim call}: which calls a command line asks for (no server needed). */
class CallCommandTest {
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");  // 09:00 local

    @TempDir
    Path dir;

    private static List<CallRequest> requests(String... args) throws Exception {
        CallCommand command = new CallCommand();
        new CommandLine(command).parseArgs(args);
        return command.requests(NOW, ZONE);
    }

    @Test
    void anAgentAloneIsOneCallNowWithTheServersDefaults() throws Exception {
        assertThat(requests("--agent", "PJSIP/201"))
                .containsExactly(new CallRequest("PJSIP/201", Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void anAssignmentRingsItsAgentsThroughPjsipUnlessToldHowAndTakesNoScenario() throws Exception {
        assertThat(requests("--assignment", "12")).containsExactly(CallRequest.forAssignment(12, "PJSIP/{agent}", Optional.empty()));
        assertThat(requests("--assignment", "12", "--device", "SIP/{agent}", "--at", "09:30"))
                .containsExactly(CallRequest.forAssignment(12, "SIP/{agent}", Optional.of(Instant.parse("2026-11-23T08:30:00Z"))));
        assertThatThrownBy(() -> requests("--assignment", "12", "--scenario", "double-charge"))
                .hasMessageContaining("no --agent, --scenario or --difficulty");
        assertThatThrownBy(() -> requests("--assignment", "twelve")).hasMessageContaining("not an assignment number");
        assertThatThrownBy(() -> requests("--assignment", "12", "--device", "PJSIP/201")).hasMessageContaining("{agent}");
        assertThatThrownBy(() -> requests("--agent", "PJSIP/201", "--device", "SIP/{agent}")).hasMessageContaining("--device goes with --assignment");
    }

    @Test
    void scenarioLevelAndTimeGoWithTheCall() throws Exception {
        assertThat(requests("--agent", "PJSIP/201", "--scenario", "double-charge", "--difficulty", "hard", "--at", "09:30"))
                .containsExactly(new CallRequest("PJSIP/201", Optional.of("double-charge"), Optional.of("hard"),
                        Optional.of(Instant.parse("2026-11-23T08:30:00Z"))));
        assertThat(requests("--agent", "PJSIP/201", "--at", "2026-11-24T09:30+01:00").get(0).at())
                .contains(Instant.parse("2026-11-24T08:30:00Z"));
    }

    @Test
    void aScheduleFileIsEveryCallInIt() throws Exception {
        Path file = Files.writeString(dir.resolve("team.txt"), "# Monday\n09:30 PJSIP/201 double-charge hard\n09:45 PJSIP/202\n");

        assertThat(requests("--schedule", file.toString())).containsExactly(
                new CallRequest("PJSIP/201", Optional.of("double-charge"), Optional.of("hard"), Optional.of(Instant.parse("2026-11-23T08:30:00Z"))),
                new CallRequest("PJSIP/202", Optional.empty(), Optional.empty(), Optional.of(Instant.parse("2026-11-23T08:45:00Z"))));
    }

    @Test
    void aScheduleDoesNotMixWithOneCallsOptions() throws Exception {
        Path file = Files.writeString(dir.resolve("team.txt"), "09:30 PJSIP/201\n");

        for (String[] extra : List.of(new String[] {"--agent", "PJSIP/202"}, new String[] {"--at", "10:00"},
                new String[] {"--scenario", "double-charge"}, new String[] {"--difficulty", "hard"}, new String[] {"--assignment", "12"})) {
            assertThatThrownBy(() -> requests("--schedule", file.toString(), extra[0], extra[1])).as(extra[0])
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("use either --schedule FILE, --assignment ID");
        }
    }

    @Test
    void withNeitherAgentNorScheduleTheErrorSaysWhoToRing() {
        assertThatThrownBy(() -> requests()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--agent PJSIP/201").hasMessageContaining("--schedule FILE");
        assertThatThrownBy(() -> requests("--at", "09:30")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--agent PJSIP/201");
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSent() throws Exception {
        assertThatThrownBy(() -> requests("--agent", "201")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("like PJSIP/201");
        assertThatThrownBy(() -> requests("--agent", "PJSIP/201", "--at", "half past nine"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read time 'half past nine'");

        Path empty = Files.writeString(dir.resolve("empty.txt"), "# nobody this week\n");
        assertThatThrownBy(() -> requests("--schedule", empty.toString())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(empty + " has no calls in it");

        Path broken = Files.writeString(dir.resolve("broken.txt"), "09:30 PJSIP/201\n25:00 PJSIP/202\n");
        assertThatThrownBy(() -> requests("--schedule", broken.toString())).isInstanceOf(DrillSchedule.ScheduleException.class)
                .hasMessageStartingWith(broken + ":2: cannot read time '25:00'");

        Path missing = dir.resolve("missing.txt");
        assertThatThrownBy(() -> requests("--schedule", missing.toString())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no schedule file " + missing);
    }
}
