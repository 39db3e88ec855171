package callsim.review.assign;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** An assignment as a trainer asks for it, before {@link AssignmentRules} checked it. */
public record AssignmentRequest(String title, Optional<String> agentKey, Optional<String> team, Optional<LocalDate> due,
                                List<AssignmentItem> items) {
    public AssignmentRequest {
        items = List.copyOf(items);
    }
}
