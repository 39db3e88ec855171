package callsim.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Measures the line as docs/metrics.md defines it, incrementally: feed every {@link DrillEvent} in time
 * order to {@link #accept}; it answers with the notices the caller may react to (interruptions,
 * barge-ins, dead air) and keeps the evidence for {@link #metrics(long)}.
 */
public final class LineMonitor implements LineView {
    public static final long DEAD_AIR_MS = 5_000;
    public static final long INTERRUPTION_MIN_REMAINING_MS = 1_000;
    public static final long BACKCHANNEL_MAX_MS = 1_000;
    public static final long HOLD_ANNOUNCE_WINDOW_MS = 20_000;
    /**
     * The agent's voice activity ends only after the VAD hangover, and the stop is then back-dated to
     * the last voiced frame; until the stop arrives, speech must run this much past 1 s to be sure.
     */
    public static final long VAD_HANGOVER_ALLOWANCE_MS = 300;

    /** The caller utterance on the line now. */
    private record CallerUtterance(int id, long startMs, long plannedMs) {
        long remainingAt(long atMs) {
            return startMs + plannedMs - atMs;
        }
    }

    /** Agent speech that started over a caller utterance; an interruption unless it proves a backchannel. */
    private record Candidate(long startMs, int utteranceId) {}

    private long nowMs;
    private boolean connected;
    private boolean hungUp;

    private CallerUtterance caller;
    private long callerSilentSinceMs;
    private long agentSpeechStartMs = -1;
    private long agentSilentSinceMs;
    private long agentTurnStartMs = -1;
    private long holdStartMs = -1;
    private long holdEndedMs;
    private long overtalkStartMs = -1;
    private boolean deadAirNoticed;
    private long turnRecognisedMs = -1;

    private Candidate speakingCandidate;
    private final List<Candidate> candidatesAwaitingTurn = new ArrayList<>();
    private final Set<Integer> interruptedUtterances = new HashSet<>();
    private long replyAwaitedSinceMs = -1;

    private final List<Span> holds = new ArrayList<>();
    private final List<Long> holdRequestTurnEnds = new ArrayList<>();
    private final List<Long> agentInterruptions = new ArrayList<>();
    private final List<Long> callerInterruptions = new ArrayList<>();
    private final List<Span> overtalk = new ArrayList<>();
    private final List<Span> deadAir = new ArrayList<>();
    private final List<Span> agentSpeech = new ArrayList<>();
    private final List<Span> callerSpeech = new ArrayList<>();
    private final List<Long> latencies = new ArrayList<>();

    /**
     * Consumes the next event and returns what it revealed, in time order. Events come in time order,
     * except that an agent speech stop may be stamped earlier (back-dated to the last voiced frame):
     * its own time closes the speech span, the latest time seen stands for everything else.
     */
    public List<LineNotice> accept(DrillEvent event) {
        List<LineNotice> notices = new ArrayList<>();
        long at = Math.max(event.atMs(), nowMs);
        advanceTo(at, notices);
        if (event instanceof DrillEvent.CallConnected) onConnected(at);
        else if (event instanceof DrillEvent.CallerSpeechStarted e) onCallerStarted(e, at, notices);
        else if (event instanceof DrillEvent.CallerSpeechEnded e) onCallerEnded(e, at);
        else if (event instanceof DrillEvent.AgentSpeechStarted) onAgentStarted(at);
        else if (event instanceof DrillEvent.AgentSpeechStopped e) onAgentStopped(e.atMs(), notices);
        else if (event instanceof DrillEvent.AgentTurn e) onAgentTurn(e, notices);
        else if (event instanceof DrillEvent.HoldStarted) onHoldStarted(at);
        else if (event instanceof DrillEvent.HoldEnded) onHoldEnded(at);
        else if (event instanceof DrillEvent.AgentHungUp) onHungUp(at);
        // Tick and DtmfPressed only move time on.
        return notices;
    }

    @Override
    public boolean callerSpeaking() { return caller != null; }

    @Override
    public int callerUtteranceId() { return caller == null ? -1 : caller.id(); }

    @Override
    public boolean agentSpeaking() { return agentSpeechStartMs >= 0; }

    @Override
    public boolean agentMidTurn() { return agentTurnStartMs >= 0; }

    @Override
    public long agentTurnStartedAtMs() { return agentTurnStartMs; }

    @Override
    public boolean onHold() { return holdStartMs >= 0; }

    @Override
    public long holdStartedAtMs() { return holdStartMs; }

    @Override
    public boolean holdAnnounced() {
        return onHold() && announced(holdStartMs);
    }

    /**
     * When the current silence began, or -1 when someone is speaking, on hold, or an agent turn is
     * still being recognised: that silence is the simulator working out its reply, not dead air the
     * agent left, so silence only counts again from the moment the turn's words are known.
     */
    @Override
    public long silentSinceMs() {
        if (!connected || hungUp || onHold() || callerSpeaking() || agentSpeaking() || agentMidTurn()) return -1;
        return Math.max(Math.max(Math.max(callerSilentSinceMs, agentSilentSinceMs), holdEndedMs), turnRecognisedMs);
    }

    @Override
    public LineMetrics metrics(long callEndMs) {
        long end = Math.max(callEndMs, nowMs);
        List<HoldRecord> holdRecords = new ArrayList<>();
        for (Span hold : holds) holdRecords.add(new HoldRecord(hold.startMs(), hold.endMs(), announced(hold.startMs())));
        if (onHold()) holdRecords.add(new HoldRecord(holdStartMs, end, announced(holdStartMs)));

        List<Span> agent = withOpen(agentSpeech, agentSpeechStartMs, end);
        List<Span> callerSpans = withOpen(callerSpeech, caller == null ? -1 : caller.startMs(), end);
        List<Span> both = withOpen(overtalk, overtalkStartMs, end);
        List<Span> silence = new ArrayList<>(deadAir);
        long since = silentSinceMs();
        if (since >= 0 && end - since > DEAD_AIR_MS) silence.add(new Span(since, end));
        return new LineMetrics(holdRecords, agentInterruptions, callerInterruptions, both, silence, agent,
                callerSpans, latencies);
    }

    private void advanceTo(long at, List<LineNotice> notices) {
        nowMs = at;
        if (speakingCandidate != null
                && at - speakingCandidate.startMs() >= BACKCHANNEL_MAX_MS + VAD_HANGOVER_ALLOWANCE_MS) {
            confirm(speakingCandidate, notices);
            speakingCandidate = null;
        }
        long since = silentSinceMs();
        if (since >= 0 && !deadAirNoticed && at - since > DEAD_AIR_MS) {
            deadAirNoticed = true;
            notices.add(new LineNotice.DeadAir(at, since));
        }
    }

    private void onConnected(long at) {
        connected = true;
        callerSilentSinceMs = at;
        agentSilentSinceMs = at;
    }

    private void onCallerStarted(DrillEvent.CallerSpeechStarted e, long at, List<LineNotice> notices) {
        endSilence(at);
        if (caller != null) { // a new utterance replaces one whose end never arrived
            callerSpeech.add(new Span(caller.startMs(), at));
            closeOvertalk(at);
        }
        caller = new CallerUtterance(e.utteranceId(), at, e.plannedMs());
        if (agentSpeaking() || agentMidTurn()) {
            callerInterruptions.add(at);
            notices.add(new LineNotice.CallerBargeIn(at, e.utteranceId()));
        } else if (replyAwaitedSinceMs >= 0) {
            latencies.add(at - replyAwaitedSinceMs);
        }
        replyAwaitedSinceMs = -1;
        if (agentSpeaking()) overtalkStartMs = at;
    }

    private void onCallerEnded(DrillEvent.CallerSpeechEnded e, long at) {
        if (caller == null || caller.id() != e.utteranceId()) return;
        callerSpeech.add(new Span(caller.startMs(), at));
        caller = null;
        callerSilentSinceMs = at;
        closeOvertalk(at);
        restartSilence();
    }

    private void onAgentStarted(long at) {
        if (agentSpeaking()) return;
        endSilence(at);
        agentSpeechStartMs = at;
        if (agentTurnStartMs < 0) agentTurnStartMs = at;
        replyAwaitedSinceMs = -1;
        if (caller != null) {
            overtalkStartMs = at;
            if (!interruptedUtterances.contains(caller.id())
                    && caller.remainingAt(at) >= INTERRUPTION_MIN_REMAINING_MS) {
                speakingCandidate = new Candidate(at, caller.id());
            }
        }
    }

    private void onAgentStopped(long stampedMs, List<LineNotice> notices) {
        if (!agentSpeaking()) return;
        long at = Math.max(stampedMs, agentSpeechStartMs);
        agentSpeech.add(new Span(agentSpeechStartMs, at));
        agentSpeechStartMs = -1;
        agentSilentSinceMs = at;
        closeOvertalk(Math.max(at, overtalkStartMs));
        if (speakingCandidate != null) {
            if (at - speakingCandidate.startMs() >= BACKCHANNEL_MAX_MS) confirm(speakingCandidate, notices);
            else candidatesAwaitingTurn.add(speakingCandidate);
        }
        speakingCandidate = null;
        restartSilence();
    }

    private void onAgentTurn(DrillEvent.AgentTurn e, List<LineNotice> notices) {
        // Short agent speech over the caller is judged by its words: an acknowledgement (or noise with
        // no recognised words, or words not heard clearly enough to judge) is active listening,
        // anything else an interruption.
        boolean listening = !e.heardClearly() || e.words().isBlank() || AgentPhrases.isBackchannel(e.words());
        for (Candidate candidate : candidatesAwaitingTurn) {
            if (!listening) confirm(candidate, notices);
        }
        candidatesAwaitingTurn.clear();
        if (e.heardClearly() && AgentPhrases.isHoldRequest(e.words())) holdRequestTurnEnds.add(e.endMs());
        agentTurnStartMs = agentSpeaking() ? agentSpeechStartMs : -1; // speaking again: a new turn has begun
        turnRecognisedMs = nowMs;
        restartSilence();
        // Only a turn the caller can answer opens a reply: not one heard while the caller is talking or on hold.
        replyAwaitedSinceMs = caller == null && !onHold() && !agentSpeaking() ? e.endMs() : -1;
    }

    private void onHoldStarted(long at) {
        if (onHold()) return;
        endSilence(at);
        holdStartMs = at;
        replyAwaitedSinceMs = -1;
    }

    private void onHoldEnded(long at) {
        if (!onHold()) return;
        holds.add(new Span(holdStartMs, at));
        holdStartMs = -1;
        holdEndedMs = at;
        restartSilence();
    }

    private void onHungUp(long at) {
        endSilence(at);
        hungUp = true;
    }

    private void confirm(Candidate candidate, List<LineNotice> notices) {
        if (!interruptedUtterances.add(candidate.utteranceId())) return;
        agentInterruptions.add(candidate.startMs());
        notices.add(new LineNotice.AgentInterruption(candidate.startMs(), candidate.utteranceId()));
    }

    private void closeOvertalk(long at) {
        if (overtalkStartMs < 0) return;
        if (at > overtalkStartMs) overtalk.add(new Span(overtalkStartMs, at));
        overtalkStartMs = -1;
    }

    /** Called just before something breaks the silence; keeps it as dead air when it ran long enough. */
    private void endSilence(long at) {
        long since = silentSinceMs();
        if (since >= 0 && at - since > DEAD_AIR_MS) deadAir.add(new Span(since, at));
    }

    private void restartSilence() {
        if (silentSinceMs() >= 0) deadAirNoticed = false;
    }

    private boolean announced(long holdStart) {
        return holdRequestTurnEnds.stream()
                .anyMatch(end -> end <= holdStart && holdStart - end <= HOLD_ANNOUNCE_WINDOW_MS);
    }

    private static List<Span> withOpen(List<Span> closed, long openStartMs, long end) {
        List<Span> spans = new ArrayList<>(closed);
        if (openStartMs >= 0 && end >= openStartMs) spans.add(new Span(openStartMs, end));
        return spans;
    }
}
