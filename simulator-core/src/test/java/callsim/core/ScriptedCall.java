package callsim.core;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Plays a drill the way the app would: ticks every 100 ms, caller lines start 200 ms after their
 * Speak and last 60 ms per character unless stopped, the agent's turns are recognised 600 ms after
 * they end. Tests script only what the agent does.
 */
final class ScriptedCall {
    static final long SPEAK_DELAY_MS = 200;
    static final long TURN_RECOGNISED_AFTER_MS = 600;

    private record Scheduled(DrillEvent event, long order) {}

    final DrillSession session;
    final List<CallerAction> actions = new ArrayList<>();
    final List<DrillEvent> events = new ArrayList<>();
    private final PriorityQueue<Scheduled> scheduled = new PriorityQueue<>(
            Comparator.comparingLong((Scheduled s) -> s.event().atMs()).thenComparingLong(Scheduled::order));
    private long order;
    private long now;
    private int playingId = -1;
    private long playingEndsMs;
    private boolean hungUp;

    ScriptedCall(Scenario scenario, Difficulty difficulty, long seed) {
        session = new DrillSession(scenario, difficulty, seed);
    }

    static ScriptedCall normal(long seed) {
        return new ScriptedCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, seed);
    }

    ScriptedCall connect() {
        deliver(new DrillEvent.CallConnected(0));
        return this;
    }

    long now() {
        return now;
    }

    boolean callerSpeaking() {
        return playingId >= 0;
    }

    /** Waits until the caller's current line (and any that follow at once) has played, then {@code gapMs} more. */
    ScriptedCall waitForCaller(long gapMs) {
        long limit = now + 120_000;
        while ((playingId >= 0 || !scheduled.isEmpty()) && now < limit && !hungUp) advanceTo(now + 100);
        return waitUntil(now + gapMs);
    }

    ScriptedCall waitUntil(long atMs) {
        advanceTo(atMs);
        return this;
    }

    ScriptedCall agentSays(long durationMs, String words) {
        long start = now;
        deliver(new DrillEvent.AgentSpeechStarted(start));
        advanceTo(start + durationMs);
        deliver(new DrillEvent.AgentSpeechStopped(start + durationMs));
        advanceTo(start + durationMs + TURN_RECOGNISED_AFTER_MS);
        deliver(new DrillEvent.AgentTurn(now, start, start + durationMs, words));
        return this;
    }

    ScriptedCall hold(long lengthMs) {
        deliver(new DrillEvent.HoldStarted(now));
        advanceTo(now + lengthMs);
        deliver(new DrillEvent.HoldEnded(now));
        return this;
    }

    ScriptedCall deliver(DrillEvent event) {
        if (hungUp) return this;
        now = event.atMs();
        events.add(event);
        if (event instanceof DrillEvent.CallerSpeechStarted started) {
            playingId = started.utteranceId();
            playingEndsMs = started.atMs() + started.plannedMs();
        } else if (event instanceof DrillEvent.CallerSpeechEnded ended && ended.utteranceId() == playingId) {
            playingId = -1;
        }
        for (CallerAction action : session.on(event)) {
            actions.add(action);
            carryOut(action);
        }
        return this;
    }

    private void carryOut(CallerAction action) {
        if (action instanceof CallerAction.Speak speak) {
            if (!speak.overAgent() && (playingId >= 0 || !scheduled.isEmpty())) {
                fail("the caller spoke over themself: " + speak + " while " + playingId + " plays");
            }
            long start = Math.max(now, playingId >= 0 ? playingEndsMs : now) + SPEAK_DELAY_MS;
            long planned = 60L * speak.text().length();
            schedule(new DrillEvent.CallerSpeechStarted(start, speak.utteranceId(), planned));
            schedule(new DrillEvent.CallerSpeechEnded(start + planned, speak.utteranceId(), false));
        } else if (action instanceof CallerAction.StopSpeaking stop) {
            scheduled.removeIf(s -> s.event() instanceof DrillEvent.CallerSpeechEnded e && e.utteranceId() == stop.utteranceId());
            if (playingId == stop.utteranceId()) schedule(new DrillEvent.CallerSpeechEnded(now + 20, stop.utteranceId(), true));
        } else if (action instanceof CallerAction.HangUp) {
            // The app hangs up once the line in progress has played.
            long limit = now + 60_000;
            while (!scheduled.isEmpty() && now < limit) advanceTo(now + 100);
            hungUp = true;
        }
    }

    private void schedule(DrillEvent event) {
        scheduled.add(new Scheduled(event, order++));
    }

    private void advanceTo(long target) {
        while (now < target && !hungUp) {
            long nextTick = (now / 100 + 1) * 100;
            Scheduled next = scheduled.peek();
            if (next != null && next.event().atMs() <= Math.min(nextTick, target)) {
                scheduled.poll();
                deliver(next.event());
            } else if (nextTick <= target) {
                deliver(new DrillEvent.Tick(nextTick));
            } else {
                now = target;
            }
        }
    }

    List<String> callerLines() {
        return actions.stream().filter(a -> a instanceof CallerAction.Speak)
                .map(a -> ((CallerAction.Speak) a).text()).toList();
    }

    String lastCallerLine() {
        List<String> lines = callerLines();
        return lines.get(lines.size() - 1);
    }

    DrillRecord record() {
        return session.record(now);
    }
}
