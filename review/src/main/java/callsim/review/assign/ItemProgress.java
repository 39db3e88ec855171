package callsim.review.assign;

import callsim.review.store.DrillRow;
import callsim.review.store.DrillStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How far one agent is with one item of an assignment.
 *
 * @param attempts their finished drills of the item's scenario and difficulty since the assignment was set, oldest first
 * @param passes   how many of them passed (counting supervisors' overrides)
 * @param best     the best score among them
 */
public record ItemProgress(AssignmentItem item, List<DrillRow> attempts, int passes, Optional<Integer> best) {
    public ItemProgress {
        attempts = List.copyOf(attempts);
    }

    /** Counts the drills that are this item's: same scenario and level, finished, with a score. */
    static ItemProgress of(AssignmentItem item, List<DrillRow> drillsSinceAssigned) {
        List<DrillRow> mine = new ArrayList<>();
        int passes = 0;
        Optional<Integer> best = Optional.empty();
        for (DrillRow r : drillsSinceAssigned) {
            if (r.status() == DrillStatus.RUNNING || r.scoreTotal().isEmpty() || !r.scenario().equals(item.scenario())
                    || !r.difficulty().equals(item.difficulty().jsonName())) continue;
            mine.add(r);
            if (r.passed().orElse(false)) passes++;
            int score = r.scoreTotal().get();
            if (best.isEmpty() || score > best.get()) best = Optional.of(score);
        }
        mine.sort(java.util.Comparator.comparing(DrillRow::startedAt));
        return new ItemProgress(item, mine, passes, best);
    }

    /**
     * With one more finished drill of this item counted, one that is not stored yet: the drill whose debrief
     * is being read says what is left after it.
     */
    public ItemProgress withDrill(boolean passed, int score) {
        return new ItemProgress(item, attempts, passes + (passed ? 1 : 0), Optional.of(best.map(b -> Math.max(b, score)).orElse(score)));
    }

    public boolean done() {
        return item.goal() == Goal.PASSES ? passes >= item.amount() : best.filter(b -> b >= item.amount()).isPresent();
    }

    /** Passes still needed (0 once done); for a score target, 1 until it is reached. */
    public int passesLeft() {
        if (item.goal() == Goal.SCORE) return done() ? 0 : 1;
        return Math.max(0, item.amount() - passes);
    }

    /** "done", "1 more pass", "reach 85 (best 70)": what the pages show as left. */
    public String left() {
        if (done()) return "done";
        if (item.goal() == Goal.PASSES) return passesLeft() == 1 ? "1 more pass" : passesLeft() + " more passes";
        return "reach " + item.amount() + best.map(b -> " (best " + b + ")").orElse("");
    }
}
