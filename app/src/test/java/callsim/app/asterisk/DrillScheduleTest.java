package callsim.app.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DrillScheduleTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");  // UTC+1 in November
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");  // 09:00 in Paris

    @Test
    void anAssignmentLineRingsItsAgentsWithWorkLeftAtThatTime() {
        List<CallRequest> calls = DrillSchedule.parse("team.txt", List.of("10:00 assignment 12", "10:30 assignment 13 SIP/{agent}"), NOW, PARIS);
        assertThat(calls).containsExactly(
                CallRequest.forAssignment(12, "PJSIP/{agent}", Optional.of(Instant.parse("2026-11-23T09:00:00Z"))),
                CallRequest.forAssignment(13, "SIP/{agent}", Optional.of(Instant.parse("2026-11-23T09:30:00Z"))));
        assertThatThrownBy(() -> DrillSchedule.parse("team.txt", List.of("10:00 assignment", "11:00 assignment x"), NOW, PARIS))
                .hasMessageContaining("team.txt:1: expected WHEN assignment ID [DEVICE]")
                .hasMessageContaining("team.txt:2: assignment 'x' is not an assignment number");
    }

    @Test
    void eachLineIsOneCallAndCommentsAndBlankLinesAreSkipped() {
        List<CallRequest> calls = DrillSchedule.parse("team.txt", List.of(
                "# Monday team drills",
                "",
                "09:30  PJSIP/201  double-charge  hard",
                "09:45\tPJSIP/202  warranty-refused   # Bob",
                "2026-11-24T10:00 PJSIP/203"), NOW, PARIS);

        assertThat(calls).containsExactly(
                new CallRequest("PJSIP/201", Optional.of("double-charge"), Optional.of("hard"), Optional.of(Instant.parse("2026-11-23T08:30:00Z"))),
                new CallRequest("PJSIP/202", Optional.of("warranty-refused"), Optional.empty(), Optional.of(Instant.parse("2026-11-23T08:45:00Z"))),
                new CallRequest("PJSIP/203", Optional.empty(), Optional.empty(), Optional.of(Instant.parse("2026-11-24T09:00:00Z"))));
    }

    @Test
    void everyBadLineIsReportedByNumberAndNothingIsPlaced() {
        assertThatThrownBy(() -> DrillSchedule.parse("team.txt", List.of(
                "09:30 PJSIP/201",
                "09:61 PJSIP/202",
                "09:45",
                "10:00 201",
                "10:15 PJSIP/204 double-charge hard extra"), NOW, PARIS))
                .isInstanceOf(DrillSchedule.ScheduleException.class)
                .hasMessage(String.join("\n",
                        "team.txt:2: cannot read time '09:61' (use 09:30, 2026-11-23T09:30 or 2026-11-23T09:30+01:00)",
                        "team.txt:3: expected WHEN AGENT [SCENARIO [LEVEL]], got 1 word(s)",
                        "team.txt:4: agent must be an Asterisk device like PJSIP/201, got '201'",
                        "team.txt:5: expected WHEN AGENT [SCENARIO [LEVEL]], got 5 word(s)"));
    }

    @Test
    void aClockTimeMeansTheNextTimeTheClockShowsIt() {
        assertThat(DrillSchedule.when("9:30", NOW, PARIS)).isEqualTo(Instant.parse("2026-11-23T08:30:00Z"));
        assertThat(DrillSchedule.when("08:59", NOW, PARIS)).as("already past today").isEqualTo(Instant.parse("2026-11-24T07:59:00Z"));
        assertThat(DrillSchedule.when("09:00", NOW, PARIS)).as("now is not later").isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
    }

    @Test
    void aDateAndTimeIsInTheGivenZoneUnlessItCarriesAnOffset() {
        assertThat(DrillSchedule.when("2026-11-24T09:30", NOW, PARIS)).isEqualTo(Instant.parse("2026-11-24T08:30:00Z"));
        assertThat(DrillSchedule.when("2026-11-24T09:30+02:00", NOW, PARIS)).isEqualTo(Instant.parse("2026-11-24T07:30:00Z"));
        assertThat(DrillSchedule.when("2026-11-24T09:30Z", NOW, PARIS)).isEqualTo(Instant.parse("2026-11-24T09:30:00Z"));
    }

    @Test
    void anUnreadableTimeSaysWhichFormsWork() {
        for (String text : List.of("tomorrow", "25:00", "2026-13-01T09:00", "9.30")) {
            assertThatThrownBy(() -> DrillSchedule.when(text, NOW, PARIS)).as(text)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cannot read time '" + text + "' (use 09:30, 2026-11-23T09:30 or 2026-11-23T09:30+01:00)");
        }
    }
}
