package callsim.app.store;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The drill list's filters. {@code agentKeys}, when present, limits the list to drills of those
 * agents: access control applies it, so a filter can only narrow what a user may see.
 */
public record DrillFilter(Optional<String> agent, Optional<String> scenario, Optional<String> difficulty,
                          Optional<String> outcome, Optional<Instant> from, Optional<Instant> to,
                          Optional<Integer> minScore, Optional<Integer> maxScore, Optional<Set<String>> agentKeys) {
    public static DrillFilter all() {
        return new DrillFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public DrillFilter onlyAgents(Set<String> keys) {
        return new DrillFilter(agent, scenario, difficulty, outcome, from, to, minScore, maxScore, Optional.of(Set.copyOf(keys)));
    }
}
