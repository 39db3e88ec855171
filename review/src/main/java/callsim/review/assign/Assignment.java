package callsim.review.assign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Drills set for one agent ({@code agentKey}) or for every agent of a team ({@code team}); exactly one of
 * the two is present. Drills count towards it from {@code createdAt} on.
 */
public record Assignment(long id, String title, Optional<String> agentKey, Optional<String> team, Optional<LocalDate> due,
                         String createdBy, Instant createdAt, List<AssignmentItem> items) {
    public Assignment {
        items = List.copyOf(items);
        if (agentKey.isPresent() == team.isPresent()) throw new IllegalArgumentException("an assignment is for one agent or one team");
    }

    /** "agent 201" or "team blue". */
    public String assignee() {
        return agentKey.map(k -> "agent " + k).orElseGet(() -> "team " + team.orElseThrow());
    }
}
