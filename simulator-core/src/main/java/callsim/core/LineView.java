package callsim.core;

/** Read-only questions about the line right now, and its metrics so far. */
public interface LineView {
    boolean callerSpeaking();

    /** The id of the caller utterance on the line, or -1 when the caller is silent. */
    int callerUtteranceId();

    boolean agentSpeaking();

    /** True from the agent's first voiced frame until the turn is recognised (pauses included). */
    boolean agentMidTurn();

    /** When the agent's current turn started, or -1 when the agent is not mid-turn. */
    long agentTurnStartedAtMs();

    boolean onHold();

    /** When the current hold started, or -1 when not on hold. */
    long holdStartedAtMs();

    /** Whether the current hold (if any) was asked for by an agent turn recognised so far. */
    boolean holdAnnounced();

    /** Since when both sides have been silent off hold, or -1 when someone speaks, the line is on hold or down. */
    long silentSinceMs();

    /** The metrics as if the call ended at {@code callEndMs}: open holds, speech and silence are closed there. */
    LineMetrics metrics(long callEndMs);
}
