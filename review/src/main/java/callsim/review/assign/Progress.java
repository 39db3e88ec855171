package callsim.review.assign;

import callsim.review.auth.JdbcAccounts;
import callsim.review.auth.Role;
import callsim.review.auth.User;
import callsim.review.store.DrillFilter;
import callsim.review.store.DrillRow;
import callsim.review.store.DrillStore;
import callsim.review.store.JdbcDrillStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Progress on assignments, counted from the drills themselves: an agent's finished drills of an item's
 * scenario and difficulty, started since the assignment was set. Nothing is ticked off by hand, so an
 * override, a drill dialled by name instead of 7000, or a drill copied late all count as they are now.
 */
public final class Progress {
    private final JdbcAssignments assignments;
    private final DrillStore drills;
    private final JdbcAccounts accounts;

    public Progress(JdbcAssignments assignments, DrillStore drills, JdbcAccounts accounts) {
        this.assignments = assignments;
        this.drills = drills;
        this.accounts = accounts;
    }

    public JdbcAssignments assignments() {
        return assignments;
    }

    /** Who must do it: its agent, or the team's enabled agents as the team is now. */
    public List<String> agents(Assignment assignment) {
        return assignment.agentKey().map(List::of).orElseGet(() -> List.copyOf(accounts.agentKeysInTeam(assignment.team().orElseThrow())));
    }

    public AgentProgress of(Assignment assignment, String agentKey) {
        List<DrillRow> since = drillsSince(agentKey, assignment.createdAt());
        return new AgentProgress(assignment, agentKey, assignment.items().stream().map(item -> ItemProgress.of(item, since)).toList());
    }

    public List<AgentProgress> of(Assignment assignment) {
        return agents(assignment).stream().map(agent -> of(assignment, agent)).toList();
    }

    /**
     * An agent's assignments (their own and their team's): unfinished ones first, the soonest due first
     * (those without a date after), then the oldest first.
     */
    public List<AgentProgress> forAgent(String agentKey) {
        Optional<User> agent = accounts.findByAgentKey(agentKey).filter(u -> u.role() == Role.AGENT);
        if (agent.isEmpty()) return List.of();
        List<AgentProgress> progress = new ArrayList<>();
        for (Assignment a : assignments.forAgent(agentKey, agent.get().team())) progress.add(of(a, agentKey));
        progress.sort(ORDER);
        return progress;
    }

    /** The item an agent who dials in without choosing plays next: the first unfinished one, in {@link #forAgent} order. */
    public Optional<ItemProgress> next(String agentKey) {
        return next(forAgent(agentKey));
    }

    public static Optional<ItemProgress> next(List<AgentProgress> work) {
        return work.stream().filter(p -> !p.complete()).sorted(ORDER).flatMap(p -> p.next().stream()).findFirst();
    }

    /** Unfinished first, the soonest due first (no date last), then the oldest: the order work is offered in. */
    public static final Comparator<AgentProgress> ORDER = Comparator.comparing(AgentProgress::complete)
            .thenComparing(p -> p.assignment().due().orElse(java.time.LocalDate.MAX))
            .thenComparing(p -> p.assignment().createdAt()).thenComparingLong(p -> p.assignment().id());

    /** The agent's drills started since {@code from}: the latest {@value JdbcDrillStore#MAX_PAGE_SIZE} are plenty for any target. */
    private List<DrillRow> drillsSince(String agentKey, Instant from) {
        DrillFilter filter = new DrillFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(from),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(Set.of(agentKey)));
        return drills.list(filter, 0, JdbcDrillStore.MAX_PAGE_SIZE).items();
    }
}
