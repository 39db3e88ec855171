package callsim.review.assign;

import callsim.core.Difficulty;
import java.util.Locale;

/**
 * One drill of an assignment: a scenario at a difficulty, and the target that finishes it.
 *
 * @param amount for {@link Goal#PASSES} how many passes, for {@link Goal#SCORE} the score to reach (1-100)
 */
public record AssignmentItem(String scenario, Difficulty difficulty, Goal goal, int amount) {
    public static final int MAX_PASSES = 100;

    /** "pass 2 times" / "reach 85": how the pages and exports say the target. */
    public String target() {
        return goal == Goal.PASSES ? (amount == 1 ? "pass once" : "pass " + amount + " times") : "reach " + amount;
    }

    /** "double-charge at hard": the drill as a trainer dials it. */
    public String drill() {
        return scenario + " at " + difficulty.jsonName().toLowerCase(Locale.ROOT);
    }
}
