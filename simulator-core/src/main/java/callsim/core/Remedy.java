package callsim.core;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;

/**
 * A remedy the scenario's policy allows, recognised by any of its phrases. {@code meetsNeed} says
 * whether it gives the caller what they need (only such a remedy can resolve the drill);
 * {@code called} is what the caller calls it when choosing between options ("the refund").
 */
public record Remedy(String id, List<String> phrases, boolean meetsNeed, String called) {
    public Remedy {
        checkArgument(id != null && !id.isBlank(), "remedy id is empty");
        phrases = List.copyOf(phrases);
        checkArgument(!phrases.isEmpty(), "remedy %s has no phrases", id);
        if (called == null || called.isBlank()) called = phrases.get(0).replace("*", "").strip();
    }

    /** A remedy the caller calls by its first phrase. */
    public Remedy(String id, List<String> phrases, boolean meetsNeed) {
        this(id, phrases, meetsNeed, null);
    }
}
