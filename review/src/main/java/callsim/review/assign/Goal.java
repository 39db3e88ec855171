package callsim.review.assign;

import java.util.Locale;

/** What finishes an item of an assignment: passing its drill a number of times, or reaching a score once. */
public enum Goal {
    /** Pass the drill {@code amount} times (a pass counts supervisors' overrides). */
    PASSES,
    /** Score at least {@code amount} out of 100 in one drill. */
    SCORE;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the two goals */
    public static Goal parse(String text) {
        try {
            return valueOf(String.valueOf(text).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("target '" + text + "' is not one of: passes (pass N times), score (reach score S)");
        }
    }
}
