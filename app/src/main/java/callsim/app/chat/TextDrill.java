package callsim.app.chat;

import callsim.core.CallTiming;
import callsim.core.Difficulty;
import callsim.core.DrillEvent;
import callsim.core.DrillRecord;
import callsim.core.Outcome;
import callsim.core.Scenario;
import callsim.core.VirtualCall;
import java.util.List;

/**
 * A drill played in text: the agent's moves go in, the caller's lines come out. The drill runs on the
 * core's {@link VirtualCall} (a virtual media clock with the same caller timeline as the phone), so
 * the same scenario, difficulty, seed and moves give the same drill.
 *
 * <p>After each move, time runs on until every line the caller has decided to say meanwhile has
 * started, so the lines come out in the order they happen and an interruption has a line to cut
 * into; once the caller says goodbye, it runs to the end of the call.
 */
public final class TextDrill {
    private final VirtualCall call;
    private boolean connected;

    public TextDrill(Scenario scenario, Difficulty difficulty, long seed) {
        this(scenario, difficulty, seed, CallTiming.defaults());
    }

    public TextDrill(Scenario scenario, Difficulty difficulty, long seed, CallTiming timing) {
        this.call = new VirtualCall(scenario, difficulty, seed, timing);
    }

    /** Connects the call; returns the caller's opening line once it has started. */
    public List<CallerLine> connect() {
        if (connected) throw new IllegalStateException("the call is already connected");
        connected = true;
        call.connect();
        return settle();
    }

    /** Carries out one agent move; returns the caller lines that started meanwhile (none once the call ended). */
    public List<CallerLine> play(AgentMove move) {
        return play(move, true);
    }

    /**
     * Carries out one agent move; with {@code settle} false, time stops when the move is done, so a
     * following {@link AgentMove.GoOn} can start before the caller's reply to this one.
     */
    public List<CallerLine> play(AgentMove move, boolean settle) {
        if (!connected) throw new IllegalStateException("connect() the call first");
        if (finished()) return List.of();
        if (move instanceof AgentMove.Say say) call.say(say.words());
        else if (move instanceof AgentMove.Interrupt interrupt) call.interrupt(interrupt.words());
        else if (move instanceof AgentMove.GoOn goOn) call.goOn(goOn.pauseMs(), goOn.words());
        else if (move instanceof AgentMove.Wait wait) call.waitSilent(wait.ms());
        else if (move instanceof AgentMove.Hold hold) call.holdFor(hold.ms());
        else if (move instanceof AgentMove.HangUp) call.hangUp();
        return settle ? settle() : heard();
    }

    /** True once either side has hung up (or the drill ran out of time). */
    public boolean finished() {
        return call.finished();
    }

    public Outcome outcome() {
        return call.session().outcome();
    }

    public int anger() {
        return call.session().anger();
    }

    /** Milliseconds since the call connected, on the virtual media clock. */
    public long nowMs() {
        return call.now();
    }

    /** Every event the session has been given so far, in order (what a phone drill's journal would hold). */
    public List<DrillEvent> events() {
        return call.events();
    }

    public DrillRecord record() {
        return call.record();
    }

    private List<CallerLine> settle() {
        call.settle();
        return heard();
    }

    private List<CallerLine> heard() {
        return call.takeHeard().stream().map(h -> new CallerLine(h.startMs(), h.utteranceId(), h.text(), h.anger())).toList();
    }
}
