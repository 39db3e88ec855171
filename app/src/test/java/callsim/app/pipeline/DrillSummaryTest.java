package callsim.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.core.AngerPoint;
import callsim.core.Difficulty;
import callsim.core.DrillRecord;
import callsim.core.HoldRecord;
import callsim.core.LineMetrics;
import callsim.core.Outcome;
import callsim.core.Scorecard;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrillSummaryTest {
    private static DrillRecord record(Outcome outcome, List<Long> interruptions, List<HoldRecord> holds) {
        LineMetrics metrics = new LineMetrics(holds, interruptions, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        return new DrillRecord("double-charge", Difficulty.NORMAL, 1, outcome, "", 60_000, List.of(),
                List.of(new AngerPoint(0, 72), new AngerPoint(30_000, 96)), metrics,
                new Scorecard(41, 70, false, outcome, "", List.of(), List.of("Never tell an upset caller to calm down.")));
    }

    @Test
    void tellsTheAgentHowItEndedAndWhatTheLineMeasured() {
        String text = DrillSummary.text(record(Outcome.CALLER_HUNG_UP, List.of(1_000L, 9_000L),
                List.of(new HoldRecord(10_000, 44_400, false))));
        assertThat(text).startsWith("Drill over. Press any key to skip")
                .contains("The caller hung up on you.")
                .contains("from 72 to 96")
                .contains("You talked over the caller twice.")
                .contains("on hold once, 34 seconds in all.")
                .contains("Your score is 41 out of a hundred: not a pass yet. Never tell an upset caller to calm down.");
    }

    @Test
    void saysNothingAboutHabitsTheAgentDidNotShow() {
        String text = DrillSummary.text(record(Outcome.RESOLVED, List.of(), List.of()));
        assertThat(text).contains("left satisfied").doesNotContain("talked over").doesNotContain("hold");
    }

    @Test
    void theDebriefPlaysInFramesAndAKeyStopsIt() {
        SpokenSummary summary = new SpokenSummary();
        assertThat(summary.nextFrame()).containsOnly(0);  // still being synthesised: silence
        summary.ready(new short[400]);
        assertThat(summary.nextFrame()).hasSize(160);
        summary.skip();
        assertThat(summary.nextFrame()).isNull();
        assertThat(summary.skipped()).isTrue();
    }

    @Test
    void aDebriefThatNeverArrivesEndsAfterFiveSeconds() {
        SpokenSummary summary = new SpokenSummary();
        int frames = 0;
        while (summary.nextFrame() != null) frames++;
        assertThat(frames).isEqualTo(250);
    }
}
