package callsim.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One drill: the simulated caller of a scenario reacting to the agent, driven only by the events it
 * is given (non-decreasing media time). Pure and deterministic: the same scenario, difficulty, seed
 * and events give the same actions and the same record.
 */
public final class DrillSession {
    public static final long MAX_DRILL_MS = 15 * 60_000;
    /** A furious caller talks over an agent who has held the floor this long. */
    public static final long MONOLOGUE_BARGE_IN_MS = 6_000;

    private static final int PRIORITY_REPLY = 1;

    private final Scenario scenario;
    private final Difficulty difficulty;
    private final long seed;
    private final CallerTemper temper;
    private final TurnAnalyzer analyzer;
    private final LineMonitor monitor = new LineMonitor();
    /** The line as the scorecard measures it: {@link #monitor} itself, unless scoring from a post-call transcript. */
    private final LineMonitor scoredLine;
    private final LinePicker picker;
    private final CallerTranscript transcript = new CallerTranscript();
    private final CallerFloor floor = new CallerFloor(transcript);
    private final CallerMemory memory = new CallerMemory();
    private final CallerMood mood;
    private final EvidenceLog evidence = new EvidenceLog();
    private final CallerReplies replies;
    private final List<UnclearTurn> unclearTurns = new ArrayList<>();

    private Outcome outcome = Outcome.IN_PROGRESS;
    private String outcomeReason = "";
    private int openingUtteranceId = -1;
    private long openingStartMs = -1;
    private boolean openingInterrupted;
    private HoldWatch hold;
    private SilenceWatch silence;
    private long agentLastStartedMs = -1;
    private long holdLastChangedMs = -1;
    private long bargedIntoTurnStartMs = -1;
    private long lastAtMs;
    private boolean interruptionAnsweredThisEvent;
    private long lastHeardMs = -1; // a dropped line: the drill is measured up to here

    /** A drill whose agent turns are typed text: cues match on spelling only. */
    public DrillSession(Scenario scenario, Difficulty difficulty, long seed) {
        this(scenario, difficulty, seed, SoundsLike.off());
    }

    /** A drill whose agent turns are recognised speech: cues also match on sound (see {@link SoundsLike}). */
    public DrillSession(Scenario scenario, Difficulty difficulty, long seed, SoundsLike sounds) {
        this(scenario, difficulty, seed, sounds, false);
    }

    /**
     * {@code scoresWhatWasSaid}: the drill is replayed to score it from a post-call transcript (see
     * {@link PostCallScoring}), so the line the scorecard measures reads the words said, kept apart from
     * the line the caller reacted to, which reads the words heard live.
     */
    DrillSession(Scenario scenario, Difficulty difficulty, long seed, SoundsLike sounds, boolean scoresWhatWasSaid) {
        this.scoredLine = scoresWhatWasSaid ? new LineMonitor() : monitor;
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.difficulty = Objects.requireNonNull(difficulty, "difficulty");
        this.seed = seed;
        this.temper = scenario.temper(difficulty);
        this.analyzer = new TurnAnalyzer(scenario, sounds);
        this.picker = new LinePicker(seed);
        this.mood = new CallerMood(temper.startingAnger(), 0);
        this.replies = new CallerReplies(scenario, memory, evidence, this::line, picker);
    }

    /**
     * Feeds the next event (in time order; a back-dated agent speech stop is accepted, see
     * {@link LineMonitor#accept}) and returns what the caller does in response (possibly nothing).
     */
    public List<CallerAction> on(DrillEvent event) {
        return on(event, event);
    }

    /**
     * {@link #on(DrillEvent)} for a drill scored from a post-call transcript: {@code event} is what happened
     * live, and the caller reacts to it; {@code said} is the same event with the agent's words as the
     * post-call transcript has them (any other event: the same one), and the transcript and scorecard
     * read it.
     */
    List<CallerAction> on(DrillEvent event, DrillEvent said) {
        lastAtMs = Math.max(lastAtMs, event.atMs());
        List<LineNotice> notices = monitor.accept(event);
        List<LineNotice> scoredNotices = scoredLine == monitor ? notices : scoredLine.accept(said);
        transcript.accept(said);
        if (event instanceof DrillEvent.CallerSpeechStarted started && started.utteranceId() == openingUtteranceId) {
            openingStartMs = started.atMs();
        }
        List<CallerAction> actions = new ArrayList<>();
        if (event instanceof DrillEvent.AgentSpeechStarted) {
            agentLastStartedMs = event.atMs();
            silence = null;
        } else if (event instanceof DrillEvent.HoldStarted || event instanceof DrillEvent.HoldEnded) {
            holdLastChangedMs = event.atMs();
            silence = null;
        }
        if (event instanceof DrillEvent.CallerSpeechEnded ended) onCallerSpeechEnded(ended, actions);
        if (finished()) return actions;

        long now = lastAtMs;
        interruptionAnsweredThisEvent = false;
        for (LineNotice notice : scoredNotices) {
            if (notice instanceof LineNotice.AgentInterruption cut && cut.utteranceId() == openingUtteranceId) {
                evidence.add(Technique.LET_THEM_VENT, Evidence.noted(cut.atMs(), "cut-in-opening",
                        "started talking while the caller was still venting"));
            }
        }
        for (LineNotice notice : notices) {
            if (notice instanceof LineNotice.AgentInterruption interruption) onInterrupted(interruption, now, actions);
            else if (notice instanceof LineNotice.DeadAir deadAir) onDeadAir(deadAir, now, actions);
        }
        if (event instanceof DrillEvent.CallConnected) {
            actions.add(floor.speak(opening(), anger(), false));
            openingUtteranceId = floor.currentId();
        } else if (event instanceof DrillEvent.AgentTurn turn) {
            onAgentTurn(turn, ((DrillEvent.AgentTurn) said).words(), now, actions);
        } else if (event instanceof DrillEvent.HoldStarted) {
            onHoldStarted(now, actions);
        } else if (event instanceof DrillEvent.HoldEnded) {
            onHoldEnded(now, actions);
        } else if (event instanceof DrillEvent.AgentHungUp) {
            finish(Outcome.AGENT_ENDED, "the agent hung up"); // after a resolution the drill is already over
            return actions;
        } else if (event instanceof DrillEvent.LineDropped dropped) {
            lastHeardMs = Math.min(dropped.lastHeardMs(), dropped.atMs());
            finish(Outcome.LINE_DROPPED, "the line dropped: nothing came from the agent's side after "
                    + lastHeardMs / 1000 + " s");
            return actions;
        } else if (event instanceof DrillEvent.ServerStopped) {
            finish(Outcome.SERVER_STOPPED, "the simulator was stopped with the call on the line");
            return actions;
        }
        if (!finished()) watchTheClock(now, actions);
        return List.copyOf(actions);
    }

    public int anger() {
        return mood.anger();
    }

    public AngerBand band() {
        return mood.band();
    }

    public Outcome outcome() {
        return outcome;
    }

    public boolean finished() {
        return outcome != Outcome.IN_PROGRESS;
    }

    /** True while a line waits for the caller's current one to end (it will be said unless the agent moves on). */
    public boolean callerHasMoreToSay() {
        return floor.hasPending();
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The line as measured so far (queries for the app: who is speaking, hold, silence). */
    public LineView line() {
        return monitor;
    }

    /**
     * Everything known about the drill, as if it ended at {@code nowMs} (or when it did end). A dropped line
     * ends when the agent's side was last heard: what the line measured after that is not the agent's doing.
     */
    public DrillRecord record(long nowMs) {
        if (lastHeardMs >= 0 && lastHeardMs < nowMs) {
            long end = lastHeardMs;
            LineMetrics metrics = scoredLine.metrics(nowMs).until(end);
            List<AngerPoint> anger = mood.curve().stream().filter(p -> p.atMs() <= end).toList();
            List<TranscriptEntry> said = transcript.entries(nowMs).stream().filter(e -> e.startMs() < end).toList();
            List<UnclearTurn> unclear = unclearTurns.stream().filter(u -> u.atMs() < end).toList();
            return new DrillRecord(scenario.id(), difficulty, seed, outcome, outcomeReason, end,
                    said, anger, metrics, Scoring.score(scenario, evidence, metrics, outcome, unclear));
        }
        LineMetrics metrics = scoredLine.metrics(nowMs);
        return new DrillRecord(scenario.id(), difficulty, seed, outcome, outcomeReason, nowMs,
                transcript.entries(nowMs), mood.curve(), metrics, Scoring.score(scenario, evidence, metrics, outcome, unclearTurns));
    }

    private void onCallerSpeechEnded(DrillEvent.CallerSpeechEnded ended, List<CallerAction> actions) {
        boolean wasOpening = ended.utteranceId() == openingUtteranceId;
        Optional<CallerFloor.Pending> next = floor.ended(ended.utteranceId());
        if (finished()) return;
        if (wasOpening && !openingInterrupted && !ended.cutShort()) {
            changeAnger(AngerRules.VENTED_UNINTERRUPTED, lastAtMs);
            long from = openingStartMs >= 0 ? openingStartMs : ended.atMs();
            evidence.add(Technique.LET_THEM_VENT, Evidence.measured(from, "vented", (ended.atMs() - from) / 1000.0,
                    "let the caller finish their opening complaint"));
        }
        next.ifPresent(pending -> {
            if (!monitor.agentSpeaking() || pending.mayTalkOverAgent()) {
                actions.add(floor.speak(pending.text(), anger(), monitor.agentSpeaking()));
            }
        });
    }

    /**
     * A furious caller who is still talking stops and says "let me finish" over the agent (not once
     * their line has ended: then they were not cut off); a calmer one yields the floor.
     */
    private void onInterrupted(LineNotice.AgentInterruption interruption, long now, List<CallerAction> actions) {
        boolean whileVenting = interruption.utteranceId() == openingUtteranceId;
        openingInterrupted |= whileVenting;
        changeAnger(whileVenting ? AngerRules.INTERRUPTED_WHILE_VENTING : AngerRules.INTERRUPTED, now);
        boolean stillTalking = floor.currentId() == interruption.utteranceId()
                && monitor.callerUtteranceId() == interruption.utteranceId();
        if (mood.band() == AngerBand.FURIOUS) {
            if (!stillTalking) return;
            interruptionAnsweredThisEvent = true;
            floor.dropPending();
            actions.add(new CallerAction.StopSpeaking(interruption.utteranceId()));
            actions.add(floor.speak(line(LineSituation.INTERRUPTED), anger(), true));
        } else if (floor.currentId() == interruption.utteranceId()) {
            actions.add(new CallerAction.StopSpeaking(interruption.utteranceId()));
            floor.dropPending();
        }
    }

    /** The line has been silent for a while: the caller starts watching the silence (one watch per silence). */
    private void onDeadAir(LineNotice.DeadAir deadAir, long now, List<CallerAction> actions) {
        if (monitor.onHold() || silence != null) return;
        silence = new SilenceWatch(deadAir.sinceMs(), mood.band());
        watchTheSilence(now, actions);
    }

    /** A few spaced checks, then the caller gives up on an agent who has gone silent. */
    private void watchTheSilence(long now, List<CallerAction> actions) {
        if (silence.patienceGone(now)) {
            hangUp(Outcome.AGENT_SILENT, "the agent went silent for " + (now - silence.sinceMs) / 1000 + " s",
                    () -> line(LineSituation.HANG_UP), actions);
            return;
        }
        if (floor.speaking() || !silence.checkDue(now)) return;
        while (silence.checkDue(now)) silence.checksMade++;  // a check missed while talking is not made up
        changeAnger(AngerRules.DEAD_AIR, now);
        say(line(LineSituation.DEAD_AIR), PRIORITY_REPLY, false, actions);
    }

    /**
     * Reads a turn's words ahead of its {@link DrillEvent.AgentTurn}, so handling the turn later finds them
     * read. The one method that may be called from another thread (a live drill calls it where recognition
     * finishes, off its audio clock); it changes nothing the session reports.
     */
    public void readAhead(String words) {
        analyzer.read(words);
    }

    /**
     * The caller reacts to the words it heard ({@code turn.words()}); the turn's evidence is what the agent
     * said ({@code saidWords}: the same words live, a post-call transcript's when rescoring), judged against
     * what the caller remembered. A turn the caller did not hear clearly is neither answered nor scored, also
     * when rescoring: the post-call words carry the live turn's confidence until they have one of their own.
     */
    private void onAgentTurn(DrillEvent.AgentTurn turn, String saidWords, long now, List<CallerAction> actions) {
        if (!turn.heardClearly()) {
            onUnclearTurn(turn, actions);
            return;
        }
        TurnReading reading = analyzer.read(turn.words());
        TurnReading said = saidWords.equals(turn.words()) ? reading : analyzer.read(saidWords);
        if (reading.has(Signal.BACKCHANNEL) && floor.speaking()) { // active listening: carry on
            if (!said.has(Signal.BACKCHANNEL)) {
                TurnEvidence.log(turn.startMs(), said, memory, scenario, evidence);
            } else if (floor.currentId() == openingUtteranceId) {
                evidence.add(Technique.LET_THEM_VENT, Evidence.said(turn.startMs(), "backchannel", saidWords, "listened actively"));
            }
            return;
        }
        changeAnger(AngerRules.scaled(AngerRules.forTurn(reading, memory, scenario), temper.volatility()), now);
        TurnEvidence.log(turn.startMs(), said, memory, scenario, evidence);
        Set<String> factsAskedBefore = reading.all(Signal.FACT_QUESTION).stream().map(Detection::subjectId)
                .filter(memory::factRevealed).collect(Collectors.toSet());
        boolean boundaryAnswersAbuse = reading.has(Signal.BOUNDARY) && memory.abuseStarted() && !memory.boundarySet();
        boolean needMetBefore = memory.needMet();
        memory.remember(reading, scenario);
        if (reading.has(Signal.ESCALATION)) {
            hangUp(Outcome.ESCALATED, "the agent transferred the caller to a supervisor", () -> line(LineSituation.TRANSFER), actions);
            return;
        }
        if (memory.needMet() && mood.band() == AngerBand.SATISFIED) {
            if (!needMetBefore) {
                evidence.add(Technique.CLOSE_AND_FOLLOW_UP, Evidence.noted(turn.startMs(), "resolved-on-offer",
                        "the caller accepted the remedy and said goodbye at once"));
            }
            String choice = replies.choice(reading, mood.band(), true).map(c -> c + " ").orElse("");
            hangUp(Outcome.RESOLVED, "the caller accepted a remedy and is satisfied",
                    () -> choice + line(LineSituation.CLOSING), actions);
            return;
        }
        if (!answerable(turn)) return;
        say(replies.replyTo(reading, factsAskedBefore, boundaryAnswersAbuse, mood.band(), now), PRIORITY_REPLY, false, actions);
    }

    /**
     * A turn heard too poorly to trust its words (docs/rubric.md, "Not heard clearly"): the caller asks
     * again, as on a bad line, unless they are talking; the words are neither answered, remembered nor
     * scored, and the caller's mood does not change.
     */
    private void onUnclearTurn(DrillEvent.AgentTurn turn, List<CallerAction> actions) {
        unclearTurns.add(new UnclearTurn(turn.startMs()));
        if (floor.speaking() || !answerable(turn)) return;
        say(line(LineSituation.NOT_HEARD), PRIORITY_REPLY, false, actions);
    }

    /** False when a reply would be stale: the agent has moved on (talking again, or a hold since), or it was answered already. */
    private boolean answerable(DrillEvent.AgentTurn turn) {
        boolean superseded = agentLastStartedMs > turn.endMs() || holdLastChangedMs > turn.endMs();
        return !interruptionAnsweredThisEvent && !monitor.onHold() && !superseded;
    }

    private void onHoldStarted(long now, List<CallerAction> actions) {
        hold = new HoldWatch(now);
        floor.dropPending();
        if (floor.speaking()) actions.add(new CallerAction.StopSpeaking(floor.currentId()));
    }

    private void onHoldEnded(long now, List<CallerAction> actions) {
        if (hold == null) return;
        judgeHold(now, true);
        hold = null;
        say(line(LineSituation.AFTER_HOLD), PRIORITY_REPLY, false, actions);
    }

    /** Things that happen with time alone: hold patience, monologues, lasting fury, the drill's time limit. */
    private void watchTheClock(long now, List<CallerAction> actions) {
        if (now >= MAX_DRILL_MS) {
            finish(Outcome.TIMED_OUT, "the drill ran past " + MAX_DRILL_MS / 60_000 + " minutes");
            actions.add(new CallerAction.HangUp(Outcome.TIMED_OUT, outcomeReason));
            return;
        }
        if (hold != null) {
            judgeHold(now, false);
            long onHoldMs = now - hold.startMs;
            while (onHoldMs >= (hold.marksPassed + 1) * HoldWatch.MARK_MS) {
                hold.marksPassed++;
                int rise = !hold.announced ? AngerRules.UNANNOUNCED_HOLD_MARK
                        : hold.marksPassed == 1 ? AngerRules.ANNOUNCED_FIRST_HOLD_MARK : AngerRules.ANNOUNCED_LATER_HOLD_MARK;
                changeAnger(AngerRules.scaled(rise, temper.volatility()), now);
            }
            if (onHoldMs >= hold.patienceMs(temper)) {
                finish(Outcome.CALLER_HUNG_UP, "the caller ran out of patience after " + onHoldMs / 1000 + " s on hold");
                actions.add(new CallerAction.HangUp(outcome, outcomeReason));
                return;
            }
        }
        if (silence != null) {
            watchTheSilence(now, actions);
            if (finished()) return;
        }
        long turnStart = monitor.agentTurnStartedAtMs();
        if (mood.band() == AngerBand.FURIOUS && monitor.agentSpeaking() && turnStart >= 0
                && now - turnStart > MONOLOGUE_BARGE_IN_MS && bargedIntoTurnStartMs != turnStart && !floor.speaking()) {
            bargedIntoTurnStartMs = turnStart;
            actions.add(floor.speak(line(LineSituation.BARGE_IN), anger(), true));
        }
        if (mood.atTopForMs(now) >= furyToleranceMs()) {
            hangUp(Outcome.CALLER_HUNG_UP, "the caller stayed furious for " + mood.atTopForMs(now) / 1000 + " s",
                    () -> line(LineSituation.HANG_UP), actions);
        }
    }

    /** Unannounced holds anger the caller once the hold is clearly not the one the agent asked for. */
    private void judgeHold(long now, boolean ending) {
        if (hold.judged) return;
        boolean announced = monitor.holdAnnounced();
        if (!announced && !ending && now - hold.startMs < HoldWatch.JUDGE_AFTER_MS) return;
        hold.judged = true;
        hold.announced = announced;
        if (!announced) changeAnger(AngerRules.scaled(AngerRules.UNANNOUNCED_HOLD, temper.volatility()), now);
    }

    private long furyToleranceMs() {
        return switch (difficulty) {
            case EASY -> 30_000;
            case NORMAL -> 20_000;
            case HARD -> 12_000;
        };
    }

    /** Says a last line if the floor is free (else the current one is the last), then hangs up. */
    private void hangUp(Outcome how, String reason, Supplier<String> lastWords, List<CallerAction> actions) {
        finish(how, reason);
        floor.dropPending();
        if (!floor.speaking() && !monitor.onHold()) actions.add(floor.speak(lastWords.get(), anger(), false));
        actions.add(new CallerAction.HangUp(how, reason));
    }

    private void say(String text, int priority, boolean mayTalkOverAgent, List<CallerAction> actions) {
        if (floor.speaking()) {
            floor.queue(new CallerFloor.Pending(text, priority, mayTalkOverAgent));
        } else if (!monitor.agentSpeaking() || mayTalkOverAgent) {
            actions.add(floor.speak(text, anger(), monitor.agentSpeaking()));
        }
        // Otherwise the agent has started again; the caller waits for that turn and answers it.
    }

    private String line(LineSituation situation) {
        List<List<String>> pools = scenario.lines().poolsNearest(situation, mood.band());
        return picker.pickNearest(pools.isEmpty() ? scenario.lines().poolsNearest(LineSituation.CONTINUATION, mood.band()) : pools);
    }

    /** The opening complaint: one of the scenario's variants for the caller's starting mood, else its opening. */
    private String opening() {
        List<String> variants = scenario.lines().pool(LineSituation.OPENING, mood.band(), LineSituation.OPENING);
        return variants.isEmpty() ? scenario.openingComplaint() : picker.pick(variants);
    }

    private void changeAnger(int delta, long now) {
        mood.change(delta, now);
    }

    private void finish(Outcome how, String reason) {
        outcome = how;
        outcomeReason = reason;
    }
}
