package callsim.app.chat;

/** One thing the agent does in a text drill: a script line or a line typed at the prompt. */
public sealed interface AgentMove {

    /** Say {@code words}, answering the caller once they have finished. */
    record Say(String words) implements AgentMove {}

    /** Say {@code words} over the caller's current line, about a second into it. */
    record Interrupt(String words) implements AgentMove {}

    /**
     * Carry on talking {@code pauseMs} after the agent's last turn ended, without waiting for the
     * caller (a second thought, or talking over a slow reply).
     */
    record GoOn(long pauseMs, String words) implements AgentMove {}

    /** Stay silent for {@code ms} once the caller has finished. */
    record Wait(long ms) implements AgentMove {}

    /** Put the caller on a signalled hold for {@code ms}, then resume. */
    record Hold(long ms) implements AgentMove {}

    /** End the call. */
    record HangUp() implements AgentMove {}
}
