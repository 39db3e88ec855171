package callsim.review.store;

import java.time.Instant;

/** A supervisor's change to one technique's score, with the reason; the original score stays in the report. */
public record ScoreOverride(long id, String drillId, String techniqueId, int score, String reason,
                            String overriddenBy, Instant overriddenAt) {}
