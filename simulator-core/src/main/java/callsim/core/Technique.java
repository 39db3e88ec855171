package callsim.core;

/** The rubric's techniques (RUBRIC.md), T1 to T14. */
public enum Technique {
    LET_THEM_VENT, DONT_INTERRUPT, EMPATHISE, REPEAT_THE_PROBLEM, APOLOGISE_SPECIFICALLY, GATHER_FACTS,
    MANAGE_HOLD, OFFER_SOLUTIONS, STAY_WITHIN_POLICY, STAY_CALM, SET_A_BOUNDARY, ESCALATE_PROPERLY,
    CLOSE_AND_FOLLOW_UP, COURTESY_AND_OWNERSHIP;

    /** "T1" .. "T14". */
    public String code() {
        return "T" + (ordinal() + 1);
    }
}
