package callsim.app.assign;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.core.Difficulty;
import callsim.review.assign.AgentProgress;
import callsim.review.assign.Assignment;
import callsim.review.assign.AssignmentItem;
import callsim.review.assign.Goal;
import callsim.review.assign.ItemProgress;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the debrief says about an agent's assignments once their drill is counted. */
class AssignmentDebriefTest {
    private static final LocalDate MONDAY = LocalDate.parse("2026-11-30");

    private static AgentProgress progress(Optional<LocalDate> due, AssignmentItem... items) {
        Assignment a = new Assignment(1, "drills", Optional.of("201"), Optional.empty(), due, "sue", Instant.parse("2026-11-01T00:00:00Z"),
                List.of(items));
        return new AgentProgress(a, "201", List.of(items).stream().map(i -> new ItemProgress(i, List.of(), 0, Optional.empty())).toList());
    }

    @Test
    void saysTheNextDrillItsTargetAndTheDueDayInWords() {
        AgentProgress before = progress(Optional.of(LocalDate.parse("2026-12-04")),
                new AssignmentItem("double-charge", Difficulty.HARD, Goal.PASSES, 2));
        AgentProgress after = before.withDrill("double-charge", "hard", true, 82);

        assertThat(AssignmentDebrief.sentence(List.of(before), List.of(after), MONDAY))
                .isEqualTo("Still to do for your assignments: one more pass of double charge at hard, due Friday. ");
    }

    @Test
    void saysWhenTheDrillCompletedTheAssignmentsAndNothingWhenThereWereNone() {
        AgentProgress before = progress(Optional.empty(), new AssignmentItem("double-charge", Difficulty.NORMAL, Goal.PASSES, 1));
        AgentProgress after = before.withDrill("double-charge", "normal", true, 75);

        assertThat(AssignmentDebrief.sentence(List.of(before), List.of(after), MONDAY)).isEqualTo("That completes your assignments. Well done. ");
        assertThat(AssignmentDebrief.sentence(List.of(after), List.of(after), MONDAY)).isEmpty();
        assertThat(AssignmentDebrief.sentence(List.of(), List.of(), MONDAY)).isEmpty();
    }

    @Test
    void aFailedDrillLeavesTheTargetAndCountsWhatComesAfter() {
        AgentProgress before = progress(Optional.of(MONDAY.minusDays(3)),
                new AssignmentItem("warranty-refused", Difficulty.NORMAL, Goal.SCORE, 85),
                new AssignmentItem("abusive-caller", Difficulty.EASY, Goal.PASSES, 3));
        AgentProgress after = before.withDrill("warranty-refused", "normal", true, 80);

        assertThat(AssignmentDebrief.sentence(List.of(before), List.of(after), MONDAY)).isEqualTo(
                "Still to do for your assignments: a score of 85 in warranty refused at normal, overdue since Friday, and one more drill after that. ");
    }

    @Test
    void dueDatesFurtherAwayAreSaidAsADate() {
        assertThat(AssignmentDebrief.due(MONDAY, MONDAY)).isEqualTo("due today");
        assertThat(AssignmentDebrief.due(MONDAY.plusDays(1), MONDAY)).isEqualTo("due tomorrow");
        assertThat(AssignmentDebrief.due(LocalDate.parse("2026-12-22"), MONDAY)).isEqualTo("due on the 22nd of December");
        assertThat(AssignmentDebrief.due(LocalDate.parse("2026-11-11"), MONDAY)).isEqualTo("overdue since the 11th of November");
    }
}
