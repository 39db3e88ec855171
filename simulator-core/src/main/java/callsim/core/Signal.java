package callsim.core;

/** Something a detector heard in an agent turn, good or bad, and the technique it belongs to. */
public enum Signal {
    BACKCHANNEL(Technique.LET_THEM_VENT),
    EMPATHY(Technique.EMPATHISE),
    RESTATEMENT(Technique.REPEAT_THE_PROBLEM),
    /** A restatement opener ("so what you're saying is") naming none of the caller's grievances. */
    WRONG_RESTATEMENT(Technique.REPEAT_THE_PROBLEM),
    SPECIFIC_APOLOGY(Technique.APOLOGISE_SPECIFICALLY),
    BARE_APOLOGY(Technique.APOLOGISE_SPECIFICALLY),
    EXCUSE(Technique.APOLOGISE_SPECIFICALLY),
    FACT_QUESTION(Technique.GATHER_FACTS),
    QUESTION(Technique.GATHER_FACTS),
    HOLD_REQUEST(Technique.MANAGE_HOLD),
    REMEDY(Technique.OFFER_SOLUTIONS),
    VAGUE_PROMISE(Technique.OFFER_SOLUTIONS),
    ARGUING(Technique.STAY_CALM),
    CALM_DOWN(Technique.STAY_CALM),
    CLOSING(Technique.CLOSE_AND_FOLLOW_UP),
    /** What happens next and when ("you will see it in three to five business days"). */
    NEXT_STEP(Technique.CLOSE_AND_FOLLOW_UP),
    ANYTHING_ELSE(Technique.CLOSE_AND_FOLLOW_UP),
    /** Thanks for the caller's patience or call. */
    CLOSING_THANKS(Technique.CLOSE_AND_FOLLOW_UP),
    /** A promise the scenario's policy forbids (subject: the cue phrase). */
    FORBIDDEN_PROMISE(Technique.STAY_WITHIN_POLICY),
    BOUNDARY(Technique.SET_A_BOUNDARY),
    /** A transfer to a supervisor or manager. */
    ESCALATION(Technique.ESCALATE_PROPERLY),
    NAME_USED(Technique.COURTESY_AND_OWNERSHIP),
    POLITENESS(Technique.COURTESY_AND_OWNERSHIP),
    OWNERSHIP(Technique.COURTESY_AND_OWNERSHIP),
    /** Pushing the work back on the caller ("you'll have to call your bank"). */
    DEFLECTION(Technique.COURTESY_AND_OWNERSHIP);

    private final Technique technique;

    Signal(Technique technique) {
        this.technique = technique;
    }

    public Technique technique() {
        return technique;
    }
}
