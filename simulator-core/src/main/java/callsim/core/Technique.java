package callsim.core;

import java.util.Optional;

/** The rubric's techniques (docs/rubric.md), T1 to T14, with the names a trainee reads on the scorecard. */
public enum Technique {
    LET_THEM_VENT("Let them vent"),
    DONT_INTERRUPT("Don't interrupt"),
    EMPATHISE("Acknowledge and empathise"),
    REPEAT_THE_PROBLEM("Repeat the problem back"),
    APOLOGISE_SPECIFICALLY("Apologise specifically"),
    GATHER_FACTS("Gather facts"),
    MANAGE_HOLD("Avoid hold; manage it when needed"),
    OFFER_SOLUTIONS("Offer solutions, with options"),
    STAY_WITHIN_POLICY("Stay within policy, stay firm"),
    STAY_CALM("Stay calm, never argue"),
    SET_A_BOUNDARY("Set a boundary on abuse"),
    ESCALATE_PROPERLY("Escalate properly"),
    CLOSE_AND_FOLLOW_UP("Close and follow up"),
    COURTESY_AND_OWNERSHIP("Courtesy and ownership");

    private final String title;

    Technique(String title) {
        this.title = title;
    }

    /** "T1" .. "T14". */
    public String code() {
        return "T" + (ordinal() + 1);
    }

    public String title() {
        return title;
    }

    /** The technique with code "T1".."T14", if any. */
    public static Optional<Technique> ofCode(String code) {
        for (Technique technique : values()) {
            if (technique.code().equalsIgnoreCase(code.trim())) return Optional.of(technique);
        }
        return Optional.empty();
    }
}
