package callsim.review.store;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The drill list's filters. {@code agentKeys}, when present, limits the list to drills of those
 * agents: access control applies it, so a filter can only narrow what a user may see.
 *
 * @param agent          text in how the line named the agent ("Alice", "201"), or an agent in {@code agentNamed}
 * @param agentNamed     agent keys whose account's name matched the agent text (the web layer resolves names)
 * @param scenario       a scenario id, or any of {@code scenarioIds} (scenarios whose title matched the text)
 */
public record DrillFilter(Optional<String> agent, Optional<String> scenario, Optional<String> difficulty,
                          Optional<String> outcome, Optional<Instant> from, Optional<Instant> to,
                          Optional<Integer> minScore, Optional<Integer> maxScore, Optional<Set<String>> agentKeys,
                          Set<String> agentNamed, Set<String> scenarioIds) {
    public DrillFilter {
        agentNamed = Set.copyOf(agentNamed);
        scenarioIds = Set.copyOf(scenarioIds);
    }

    public DrillFilter(Optional<String> agent, Optional<String> scenario, Optional<String> difficulty,
                       Optional<String> outcome, Optional<Instant> from, Optional<Instant> to,
                       Optional<Integer> minScore, Optional<Integer> maxScore, Optional<Set<String>> agentKeys) {
        this(agent, scenario, difficulty, outcome, from, to, minScore, maxScore, agentKeys, Set.of(), Set.of());
    }

    public static DrillFilter all() {
        return new DrillFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public DrillFilter onlyAgents(Set<String> keys) {
        return new DrillFilter(agent, scenario, difficulty, outcome, from, to, minScore, maxScore, Optional.of(Set.copyOf(keys)),
                agentNamed, scenarioIds);
    }

    /** The same filter, with the agent and scenario texts also matching these names' keys and titles' ids. */
    public DrillFilter matching(Set<String> agentKeysNamed, Set<String> scenariosTitled) {
        return new DrillFilter(agent, scenario, difficulty, outcome, from, to, minScore, maxScore, agentKeys, agentKeysNamed,
                scenariosTitled);
    }
}
