package callsim.core;

/**
 * Something that happened on the call, stamped with the call's media clock: milliseconds since
 * the call connected, counted in 20 ms frames (docs/metrics.md). The core never reads a clock itself;
 * time only arrives with events, so a recorded timeline replays to the same drill.
 */
public sealed interface DrillEvent {
    long atMs();

    /** Media started flowing; the caller may open. Always the first event, at 0. */
    record CallConnected(long atMs) implements DrillEvent {}

    /** The first frame of caller utterance {@code utteranceId} went out; it will last {@code plannedMs} if not cut. */
    record CallerSpeechStarted(long atMs, int utteranceId, long plannedMs) implements DrillEvent {}

    /** The last frame of the utterance went out; {@code cutShort} when the caller yielded before the end. */
    record CallerSpeechEnded(long atMs, int utteranceId, boolean cutShort) implements DrillEvent {}

    /** Voice activity began on the agent's audio. */
    record AgentSpeechStarted(long atMs) implements DrillEvent {}

    /** Voice activity ended (after the hangover); {@code atMs} is the end of the last voiced frame. */
    record AgentSpeechStopped(long atMs) implements DrillEvent {}

    /**
     * An agent turn ended (end-of-turn silence) and was recognised. {@code atMs} is when the words
     * became known; {@code startMs}/{@code endMs} bound the turn's voiced audio. {@code words} may be
     * empty (nothing recognised) and may contain misrecognitions. {@code confidence} (0 to 1) is how
     * much of the turn's speech the recognised words account for (docs/metrics.md); typed words are
     * certain (1). A turn not {@link #heardClearly()} is answered as on a bad line and never scored.
     */
    record AgentTurn(long atMs, long startMs, long endMs, String words, double confidence) implements DrillEvent {
        /**
         * The least confidence at which the words are trusted: the highest that still hears at least 95%
         * of clear English turns; noise and much foreign speech stay under it (BENCHMARKS.md (f)).
         */
        public static final double HEARD_CLEARLY = 0.5;

        public AgentTurn {
            if (!(confidence >= 0 && confidence <= 1)) throw new IllegalArgumentException("confidence " + confidence + " outside 0..1");
        }

        /** A turn whose words are certain: typed text. */
        public AgentTurn(long atMs, long startMs, long endMs, String words) {
            this(atMs, startMs, endMs, words, 1);
        }

        public boolean heardClearly() {
            return confidence >= HEARD_CLEARLY;
        }

        /** The same turn with other words for it (a post-call transcript's), keeping its confidence. */
        public AgentTurn withWords(String other) {
            return new AgentTurn(atMs, startMs, endMs, other, confidence);
        }
    }

    /** The agent's side signalled hold. */
    record HoldStarted(long atMs) implements DrillEvent {}

    /** The agent's side resumed the call. */
    record HoldEnded(long atMs) implements DrillEvent {}

    /** The agent pressed a key. */
    record DtmfPressed(long atMs, char digit) implements DrillEvent {}

    /** Time passes with nothing else happening; sent at least every 100 ms so patience can run out. */
    record Tick(long atMs) implements DrillEvent {}

    /** The agent's side hung up. */
    record AgentHungUp(long atMs) implements DrillEvent {}

    /**
     * The agent's side vanished without hanging up, noticed at {@code atMs}; nothing came from it after
     * {@code lastHeardMs}, so the drill is measured up to then (no dead air is charged for the dead line).
     */
    record LineDropped(long atMs, long lastHeardMs) implements DrillEvent {}

    /** The simulator is stopping with the call on the line. */
    record ServerStopped(long atMs) implements DrillEvent {}
}
