package callsim.core;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;

/** One thing the caller is upset about, with the words an agent would use when naming it. */
public record Grievance(String id, List<String> keywords) {
    public Grievance {
        checkArgument(id != null && !id.isBlank(), "grievance id is empty");
        keywords = List.copyOf(keywords);
        checkArgument(!keywords.isEmpty(), "grievance %s has no keywords", id);
    }
}
