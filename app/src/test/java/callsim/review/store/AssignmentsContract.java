package callsim.review.store;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.core.Difficulty;
import callsim.review.assign.AgentProgress;
import callsim.review.assign.Assignment;
import callsim.review.assign.AssignmentItem;
import callsim.review.assign.AssignmentRequest;
import callsim.review.assign.Goal;
import callsim.review.assign.ItemProgress;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Assignments stored and their progress counted from the drills, against whichever database the subclass opens. */
abstract class AssignmentsContract extends StoreTestBase {
    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    AssignmentWorld world;

    @BeforeEach
    void world() {
        world = new AssignmentWorld(data, db, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static AssignmentItem passes(String scenario, Difficulty difficulty, int times) {
        return new AssignmentItem(scenario, difficulty, Goal.PASSES, times);
    }

    Assignment assign(Optional<String> agent, Optional<String> team, Optional<LocalDate> due, AssignmentItem... items) {
        return world.assignments.create(new AssignmentRequest("drills", agent, team, due, List.of(items)), "sue");
    }

    @Test
    void storesAnAssignmentWithAndWithoutADueDateAsItWasSet() {
        Assignment dated = assign(Optional.of("201"), Optional.empty(), Optional.of(LocalDate.parse("2026-12-04")),
                passes("double-charge", Difficulty.HARD, 2), new AssignmentItem("abusive-caller", Difficulty.NORMAL, Goal.SCORE, 85));
        Assignment open = assign(Optional.empty(), Optional.of("north"), Optional.empty(), passes("double-charge", Difficulty.NORMAL, 1));

        assertThat(world.assignments.find(dated.id())).contains(dated);
        assertThat(world.assignments.find(open.id()).orElseThrow().due()).isEmpty();
        assertThat(world.assignments.find(dated.id()).orElseThrow().items()).extracting(AssignmentItem::target)
                .containsExactly("pass 2 times", "reach 85");
        assertThat(world.assignments.forAgent("201", Optional.of("north"))).extracting(Assignment::id).containsExactlyInAnyOrder(dated.id(), open.id());
        assertThat(world.assignments.forAgent("301", Optional.of("south"))).isEmpty();
    }

    @Test
    void countsPassesSinceTheAssignmentOfTheSameScenarioAndLevelOnly() throws Exception {
        Assignment a = assign(Optional.of("201"), Optional.empty(), Optional.empty(), passes("double-charge", Difficulty.HARD, 2));
        world.drill("before", "201", "double-charge", Difficulty.HARD, NOW.minusSeconds(3600), 90, true);
        world.drill("other-level", "201", "double-charge", Difficulty.NORMAL, NOW.plusSeconds(60), 90, true);
        world.drill("other-agent", "202", "double-charge", Difficulty.HARD, NOW.plusSeconds(60), 90, true);
        world.drill("failed", "201", "double-charge", Difficulty.HARD, NOW.plusSeconds(120), 40, true);
        world.drill("passed", "201", "double-charge", Difficulty.HARD, NOW.plusSeconds(180), 80, true);
        world.drill("running", "201", "double-charge", Difficulty.HARD, NOW.plusSeconds(240), 95, false);

        ItemProgress item = world.progress.of(a, "201").items().get(0);
        assertThat(item.attempts()).extracting(DrillRow::id).containsExactly("failed", "passed");
        assertThat(item.passes()).isEqualTo(1);
        assertThat(item.best()).contains(80);
        assertThat(item.done()).isFalse();
        assertThat(item.left()).isEqualTo("1 more pass");

        world.drill("passed-again", "201", "double-charge", Difficulty.HARD, NOW.plusSeconds(300), 75, true);
        assertThat(world.progress.of(a, "201").complete()).isTrue();
    }

    @Test
    void aTeamAssignmentIsEveryAgentOfTheTeamAndTheNextDrillIsTheFirstUnfinishedSoonestDue() throws Exception {
        Assignment later = assign(Optional.empty(), Optional.of("north"), Optional.of(LocalDate.parse("2026-12-20")),
                passes("abusive-caller", Difficulty.NORMAL, 1));
        Assignment sooner = assign(Optional.of("201"), Optional.empty(), Optional.of(LocalDate.parse("2026-12-05")),
                passes("double-charge", Difficulty.NORMAL, 1), passes("warranty-refused", Difficulty.HARD, 1));

        assertThat(world.progress.of(later)).extracting(AgentProgress::agentKey).containsExactly("201", "202");
        assertThat(world.progress.next("201").orElseThrow().item().scenario()).isEqualTo("double-charge");
        world.drill("dc", "201", "double-charge", Difficulty.NORMAL, NOW.plusSeconds(60), 85, true);
        assertThat(world.progress.next("201").orElseThrow().item().scenario()).isEqualTo("warranty-refused");
        world.drill("wr", "201", "warranty-refused", Difficulty.HARD, NOW.plusSeconds(120), 85, true);
        assertThat(world.progress.next("201").orElseThrow().item().scenario()).isEqualTo("abusive-caller");
        assertThat(world.progress.forAgent("201")).extracting(p -> p.assignment().id()).containsExactly(later.id(), sooner.id());
        assertThat(world.progress.next("202").orElseThrow().item().scenario()).isEqualTo("abusive-caller");
        assertThat(world.progress.next("301")).isEmpty();
    }

    @Test
    void overdueOnlyAfterTheDueDayAndOnlyWhileUnfinished() {
        Assignment a = assign(Optional.of("201"), Optional.empty(), Optional.of(LocalDate.parse("2026-12-04")),
                passes("double-charge", Difficulty.NORMAL, 1));
        AgentProgress p = world.progress.of(a, "201");
        assertThat(p.overdue(LocalDate.parse("2026-12-04"))).isFalse();
        assertThat(p.overdue(LocalDate.parse("2026-12-05"))).isTrue();
        assertThat(p.withDrill("double-charge", "normal", true, 80).overdue(LocalDate.parse("2026-12-05"))).isFalse();
    }
}
