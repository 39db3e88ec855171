package callsim.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A drill on a virtual media clock: the agent's moves go in, and the session hears the events a
 * phone drill's pipeline would send (caller and agent speech, agent turns, hold, a tick every 100 ms,
 * hang-up), with the caller's lines played by the same {@link CallerTimeline} as on the phone. The
 * text drill and the tests drive drills with it. Pure: the same scenario, difficulty, seed, timing
 * and moves give the same drill.
 *
 * <p>The agent's moves come in two kinds: primitives at the current moment ({@link #agentSays},
 * {@link #hold}, {@link #advanceTo}) and the text drill's moves, which answer the caller the way a
 * person does: {@link #say} waits until the caller's line (and any queued behind it) has ended, plus
 * the response gap; {@link #interrupt} starts a second into the caller's line; {@link #goOn} carries
 * on talking a moment after the agent's last turn without waiting for the caller.
 */
public final class VirtualCall {
    private static final long TICK_MS = 100;
    /** A bound on waiting for the caller, far beyond any line; the drill's own time limit ends it first. */
    private static final long CALLER_WAIT_LIMIT_MS = 120_000;

    /** A caller line that started on the line at {@code startMs}, said at {@code anger} (0-100). */
    public record Heard(long startMs, int utteranceId, String text, int anger) {}

    private final DrillSession session;
    private final CallTiming timing;
    private final CallerTimeline timeline = new CallerTimeline();
    private final List<DrillEvent> events = new ArrayList<>();
    private final List<CallerAction> actions = new ArrayList<>();
    private final List<Heard> heard = new ArrayList<>();
    private final List<Heard> heardSinceTaken = new ArrayList<>();
    private long callerQuietSinceMs;
    private long agentLastTurnEndMs;
    private boolean callerHangingUp;
    private boolean connected;
    private long nowMs;
    private long nextTickMs = TICK_MS;
    private long endedAtMs = -1;

    public VirtualCall(Scenario scenario, Difficulty difficulty, long seed) {
        this(scenario, difficulty, seed, CallTiming.defaults());
    }

    public VirtualCall(Scenario scenario, Difficulty difficulty, long seed, CallTiming timing) {
        this.session = new DrillSession(scenario, difficulty, seed);
        this.timing = timing;
    }

    /** Connects the call; the caller decides on their opening. */
    public VirtualCall connect() {
        if (connected) throw new IllegalStateException("the call is already connected");
        connected = true;
        deliver(new DrillEvent.CallConnected(0));
        return this;
    }

    // ---- the text drill's moves ----

    /** The agent says {@code words} once the caller is done and the response gap has passed. */
    public VirtualCall say(String words) {
        return say(words, 1);
    }

    /**
     * {@link #say} as a recogniser would deliver it: {@code heardWords} with a {@code confidence} (see
     * {@link DrillEvent.AgentTurn}), for replaying spoken turns; typed text is always certain.
     */
    public VirtualCall say(String heardWords, double confidence) {
        advanceTo(answerTime());
        return agentSays(timing.agentSpeechMs(heardWords), heardWords, confidence);
    }

    /** The agent says {@code words} over the caller's current (or coming) line, a second into it. */
    public VirtualCall interrupt(String words) {
        if (!timeline.busy()) return say(words);
        advanceUntil(() -> timeline.playing().isPresent(), nowMs + CALLER_WAIT_LIMIT_MS);
        long at = timeline.playing().map(p -> p.startMs() + timing.interruptAfterMs()).orElse(nowMs);
        advanceTo(at);
        return agentSays(timing.agentSpeechMs(words), words);
    }

    /**
     * The agent carries on talking {@code pauseMs} after their last turn ended, whether or not the
     * caller has started to answer it (a second thought, or talking over a slow reply).
     */
    public VirtualCall goOn(long pauseMs, String words) {
        advanceTo(agentLastTurnEndMs + CallTiming.frames(pauseMs));
        return agentSays(timing.agentSpeechMs(words), words);
    }

    /** Once the caller has finished, the agent stays silent for {@code ms}. */
    public VirtualCall waitSilent(long ms) {
        awaitCallerDone();
        return advanceTo(nowMs + CallTiming.frames(ms));
    }

    /** A signalled hold of {@code ms}, started once the caller is done and the response gap has passed. */
    public VirtualCall holdFor(long ms) {
        advanceTo(answerTime());
        return hold(CallTiming.frames(ms));
    }

    /** The agent hangs up once the caller is done; the line in progress (if any) is cut there. */
    public VirtualCall hangUp() {
        advanceTo(answerTime());
        if (finished()) return this;
        timeline.clear(nowMs).forEach(this::deliver);
        deliver(new DrillEvent.AgentHungUp(nowMs));
        endedAtMs = nowMs;
        return this;
    }

    /**
     * Runs on until every line the caller has decided to say has started (or been dropped), including
     * one waiting for the current line to end; once the caller is saying goodbye, to the end of the call.
     */
    public VirtualCall settle() {
        advanceUntil(() -> !callerHangingUp && !timeline.hasWaiting() && !session.callerHasMoreToSay(),
                nowMs + CALLER_WAIT_LIMIT_MS);
        return this;
    }

    /** The caller lines that started since the last call, in the order they started. */
    public List<Heard> takeHeard() {
        List<Heard> lines = List.copyOf(heardSinceTaken);
        heardSinceTaken.clear();
        return lines;
    }

    // ---- primitives at the current moment ----

    /** The agent speaks for {@code durationMs} from now; the turn is recognised after the end-of-turn silence. */
    public VirtualCall agentSays(long durationMs, String words) {
        return agentSays(durationMs, words, 1);
    }

    /** {@link #agentSays(long, String)}, recognised with {@code confidence}. */
    public VirtualCall agentSays(long durationMs, String words, double confidence) {
        if (finished()) return this;
        long start = nowMs;
        deliver(new DrillEvent.AgentSpeechStarted(start));
        long end = start + durationMs;
        advanceTo(end);
        if (finished()) return this;
        deliver(new DrillEvent.AgentSpeechStopped(end));
        agentLastTurnEndMs = end;
        advanceTo(end + timing.endOfTurnSilenceMs());
        if (finished()) return this;
        deliver(new DrillEvent.AgentTurn(nowMs, start, end, words.strip(), confidence));
        return this;
    }

    /** The agent's side signals hold now (and leaves the caller there until time is advanced past their patience). */
    public VirtualCall putOnHold() {
        deliver(new DrillEvent.HoldStarted(nowMs));
        return this;
    }

    /** A signalled hold of {@code lengthMs} from now, then resumed. */
    public VirtualCall hold(long lengthMs) {
        if (finished()) return this;
        putOnHold();
        advanceTo(nowMs + lengthMs);
        if (finished()) return this;
        deliver(new DrillEvent.HoldEnded(nowMs));
        return this;
    }

    /** Waits until the caller's lines have played, then {@code gapMs} more. */
    public VirtualCall waitForCaller(long gapMs) {
        awaitCallerDone();
        return advanceTo(nowMs + gapMs);
    }

    /** Lets time pass to {@code targetMs}, playing the line's events on the way. */
    public VirtualCall advanceTo(long targetMs) {
        advanceUntil(() -> false, targetMs);
        return this;
    }

    // ---- what happened ----

    /** True once either side has hung up (or the drill ran out of time). */
    public boolean finished() {
        return endedAtMs >= 0;
    }

    /** Milliseconds since the call connected. */
    public long now() {
        return finished() ? endedAtMs : nowMs;
    }

    public DrillSession session() {
        return session;
    }

    public boolean callerSpeaking() {
        return timeline.playing().isPresent();
    }

    /** Every event the session has been given so far, in order (what a phone drill's journal would hold). */
    public List<DrillEvent> events() {
        return List.copyOf(events);
    }

    /** Every action the session took, in order. */
    public List<CallerAction> actions() {
        return List.copyOf(actions);
    }

    /** The caller lines heard on the line, in order (lines dropped before they started are not). */
    public List<Heard> heard() {
        return List.copyOf(heard);
    }

    /** The texts of every line the caller decided to say, in order, heard or not (yet). */
    public List<String> callerLines() {
        return actions.stream().filter(a -> a instanceof CallerAction.Speak).map(a -> ((CallerAction.Speak) a).text()).toList();
    }

    public String lastCallerLine() {
        List<String> lines = callerLines();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    public DrillRecord record() {
        return session.record(now());
    }

    /** Brings an event the line has no verb for here (the line dropped, the server stopping) at the current time. */
    public VirtualCall lineEvent(DrillEvent event) {
        deliver(event);
        return this;
    }

    // ---- the virtual line ----

    /** When the agent answers: once the caller is done and the response gap has passed. */
    private long answerTime() {
        long limit = nowMs + CALLER_WAIT_LIMIT_MS;
        while (!finished() && nowMs < limit) {
            awaitCallerDone();
            long at = Math.max(nowMs, callerQuietSinceMs + timing.responseGapMs());
            advanceUntil(timeline::busy, at);
            if (!timeline.busy()) return nowMs;
        }
        return nowMs;
    }

    private void awaitCallerDone() {
        advanceUntil(() -> !timeline.busy(), nowMs + CALLER_WAIT_LIMIT_MS);
    }

    /** Plays the line's events in time order until {@code done}, the call ends, or {@code limitMs}. */
    private void advanceUntil(BooleanSupplier done, long limitMs) {
        while (!finished() && !done.getAsBoolean()) {
            long change = timeline.nextChangeMs();
            long next = Math.min(Math.max(change, nowMs), nextTickMs);
            if (next > limitMs) {
                nowMs = Math.max(nowMs, limitMs);
                return;
            }
            nowMs = next;
            if (change <= nowMs) timeline.advance(nowMs).forEach(this::deliver);
            else tick();
            if (callerHangingUp && !timeline.busy()) endedAtMs = nowMs;
        }
    }

    private void tick() {
        nextTickMs += TICK_MS;
        deliver(new DrillEvent.Tick(nowMs));
    }

    private void deliver(DrillEvent event) {
        if (finished()) return;
        events.add(event);
        timeline.observe(event);
        if (event instanceof DrillEvent.CallerSpeechStarted started) onCallerStarted(started);
        if (event instanceof DrillEvent.CallerSpeechEnded) callerQuietSinceMs = event.atMs();
        for (CallerAction action : session.on(event)) {
            actions.add(action);
            carryOut(action);
        }
    }

    private void onCallerStarted(DrillEvent.CallerSpeechStarted started) {
        timeline.playing().ifPresent(p -> {
            Heard line = new Heard(started.atMs(), p.utteranceId(), p.text(), p.anger());
            heard.add(line);
            heardSinceTaken.add(line);
        });
    }

    private void carryOut(CallerAction action) {
        if (action instanceof CallerAction.Speak speak) {
            timeline.decided(speak, nowMs);
            timeline.ready(speak.utteranceId(), timing.callerSpeechMs(speak.text(), speak.anger()),
                    CallTiming.frames(nowMs + timing.callerReplyDelayMs()));
        } else if (action instanceof CallerAction.StopSpeaking stop) {
            timeline.cut(stop.utteranceId(), nowMs).forEach(this::deliver);
        } else if (action instanceof CallerAction.HangUp) {
            callerHangingUp = true;
            timeline.lastWords();
        }
    }
}
