package callsim.core;

/** A line event the {@link LineMonitor} recognised as it happened, so the caller can react to it. */
public sealed interface LineNotice {
    long atMs();

    /**
     * The agent started talking over caller utterance {@code utteranceId} at {@code atMs} (docs/metrics.md
     * definition). Sent once confirmed: after about 1 s of agent speech, or when a shorter turn's
     * words prove it was not a backchannel.
     */
    record AgentInterruption(long atMs, int utteranceId) implements LineNotice {}

    /** The caller started talking while the agent was mid-turn. */
    record CallerBargeIn(long atMs, int utteranceId) implements LineNotice {}

    /** Both sides have been silent, off hold, for more than the dead-air threshold since {@code sinceMs}. */
    record DeadAir(long atMs, long sinceMs) implements LineNotice {}
}
