package callsim.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When the caller's lines go out on the line: the one set of rules the phone pipeline, the text drill
 * and the tests follow. A line the session decided to say waits until its audio is ready and the
 * previous line has ended, then starts; it is dropped instead when it went stale meanwhile (the agent
 * started speaking again, or a hold began; a barge-in is meant to go over the agent, so only a hold
 * drops it) unless it is the caller's last words; a playing line ends when its planned length has passed or the caller yields.
 *
 * <p>Feed every event the session hears to {@link #observe}, each {@link CallerAction.Speak} to
 * {@link #decided}, and call {@link #advance} as time passes; deliver the events it returns to the
 * session. Pure and single-threaded, like the session.
 */
public final class CallerTimeline {
    /** A line on its way: decided at {@code decidedAtMs}, playable from {@code readyAtMs} (-1: not yet). */
    private static final class Line {
        final CallerAction.Speak speak;
        final long decidedAtMs;
        long readyAtMs = -1;
        long plannedMs;
        boolean lastWords;
        boolean holdSinceDecided;

        Line(CallerAction.Speak speak, long decidedAtMs) {
            this.speak = speak;
            this.decidedAtMs = decidedAtMs;
        }
    }

    /** The line being played: which, since when and for how long. */
    public record Playing(int utteranceId, String text, int anger, long startMs, long plannedMs) {
        public long endMs() {
            return startMs + plannedMs;
        }
    }

    private final ArrayDeque<Line> queued = new ArrayDeque<>();
    private Line playingLine;
    private long playingStartMs;
    private long agentLastStartedMs = -1;
    private boolean agentSpeaking;
    private boolean onHold;
    private int dropped;

    /** Follows the line: agent speech and holds decide which waiting lines are stale. */
    public void observe(DrillEvent event) {
        if (event instanceof DrillEvent.AgentSpeechStarted) {
            agentSpeaking = true;
            agentLastStartedMs = event.atMs();
        } else if (event instanceof DrillEvent.AgentSpeechStopped) {
            agentSpeaking = false;
        } else if (event instanceof DrillEvent.HoldStarted) {
            onHold = true;
            queued.forEach(line -> line.holdSinceDecided = true);
        } else if (event instanceof DrillEvent.HoldEnded) {
            onHold = false;
        }
    }

    /** The session decided to say a line at {@code atMs}; it plays once {@link #ready}. */
    public void decided(CallerAction.Speak speak, long atMs) {
        queued.add(new Line(speak, atMs));
    }

    /**
     * The line's audio exists from {@code readyAtMs} on and lasts {@code plannedMs}. Returns false for
     * a line no longer waiting (withdrawn or dropped meanwhile): its audio is not needed.
     */
    public boolean ready(int utteranceId, long plannedMs, long readyAtMs) {
        for (Line line : queued) {
            if (line.speak.utteranceId() == utteranceId) {
                line.plannedMs = plannedMs;
                line.readyAtMs = readyAtMs;
                return true;
            }
        }
        return false;
    }

    /** The caller is hanging up: the lines decided so far are their last words and are said whatever happens. */
    public void lastWords() {
        queued.forEach(line -> line.lastWords = true);
    }

    /**
     * The caller yields utterance {@code utteranceId}: a playing line ends now, a waiting one is
     * withdrawn. Either way the session hears that it ended (cut short), so its floor is free again.
     */
    public List<DrillEvent> cut(int utteranceId, long atMs) {
        if (playingLine != null && playingLine.speak.utteranceId() == utteranceId) {
            playingLine = null;
            return List.of(new DrillEvent.CallerSpeechEnded(atMs, utteranceId, true));
        }
        if (queued.removeIf(line -> line.speak.utteranceId() == utteranceId)) {
            return List.of(new DrillEvent.CallerSpeechEnded(atMs, utteranceId, true));
        }
        return List.of();
    }

    /** The call is over: the playing line is cut here and nothing else is said. */
    public List<DrillEvent> clear(long atMs) {
        List<DrillEvent> events = new ArrayList<>();
        if (playingLine != null) events.addAll(cut(playingLine.speak.utteranceId(), atMs));
        queued.clear();
        return events;
    }

    /**
     * What happens on the caller's side at {@code nowMs}: the playing line ends when its time is up,
     * stale lines are dropped, and the next ready line starts. Call it at every moment the line is
     * looked at (each frame, or each time {@link #nextChangeMs} says); events come in time order.
     */
    public List<DrillEvent> advance(long nowMs) {
        List<DrillEvent> events = new ArrayList<>();
        if (playingLine != null && !onHold && nowMs >= playingStartMs + playingLine.plannedMs) {
            events.add(new DrillEvent.CallerSpeechEnded(playingStartMs + playingLine.plannedMs,
                    playingLine.speak.utteranceId(), false));
            playingLine = null;
        }
        while (playingLine == null && !queued.isEmpty()) {
            Line next = queued.peek();
            if (stale(next)) {
                queued.poll();
                dropped++;
                events.add(new DrillEvent.CallerSpeechEnded(nowMs, next.speak.utteranceId(), true));
                continue;
            }
            if (onHold || next.readyAtMs < 0 || next.readyAtMs > nowMs) break;
            queued.poll();
            playingLine = next;
            playingStartMs = nowMs;
            events.add(new DrillEvent.CallerSpeechStarted(nowMs, next.speak.utteranceId(), next.plannedMs));
        }
        return events;
    }

    /**
     * A reply the agent has moved on from: the agent started speaking (or a hold began) after the
     * caller decided on it. Barge-ins are meant to go over the agent; last words are said regardless.
     */
    private boolean stale(Line line) {
        if (line.lastWords) return false;
        if (line.holdSinceDecided) return true;
        if (line.speak.overAgent()) return false;
        return agentSpeaking || agentLastStartedMs > line.decidedAtMs;
    }

    /** The next moment {@link #advance} has something to do, or {@code Long.MAX_VALUE} if it waits on others. */
    public long nextChangeMs() {
        Line next = queued.peek();
        if (playingLine == null && next != null && stale(next)) return Long.MIN_VALUE; // dropped at once
        if (onHold) return Long.MAX_VALUE;
        if (playingLine != null) return playingStartMs + playingLine.plannedMs;
        return next == null || next.readyAtMs < 0 ? Long.MAX_VALUE : next.readyAtMs;
    }

    public Optional<Playing> playing() {
        if (playingLine == null) return Optional.empty();
        CallerAction.Speak speak = playingLine.speak;
        return Optional.of(new Playing(speak.utteranceId(), speak.text(), speak.anger(), playingStartMs, playingLine.plannedMs));
    }

    /** True while a line plays or waits to. */
    public boolean busy() {
        return playingLine != null || !queued.isEmpty();
    }

    /** True while a decided line has not started yet. */
    public boolean hasWaiting() {
        return !queued.isEmpty();
    }

    /** How many lines were dropped as stale (never heard). */
    public int droppedStale() {
        return dropped;
    }
}
