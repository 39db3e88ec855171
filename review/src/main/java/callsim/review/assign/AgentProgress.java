package callsim.review.assign;

import callsim.review.store.DrillRow;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** One agent's progress on one assignment, item by item. */
public record AgentProgress(Assignment assignment, String agentKey, List<ItemProgress> items) {
    public AgentProgress {
        items = List.copyOf(items);
    }

    public boolean complete() {
        return items.stream().allMatch(ItemProgress::done);
    }

    /** Not complete, and the due date has gone by (work is due by the end of its due day). */
    public boolean overdue(LocalDate today) {
        return !complete() && assignment.due().filter(today::isAfter).isPresent();
    }

    /** The first unfinished item, in the order the trainer listed them. */
    public Optional<ItemProgress> next() {
        return items.stream().filter(i -> !i.done()).findFirst();
    }

    public int itemsDone() {
        return (int) items.stream().filter(ItemProgress::done).count();
    }

    /** Every counted drill, over all items. */
    public List<DrillRow> attempts() {
        return items.stream().flatMap(i -> i.attempts().stream()).toList();
    }

    public Optional<Integer> best() {
        return attempts().stream().map(r -> r.scoreTotal().orElse(0)).max(Integer::compare);
    }

    /** The same, with one finished drill of {@code scenario} at {@code difficulty} counted that is not stored yet. */
    public AgentProgress withDrill(String scenario, String difficulty, boolean passed, int score) {
        return new AgentProgress(assignment, agentKey, items.stream().map(i -> i.item().scenario().equals(scenario)
                && i.item().difficulty().jsonName().equals(difficulty) ? i.withDrill(passed, score) : i).toList());
    }
}
