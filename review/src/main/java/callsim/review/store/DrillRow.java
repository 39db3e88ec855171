package callsim.review.store;

import java.time.Instant;
import java.util.Optional;

/**
 * One drill in a list: what the filters, the list page and the exports show. {@code scoreTotal} and
 * {@code passed} count supervisors' overrides; {@code automaticScore} is the pipeline's total.
 */
public record DrillRow(String id, String agent, Optional<String> agentKey, String scenario, String difficulty,
                       Instant startedAt, Optional<Instant> endedAt, DrillStatus status, Optional<String> outcome,
                       Optional<Integer> scoreTotal, Optional<Boolean> passed, Optional<Integer> automaticScore, boolean overridden) {
    /** A drill no supervisor has overridden. */
    public DrillRow(String id, String agent, Optional<String> agentKey, String scenario, String difficulty,
                    Instant startedAt, Optional<Instant> endedAt, DrillStatus status, Optional<String> outcome,
                    Optional<Integer> scoreTotal, Optional<Boolean> passed) {
        this(id, agent, agentKey, scenario, difficulty, startedAt, endedAt, status, outcome, scoreTotal, passed, scoreTotal, false);
    }

    public DrillRow withOverride(int total, boolean passedNow) {
        return new DrillRow(id, agent, agentKey, scenario, difficulty, startedAt, endedAt, status, outcome, Optional.of(total),
                Optional.of(passedNow), automaticScore, true);
    }
}
