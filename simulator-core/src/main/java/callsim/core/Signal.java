package callsim.core;

/** Something a detector heard in an agent turn, good or bad, and the technique it belongs to. */
public enum Signal {
    BACKCHANNEL(Technique.LET_THEM_VENT),
    EMPATHY(Technique.EMPATHISE),
    RESTATEMENT(Technique.REPEAT_THE_PROBLEM),
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
    CLOSING(Technique.CLOSE_AND_FOLLOW_UP);

    private final Technique technique;

    Signal(Technique technique) {
        this.technique = technique;
    }

    public Technique technique() {
        return technique;
    }
}
