package callsim.core;

import java.util.Locale;

/** An agent turn, starting at {@code atMs}, that the recogniser heard too poorly to score (docs/rubric.md). */
public record UnclearTurn(long atMs) {
    /** What the scorecard says in place of advice: "Not heard clearly at 01:22, so that turn was not scored." */
    public String note() {
        long s = atMs / 1000;
        return String.format(Locale.ROOT, "Not heard clearly at %02d:%02d, so that turn was not scored.", s / 60, s % 60);
    }
}
