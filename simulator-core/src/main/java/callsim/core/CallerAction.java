package callsim.core;

/** What the simulated caller does next; the pipeline carries it out on the line. */
public sealed interface CallerAction {

    /**
     * Say a line. {@code overAgent} is true when the caller deliberately starts while the agent is
     * talking (a barge-in). {@code anger} (0-100) shapes the voice.
     */
    record Speak(int utteranceId, String text, int anger, boolean overAgent) implements CallerAction {}

    /** Stop the utterance in progress now (the caller yields the floor). */
    record StopSpeaking(int utteranceId) implements CallerAction {}

    /** The caller ends the call; the drill is over with this outcome. */
    record HangUp(Outcome outcome, String reason) implements CallerAction {}
}
