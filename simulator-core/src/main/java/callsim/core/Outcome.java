package callsim.core;

/** How a drill ended (docs/rubric.md, "The caller"). */
public enum Outcome {
    /** Still running. */
    IN_PROGRESS,
    /** Caller satisfied and a remedy accepted. */
    RESOLVED,
    /** Transferred to a supervisor. */
    ESCALATED,
    /** Anger stayed at the top too long, or patience ran out on hold. */
    CALLER_HUNG_UP,
    /** The agent hung up. */
    AGENT_ENDED,
    /** The drill ran past its time limit. */
    TIMED_OUT;

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
