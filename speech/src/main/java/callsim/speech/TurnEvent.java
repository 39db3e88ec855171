package callsim.speech;

/** What the {@link TurnDetector} reports about the agent's speech. Times are line milliseconds. */
public sealed interface TurnEvent {

    /** A speech segment began; {@code atMs} is the start of its first voiced frame. */
    record SpeechStarted(long atMs) implements TurnEvent {}

    /** A speech segment ended (hangover elapsed); {@code atMs} is the end of its last voiced frame. */
    record SpeechStopped(long atMs) implements TurnEvent {}

    /**
     * The end-of-turn silence elapsed. The turn spans from the first voiced frame of its first
     * segment to the last voiced frame of its last segment; it may contain several segments.
     */
    record TurnEnded(long startMs, long endMs) implements TurnEvent {
        public long durationMs() {
            return endMs - startMs;
        }
    }
}
