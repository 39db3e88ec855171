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
    /** The agent left the caller in silence (off hold) until they gave up and hung up. */
    AGENT_SILENT,
    /** The agent hung up. */
    AGENT_ENDED,
    /** The drill ran past its time limit. */
    TIMED_OUT,
    /** The agent's side vanished without hanging up (phone crashed, network lost): a partial drill. */
    LINE_DROPPED,
    /** callsim was stopped with the drill on the line. */
    SERVER_STOPPED;

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
