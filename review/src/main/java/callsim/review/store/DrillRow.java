package callsim.review.store;

import java.time.Instant;
import java.util.Optional;

/**
 * One drill in a list: what the filters, the list page and the exports show. {@code scoreTotal} and
 * {@code passed} count supervisors' overrides; {@code automaticScore} is the pipeline's total; {@code postCall} the
 * state of a phone drill's post-call pass ("pending", "done" or "failed", see DrillReport.PostCall; empty for text
 * drills and drills from before the pass).
 */
public record DrillRow(String id, String agent, Optional<String> agentKey, String scenario, String difficulty,
                       Instant startedAt, Optional<Instant> endedAt, DrillStatus status, Optional<String> outcome,
                       Optional<Integer> scoreTotal, Optional<Boolean> passed, Optional<Integer> automaticScore, boolean overridden,
                       Optional<String> postCall) {
    public static final String POST_CALL_PENDING = "pending";
    public static final String POST_CALL_FAILED = "failed";

    /** A drill without a post-call pass. */
    public DrillRow(String id, String agent, Optional<String> agentKey, String scenario, String difficulty,
                    Instant startedAt, Optional<Instant> endedAt, DrillStatus status, Optional<String> outcome,
                    Optional<Integer> scoreTotal, Optional<Boolean> passed, Optional<Integer> automaticScore, boolean overridden) {
        this(id, agent, agentKey, scenario, difficulty, startedAt, endedAt, status, outcome, scoreTotal, passed, automaticScore,
                overridden, Optional.empty());
    }

    /** A drill no supervisor has overridden. */
    public DrillRow(String id, String agent, Optional<String> agentKey, String scenario, String difficulty,
                    Instant startedAt, Optional<Instant> endedAt, DrillStatus status, Optional<String> outcome,
                    Optional<Integer> scoreTotal, Optional<Boolean> passed) {
        this(id, agent, agentKey, scenario, difficulty, startedAt, endedAt, status, outcome, scoreTotal, passed, scoreTotal, false);
    }

    public DrillRow withOverride(int total, boolean passedNow) {
        return new DrillRow(id, agent, agentKey, scenario, difficulty, startedAt, endedAt, status, outcome, Optional.of(total),
                Optional.of(passedNow), automaticScore, true, postCall);
    }

    public DrillRow withPostCall(Optional<String> state) {
        return new DrillRow(id, agent, agentKey, scenario, difficulty, startedAt, endedAt, status, outcome, scoreTotal, passed,
                automaticScore, overridden, state);
    }

    /** The score is the live recognition's while the post-call transcript that will replace it is pending. */
    public boolean scoreProvisional() {
        return postCall.filter(POST_CALL_PENDING::equals).isPresent();
    }

    /** The post-call pass failed: the live recognition's score stands. */
    public boolean scoredLiveOnly() {
        return postCall.filter(POST_CALL_FAILED::equals).isPresent();
    }
}
