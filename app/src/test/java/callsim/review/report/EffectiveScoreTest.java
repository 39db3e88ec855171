package callsim.review.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A supervisor's override changes the total and pass/fail by the scorecard's rules, and a fail always says why. */
class EffectiveScoreTest {
    // Default weights: T2 8, T5 8, T9 8, T11 6 (not applicable here): 24 in all.
    private static final DrillReport.Score SCORE = new DrillReport.Score(60, 70, false, "Not passed (60/100): the total is below the pass mark of 70.",
            List.of(technique("T2", "Don't interrupt", 40), technique("T5", "Apologise specifically", 60), technique("T9", "Manage the hold", 80),
                    new DrillReport.Technique("T11", "Set a boundary on abuse", false, 100, List.of())),
            List.of());

    @Test
    void withoutOverridesTheReportsScoreStands() {
        EffectiveScore s = EffectiveScore.of(SCORE, "resolved", List.of());
        assertThat(s.total()).isEqualTo(60);
        assertThat(s.passed()).isFalse();
        assertThat(s.overridden()).isFalse();
        assertThat(s.verdict()).isEqualTo(SCORE.verdict());
    }

    @Test
    void anOverrideMovesTheTotalByItsWeightAndCanPass() {
        EffectiveScore s = EffectiveScore.of(SCORE, "resolved", List.of(new EffectiveScore.Change("T2", 100, 1)));
        assertThat(s.total()).as("60 + 8 × 60 / 24").isEqualTo(80);
        assertThat(s.passed()).isTrue();
        assertThat(s.verdict()).startsWith("Passed with 80/100");
        assertThat(s.techniqueScores()).containsEntry("T2", 100).containsEntry("T5", 60).doesNotContainKey("T11");
    }

    @Test
    void theLatestOverrideOfATechniqueCounts() {
        EffectiveScore s = EffectiveScore.of(SCORE, "resolved",
                List.of(new EffectiveScore.Change("T2", 40, 2), new EffectiveScore.Change("T2", 100, 1)));
        assertThat(s.techniqueScores()).containsEntry("T2", 40);
        assertThat(s.total()).isEqualTo(60);
    }

    @Test
    void aTotalAtThePassMarkThatStillFailsSaysWhy() {
        EffectiveScore unhappy = EffectiveScore.of(SCORE, "caller_hung_up", List.of(new EffectiveScore.Change("T2", 100, 1)));
        assertThat(unhappy.total()).isGreaterThanOrEqualTo(70);
        assertThat(unhappy.passed()).isFalse();
        assertThat(unhappy.verdict()).contains("the caller was not satisfied (caller hung up)").doesNotContain("below the pass mark");

        EffectiveScore critical = EffectiveScore.of(SCORE, "resolved",
                List.of(new EffectiveScore.Change("T5", 100, 1), new EffectiveScore.Change("T9", 100, 2), new EffectiveScore.Change("T2", 45, 3)));
        assertThat(critical.total()).isGreaterThanOrEqualTo(70);
        assertThat(critical.passed()).isFalse();
        assertThat(critical.verdict()).contains("\"Don't interrupt\" scored 45, below 50");
    }

    @Test
    void anOverrideOfATechniqueThatDidNotApplyChangesNothing() {
        EffectiveScore s = EffectiveScore.of(SCORE, "resolved", List.of(new EffectiveScore.Change("T11", 0, 1)));
        assertThat(s.overridden()).isFalse();
        assertThat(s.total()).isEqualTo(60);
    }

    private static DrillReport.Technique technique(String id, String name, int score) {
        return new DrillReport.Technique(id, name, true, score, List.of());
    }
}
