package callsim.app.chat;

import callsim.core.CallerAction;
import callsim.core.Difficulty;
import callsim.core.DrillEvent;
import callsim.core.DrillRecord;
import callsim.core.DrillSession;
import callsim.core.Outcome;
import callsim.core.Scenario;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A drill played in text on a virtual media clock: the agent's moves go in, the caller's lines come
 * out, and the same {@link DrillSession} as on the phone hears the same kinds of events the phone
 * pipeline would send (caller and agent speech, agent turns, hold, ticks every 100 ms, hang-up).
 * No I/O and no wall clock: the same scenario, difficulty, seed and moves give the same drill.
 *
 * <p>Every move but {@link AgentMove.Interrupt} answers the caller: it first lets the caller's line
 * (and any line queued behind it) play to the end. After a move, time runs on until the caller's
 * reply to it (if any) has started, so an interruption has a line to cut into.
 */
public final class TextDrill {
    private static final long TICK_MS = 100;
    /** A bound on waiting for the caller, far beyond any line; the drill's own time limit ends it first. */
    private static final long CALLER_WAIT_LIMIT_MS = 120_000;

    private record Queued(CallerAction.Speak speak, long readyAtMs) {}

    private record Playing(CallerAction.Speak speak, long startMs, long endMs) {}

    private final DrillSession session;
    private final TextTiming timing;
    private final float voicePitchHz;
    private final ArrayDeque<Queued> queued = new ArrayDeque<>();
    private final List<CallerLine> started = new ArrayList<>();
    private final List<DrillEvent> events = new ArrayList<>();
    private Playing playing;
    private long callerQuietSinceMs;
    private CallerAction.HangUp callerHangUp;
    private boolean onHold;
    private boolean connected;
    private long nowMs;
    private long nextTickMs = TICK_MS;
    private long endedAtMs = -1;

    public TextDrill(Scenario scenario, Difficulty difficulty, long seed) {
        this(scenario, difficulty, seed, TextTiming.defaults());
    }

    public TextDrill(Scenario scenario, Difficulty difficulty, long seed, TextTiming timing) {
        this.session = new DrillSession(scenario, difficulty, seed);
        this.timing = timing;
        this.voicePitchHz = scenario.persona().voicePitchHz();
    }

    /** Connects the call; returns the caller's opening line once it has started. */
    public List<CallerLine> connect() {
        if (connected) throw new IllegalStateException("the call is already connected");
        connected = true;
        deliver(new DrillEvent.CallConnected(0));
        return settle();
    }

    /** Carries out one agent move; returns the caller lines that started meanwhile (none once the call ended). */
    public List<CallerLine> play(AgentMove move) {
        if (!connected) throw new IllegalStateException("connect() the call first");
        if (finished()) return List.of();
        if (move instanceof AgentMove.Say say) {
            speak(answerTime(), say.words());
        } else if (move instanceof AgentMove.Interrupt interrupt) {
            speak(interruptTime(), interrupt.words());
        } else if (move instanceof AgentMove.Wait wait) {
            awaitCallerDone();
            advanceTo(nowMs + TextTiming.frames(wait.ms()));
        } else if (move instanceof AgentMove.Hold hold) {
            hold(answerTime(), TextTiming.frames(hold.ms()));
        } else if (move instanceof AgentMove.HangUp) {
            agentHangsUp(answerTime());
        }
        return settle();
    }

    /** True once either side has hung up (or the drill ran out of time). */
    public boolean finished() {
        return endedAtMs >= 0;
    }

    public Outcome outcome() {
        return session.outcome();
    }

    public int anger() {
        return session.anger();
    }

    /** Milliseconds since the call connected, on the virtual media clock. */
    public long nowMs() {
        return finished() ? endedAtMs : nowMs;
    }

    /** Every event the session has been given so far, in order (what a phone drill's journal would hold). */
    public List<DrillEvent> events() {
        return List.copyOf(events);
    }

    public DrillRecord record() {
        return session.record(nowMs());
    }

    // ---- agent moves ----

    /** When the agent answers: once the caller is done and the response gap has passed. */
    private long answerTime() {
        long limit = nowMs + CALLER_WAIT_LIMIT_MS;
        while (!finished() && nowMs < limit) {
            awaitCallerDone();
            long at = Math.max(nowMs, callerQuietSinceMs + timing.responseGapMs());
            advanceUntil(this::callerBusy, at);
            if (!callerBusy()) return nowMs;
        }
        return nowMs;
    }

    /** About a second into the caller's current (or coming) line; at once when the caller is silent. */
    private long interruptTime() {
        if (!callerBusy()) return answerTime();
        advanceUntil(() -> playing != null, nowMs + CALLER_WAIT_LIMIT_MS);
        return playing == null ? nowMs : Math.max(nowMs, playing.startMs() + timing.interruptAfterMs());
    }

    private void speak(long startMs, String words) {
        advanceTo(startMs);
        if (finished()) return;
        long start = nowMs;
        deliver(new DrillEvent.AgentSpeechStarted(start));
        long end = start + timing.agentSpeechMs(words);
        advanceTo(end);
        if (finished()) return;
        deliver(new DrillEvent.AgentSpeechStopped(end));
        advanceTo(end + timing.endOfTurnSilenceMs());
        if (finished()) return;
        deliver(new DrillEvent.AgentTurn(nowMs, start, end, words.strip()));
    }

    private void hold(long startMs, long lengthMs) {
        advanceTo(startMs);
        if (finished()) return;
        onHold = true;
        deliver(new DrillEvent.HoldStarted(nowMs));
        advanceTo(nowMs + lengthMs);
        if (finished()) return;
        onHold = false;
        deliver(new DrillEvent.HoldEnded(nowMs));
    }

    private void agentHangsUp(long atMs) {
        advanceTo(atMs);
        if (finished()) return;
        // The caller's line in progress is kept, cut where the agent hung up (as on the phone).
        if (playing != null) {
            int id = playing.speak().utteranceId();
            playing = null;
            deliver(new DrillEvent.CallerSpeechEnded(nowMs, id, true));
        }
        queued.clear();
        deliver(new DrillEvent.AgentHungUp(nowMs));
        endedAtMs = nowMs;
    }

    // ---- the virtual line ----

    private boolean callerBusy() {
        return playing != null || !queued.isEmpty();
    }

    private void awaitCallerDone() {
        advanceUntil(() -> !callerBusy(), nowMs + CALLER_WAIT_LIMIT_MS);
    }

    /** Runs on until every line the caller has decided to say has started; returns the lines that started. */
    private List<CallerLine> settle() {
        advanceUntil(queued::isEmpty, nowMs + CALLER_WAIT_LIMIT_MS);
        List<CallerLine> lines = List.copyOf(started);
        started.clear();
        return lines;
    }

    private void advanceTo(long targetMs) {
        advanceUntil(() -> false, targetMs);
    }

    /** Plays the line's events in time order until {@code done}, the call ends, or {@code limitMs}. */
    private void advanceUntil(BooleanSupplier done, long limitMs) {
        while (!finished() && !done.getAsBoolean()) {
            long callerEnd = playing != null && !onHold ? playing.endMs() : Long.MAX_VALUE;
            long callerStart = playing == null && !onHold && !queued.isEmpty()
                    ? Math.max(queued.peek().readyAtMs(), nowMs) : Long.MAX_VALUE;
            long next = Math.min(Math.min(callerEnd, callerStart), nextTickMs);
            if (next > limitMs) {
                nowMs = Math.max(nowMs, limitMs);
                return;
            }
            nowMs = next;
            if (next == callerEnd) callerLineEnds();
            else if (next == callerStart) callerLineStarts();
            else tick();
            if (callerHangUp != null && !callerBusy()) endedAtMs = nowMs;
        }
    }

    private void callerLineStarts() {
        CallerAction.Speak speak = queued.poll().speak();
        long plannedMs = timing.callerSpeechMs(speak.text(), speak.anger(), voicePitchHz);
        playing = new Playing(speak, nowMs, nowMs + plannedMs);
        started.add(new CallerLine(nowMs, speak.utteranceId(), speak.text(), speak.anger()));
        deliver(new DrillEvent.CallerSpeechStarted(nowMs, speak.utteranceId(), plannedMs));
    }

    private void callerLineEnds() {
        int id = playing.speak().utteranceId();
        playing = null;
        callerQuietSinceMs = nowMs;
        deliver(new DrillEvent.CallerSpeechEnded(nowMs, id, false));
    }

    private void tick() {
        nextTickMs += TICK_MS;
        deliver(new DrillEvent.Tick(nowMs));
    }

    private void deliver(DrillEvent event) {
        events.add(event);
        for (CallerAction action : session.on(event)) carryOut(action);
    }

    private void carryOut(CallerAction action) {
        if (action instanceof CallerAction.Speak speak) {
            long readyAt = TextTiming.frames(nowMs + timing.callerReplyDelayMs());
            queued.add(new Queued(speak, readyAt));
        } else if (action instanceof CallerAction.StopSpeaking stop) {
            stopSpeaking(stop.utteranceId());
        } else if (action instanceof CallerAction.HangUp hangUp) {
            callerHangUp = hangUp;
        }
    }

    /** The caller yields: a playing line ends now, a line not yet started is withdrawn. */
    private void stopSpeaking(int utteranceId) {
        if (playing != null && playing.speak().utteranceId() == utteranceId) {
            playing = null;
            callerQuietSinceMs = nowMs;
            deliver(new DrillEvent.CallerSpeechEnded(nowMs, utteranceId, true));
        } else if (queued.removeIf(q -> q.speak().utteranceId() == utteranceId)) {
            // Never heard, but the session must learn the caller's floor is free again.
            deliver(new DrillEvent.CallerSpeechEnded(nowMs, utteranceId, true));
        }
    }
}
