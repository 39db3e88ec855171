package callsim.app.pipeline;

import callsim.core.CallerAction;
import callsim.core.CallerTimeline;
import callsim.core.DrillEvent;
import callsim.core.DrillRecord;
import callsim.core.DrillSession;
import callsim.core.Scenario;
import callsim.speech.PitchTail;
import callsim.speech.RecognizedTurn;
import callsim.speech.RecognitionShedException;
import callsim.speech.SpeakerProfile;
import callsim.speech.TurnDetector;
import callsim.speech.TurnEnding;
import callsim.speech.TurnEvent;
import callsim.telephony.CallLine;
import callsim.telephony.LineListener;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One call's pipeline: agent audio → turn detection → recognition → the drill session → caller
 * speech → the line. Everything that decides lives in {@link DrillSession}; this class only moves
 * audio and events, all on the media clock's thread. Network, synthesis and recognition threads
 * hand their results over through queues, so the session sees one ordered timeline. When a caller
 * line starts, waits, is cut or dropped is the core's {@link CallerTimeline}'s decision, as in the
 * text drill; this class only sends the synthesised samples of the line it says is playing.
 */
public final class DrillPipeline implements LineListener, MediaClock.Ticking {
    private static final Logger LOG = System.getLogger(DrillPipeline.class.getName());
    private static final int TICK_EVERY_FRAMES = 5;        // a Tick event every 100 ms
    private static final int SNAPSHOT_EVERY_FRAMES = 250;  // a partial report every 5 s
    private static final int PRE_ROLL_FRAMES = 15;         // 300 ms of audio before speech onset
    private static final int MAX_BACKLOG_FRAMES = 10;      // agent audio queued beyond 200 ms is caught up
    private static final int MAX_WAIT_FOR_WORDS_FRAMES = 500;  // 10 s for the last turn's words after a hang-up
    private static final int UNFINISHED_PAUSE_MS = 1200;       // a pause after "and", "so", "um" may last this long
    private static final int FINISHED_PAUSE_MS = 450;          // the least pause that ends a turn whose words sound finished
    private static final int FRAME_SAMPLES = MediaClock.FRAME_SAMPLES;
    private static final int RECENT_AGENT_FRAMES = 50;         // 1 s: a pause's voiced tail and its hangover
    private static final short[] SILENCE = new short[FRAME_SAMPLES];

    private final String drillId;
    private final CallLine line;
    private final DrillSession session;
    private final Scenario scenario;
    private final SpeechServices speech;
    private final DrillJournal journal;
    private final TurnDetector turnDetector;
    private final Consumer<DrillPipeline> onFinished;
    private final Function<DrillRecord, String> debriefText;

    // Handed over from other threads, drained on the media clock thread.
    private final Queue<short[]> agentFrames = new ConcurrentLinkedQueue<>();
    private final Queue<Consumer<Long>> inbox = new ConcurrentLinkedQueue<>();

    // Media-clock-thread state.
    private final CallerTimeline callerLines = new CallerTimeline();
    private final Map<Integer, short[]> callerAudio = new HashMap<>();
    private final ArrayDeque<short[]> preRoll = new ArrayDeque<>();
    private final ArrayDeque<short[]> recentAgent = new ArrayDeque<>();
    private PitchTail.Direction pitchBeforePause = PitchTail.Direction.UNKNOWN;
    /** The agent's voice as the recognisers have learnt it, carried from each of their turns to the next. */
    private final SpeakerProfile agentVoice = new SpeakerProfile();
    private HeardTurn turn;  // the agent turn being recognised as it is spoken
    private CallerAction.HangUp pendingHangUp;
    private SpokenSummary summary;  // set once the caller has ended the drill and the debrief is read
    private long drillEndMs;
    private long hungUpAtMs = -1;
    private long lastHeardMs;         // media time of the agent side's last frame
    private boolean lineDropped;      // the agent's side vanished rather than hung up
    private int turnsBeingRecognised;
    private int framesWaitedForWords;
    private long frameIndex;
    private boolean onHold;
    private boolean ended;
    private long lastEventMs;
    private boolean quiet;  // the start-up warm-up's drill: nobody needs its log lines

    public DrillPipeline(String drillId, CallLine line, DrillSession session, Scenario scenario,
                         SpeechServices speech, DrillJournal journal, TurnDetector turnDetector,
                         Consumer<DrillPipeline> onFinished) {
        this(drillId, line, session, scenario, speech, journal, turnDetector, onFinished, DrillSummary::text);
    }

    /** {@code debriefText} makes the debrief read at the end from the drill's record; it must not block. */
    public DrillPipeline(String drillId, CallLine line, DrillSession session, Scenario scenario,
                         SpeechServices speech, DrillJournal journal, TurnDetector turnDetector,
                         Consumer<DrillPipeline> onFinished, Function<DrillRecord, String> debriefText) {
        this.debriefText = debriefText;
        this.drillId = drillId;
        this.line = line;
        this.session = session;
        this.scenario = scenario;
        this.speech = speech;
        this.journal = journal;
        this.turnDetector = turnDetector;
        this.onFinished = onFinished;
    }

    /** Logs nothing about itself (the start-up warm-up's virtual drill, whose caller reports on it). */
    DrillPipeline quietly() {
        quiet = true;
        return this;
    }

    public String drillId() {
        return drillId;
    }

    public DrillSession session() {
        return session;
    }

    // ---- LineListener: network threads, queue only ----

    @Override
    public void onAudio(short[] frame) {
        agentFrames.add(frame);
    }

    @Override
    public void onHold() {
        inbox.add(t -> {
            onHold = true;
            closeAgentTurn();
            dispatch(new DrillEvent.HoldStarted(t));
            log(Level.DEBUG, "hold");  // the line adapter logs the hold itself
        });
    }

    @Override
    public void onResume() {
        inbox.add(t -> {
            onHold = false;
            dispatch(new DrillEvent.HoldEnded(t));
            log(Level.DEBUG, "resume");
        });
    }

    @Override
    public void onDtmf(char digit) {
        inbox.add(t -> {
            if (summary != null) summary.skip();
            else dispatch(new DrillEvent.DtmfPressed(t, digit));
        });
    }

    @Override
    public void onHangUp(String reason) {
        inbox.add(t -> hungUp(t, reason, false));
    }

    @Override
    public void onLineDropped(String reason) {
        inbox.add(t -> hungUp(t, reason, true));
    }

    /** The simulator is stopping: the drill ends now as {@code server_stopped} and the call is hung up. */
    public void serverStopping() {
        inbox.add(t -> {
            if (ended || hungUpAtMs >= 0) return;  // already hung up: it ends as it was going to
            if (summary == null) {
                cutCallerLine(t);
                if (turn != null) turn.cancel();
                turn = null;
                dispatch(new DrillEvent.ServerStopped(t));
                log(Level.INFO, "the server is stopping; hanging up");
                finish(t);
            } else {
                finish(drillEndMs);
            }
            line.hangUp();
        });
    }

    private void hungUp(long t, String reason, boolean dropped) {
        if (ended || hungUpAtMs >= 0) return;
        if (summary != null) {  // the agent hung up during the debrief: the drill was already over
            finish(drillEndMs);
            return;
        }
        log(dropped ? Level.WARNING : Level.DEBUG, (dropped ? "line dropped: " : "hang-up: ") + reason);
        lineDropped = dropped;
        // The caller's line in progress is kept, cut where the agent hung up, and the agent's last
        // words are still recognised: the clock stops here until they are (tick() ends the drill).
        cutCallerLine(t);
        if (!onHold) closeAgentTurn();
        hungUpAtMs = t;
    }

    /** The caller's line in progress stops where the call ended (it is kept in the transcript, cut short). */
    private void cutCallerLine(long t) {
        callerLines.clear(t).forEach(this::dispatch);
        callerAudio.clear();
    }

    // ---- media clock thread ----

    @Override
    public boolean tick() {
        if (ended) return false;
        long t = frameIndex * MediaClock.FRAME_MS;
        if (frameIndex == 0) dispatch(new DrillEvent.CallConnected(0));
        for (Consumer<Long> work; (work = inbox.poll()) != null && !ended; ) work.accept(t);
        if (ended) return false;
        if (hungUpAtMs >= 0) return awaitLastWords();

        short[] agentFrame = nextAgentFrame();
        if (summary != null) return readSummary(agentFrame);
        if (!onHold) listen(agentFrame, t);

        short[] callerFrame = onHold ? SILENCE : speak(t);
        line.sendAudio(callerFrame);
        journal.audio(callerFrame, agentFrame);

        if (frameIndex % TICK_EVERY_FRAMES == 0) dispatch(new DrillEvent.Tick(t));
        // A report from the first frame on and every few seconds, so a drill cut off at any moment
        // (crash, dropped call) is reviewable with what it had, even before the agent's first turn.
        if (frameIndex % SNAPSHOT_EVERY_FRAMES == 0) journal.snapshot(session.record(t), false);
        if (pendingHangUp != null && !callerLines.busy()) {
            log(Level.INFO, "caller ends the drill: " + pendingHangUp.reason() + "; reading the debrief");
            drillEndMs = t + MediaClock.FRAME_MS;
            summary = new SpokenSummary();
            String text = debriefText.apply(session.record(drillEndMs));
            speech.speakDebrief(text).whenComplete((samples, error) -> inbox.add(at -> {
                if (error != null) LOG.log(Level.WARNING, "drill " + drillId + ": could not synthesise the debrief", error);
                if (summary != null) summary.ready(error == null ? samples : new short[0]);
            }));
        }
        frameIndex++;
        return !ended;
    }

    /** The debrief after the caller ended the drill; the call is hung up when it is done or skipped. */
    private boolean readSummary(short[] agentFrame) {
        short[] frame = summary.nextFrame();
        if (frame == null) {
            log(Level.INFO, summary.skipped() ? "debrief skipped by a key press" : "debrief read");
            finish(drillEndMs);
            line.hangUp();
            return false;
        }
        line.sendAudio(frame);
        journal.audio(frame, agentFrame);
        frameIndex++;
        return true;
    }

    /** After the agent hung up: waits (at most 10 s) for turns still being recognised, then ends the drill. */
    private boolean awaitLastWords() {
        if (turnsBeingRecognised > 0 && ++framesWaitedForWords < MAX_WAIT_FOR_WORDS_FRAMES) return true;
        if (turnsBeingRecognised > 0) LOG.log(Level.WARNING, "drill " + drillId + ": gave up waiting for the agent's last words");
        if (lineDropped) {
            // Nobody hung up: the drill is partial, measured up to the last frame the agent's side sent.
            dispatch(new DrillEvent.LineDropped(hungUpAtMs, Math.min(lastHeardMs, hungUpAtMs)));
            finish(hungUpAtMs, false);
        } else {
            dispatch(new DrillEvent.AgentHungUp(hungUpAtMs));
            finish(hungUpAtMs);
        }
        return false;
    }

    private short[] nextAgentFrame() {
        // A burst of late packets is caught up rather than left to grow the delay.
        while (agentFrames.size() > MAX_BACKLOG_FRAMES) agentFrames.poll();
        short[] frame = agentFrames.poll();
        if (frame == null) return SILENCE;
        lastHeardMs = frameIndex * MediaClock.FRAME_MS;
        return frame;
    }

    private void listen(short[] frame, long t) {
        preRoll.addLast(frame);
        if (preRoll.size() > PRE_ROLL_FRAMES) preRoll.removeFirst();
        recentAgent.addLast(frame);
        if (recentAgent.size() > RECENT_AGENT_FRAMES) recentAgent.removeFirst();
        boolean fed = false;
        for (TurnEvent event : turnDetector.accept(frame, t)) {
            if (event instanceof TurnEvent.SpeechStarted started) {
                if (turn == null) turn = new HeardTurn();
                if (!turn.hasOpenPiece()) {
                    // never blocks: the piece waits in line if every recogniser is busy
                    turn.openPiece(speech.startTurn(agentVoice));
                    preRoll.forEach(turn::feed);
                    fed = true;
                }
                pitchBeforePause = PitchTail.Direction.UNKNOWN;
                dispatch(new DrillEvent.AgentSpeechStarted(started.atMs()));
            } else if (event instanceof TurnEvent.SpeechStopped stopped) {
                if (turn != null) turn.closePiece();  // the words so far are recognised during the pause
                pitchBeforePause = pitchBefore(stopped.atMs(), t);
                dispatch(new DrillEvent.AgentSpeechStopped(stopped.atMs()));
            } else if (event instanceof TurnEvent.TurnEnded ended) {
                endTurn(ended.startMs(), ended.endMs());
                fed = true;
            }
        }
        if (turn != null && !fed) turn.feed(frame);
        judgePause(t);
    }

    /**
     * Which way the agent's pitch went over the voiced audio that ended at {@code voicedEndMs}, from the last
     * second of line audio (the current frame starts at {@code t}). Once per pause, not per frame: YIN over
     * 300 ms of speech took 0.6-0.7 ms in the latency bench on a busy machine.
     */
    private PitchTail.Direction pitchBefore(long voicedEndMs, long t) {
        long firstStartMs = t - (recentAgent.size() - 1L) * MediaClock.FRAME_MS;
        long fromMs = Math.max(firstStartMs, voicedEndMs - PitchTail.TAIL_MS - 2L * MediaClock.FRAME_MS);
        int frames = (int) Math.max(0, (voicedEndMs - fromMs) / MediaClock.FRAME_MS);
        short[] tail = new short[frames * FRAME_SAMPLES];
        int skip = (int) ((fromMs - firstStartMs) / MediaClock.FRAME_MS);
        int i = 0;
        for (short[] frame : recentAgent) {
            if (i >= skip && i < skip + frames) System.arraycopy(frame, 0, tail, (i - skip) * FRAME_SAMPLES, FRAME_SAMPLES);
            i++;
        }
        return PitchTail.of(tail, MediaClock.FRAME_SAMPLES * 1000 / MediaClock.FRAME_MS);
    }

    /**
     * Once the words before a pause are known, decides how long the pause may last before the turn ends:
     * 450 ms after a finished sentence (or too few words said with a falling voice), longer after "and …" or
     * "um" (docs/metrics.md, "end of turn").
     */
    private void judgePause(long t) {
        if (turn == null || !turn.pauseReadyToJudge() || turnDetector.isSpeaking()) return;
        // a pause shorter than this is often just the gap between two sentences of one turn
        if (t + MediaClock.FRAME_MS - turnDetector.lastVoicedEndMs() < FINISHED_PAUSE_MS) return;
        switch (TurnEnding.of(turn.judgePause(), pitchBeforePause)) {
            case FINISHED -> {
                for (TurnEvent event : turnDetector.endTurnNow()) {
                    if (event instanceof TurnEvent.TurnEnded ended) endTurn(ended.startMs(), ended.endMs());
                }
            }
            case UNFINISHED -> turnDetector.holdTurnOpenUntil(turnDetector.lastVoicedEndMs() + UNFINISHED_PAUSE_MS);
            case UNSURE -> { } // the usual end-of-turn silence decides
        }
    }

    /** Ends the agent turn in progress at its last voiced frame (hold or hang-up); its words are still recognised. */
    private void closeAgentTurn() {
        for (TurnEvent event : turnDetector.flush()) {
            if (event instanceof TurnEvent.SpeechStopped stopped) {
                if (turn != null) turn.closePiece();
                dispatch(new DrillEvent.AgentSpeechStopped(stopped.atMs()));
            } else if (event instanceof TurnEvent.TurnEnded ended) {
                endTurn(ended.startMs(), ended.endMs());
            }
        }
        if (turn != null) {
            turn.cancel();
            turn = null;
        }
        preRoll.clear();
    }

    private void endTurn(long startMs, long endMs) {
        if (turn == null) return;
        HeardTurn finished = turn;
        turn = null;
        turnsBeingRecognised++;
        finished.heard().whenComplete((heard, error) -> {
            if (error == null && heard.confidence() >= DrillEvent.AgentTurn.HEARD_CLEARLY) {
                try {
                    session.readAhead(heard.words()); // here, on the decoder's thread, not on the 20 ms clock
                } catch (RuntimeException e) { // the clock reads them again; the turn must still arrive
                    LOG.log(Level.WARNING, "drill " + drillId + ": reading the agent's words ahead failed", e);
                }
            }
            inbox.add(t -> turnHeard(finished, startMs, endMs, heard, error, t));
        });
    }

    private void turnHeard(HeardTurn finished, long startMs, long endMs, RecognizedTurn heard, Throwable error, long t) {
        turnsBeingRecognised--;
        if (error == null && finished.failedPieces() > 0) {
            log(Level.WARNING, "part of agent turn " + startMs + "-" + endMs + " ms was not recognised (the speech"
                    + " recognisers are overloaded); the caller hears the rest");
        }
        Throwable cause = error instanceof CompletionException ? error.getCause() : error;
        if (cause instanceof RecognitionShedException shed) {
            log(Level.WARNING, "agent turn " + startMs + "-" + endMs + " ms not recognised, the speech recognisers are"
                    + " overloaded (" + shed.getMessage() + "); the caller hears it as unclear speech");
        } else if (error != null) {
            LOG.log(Level.WARNING, "drill " + drillId + ": recognition of the agent turn at "
                    + startMs + " ms failed; the caller hears it as unclear speech", error);
        }
        String text = error == null ? heard.words() : "";
        double confidence = error == null ? heard.confidence() : 0;
        double narrowed = error == null ? heard.narrowed() : 0;
        // a turn searched narrower may have lost words because the server was busy, not because the agent mumbled
        log(Level.INFO, String.format(Locale.ROOT, "turn recognised %d-%d ms: \"%s\" (confidence %.2f%s)",
                startMs, endMs, text, confidence, narrowed == 0 ? ""
                        : String.format(Locale.ROOT, "; %d%% of it searched narrower to catch up, the server is busy",
                                Math.max(1, Math.round(100 * narrowed)))));
        dispatch(new DrillEvent.AgentTurn(t, startMs, endMs, text, confidence));
    }

    /** The caller's frame at {@code t}: the timeline says which line plays; its samples are sent from where it is. */
    private short[] speak(long t) {
        for (DrillEvent event : callerLines.advance(t)) {
            if (event instanceof DrillEvent.CallerSpeechEnded ended) callerAudio.remove(ended.utteranceId());
            dispatch(event);
        }
        return callerLines.playing().map(line -> {
            short[] samples = callerAudio.getOrDefault(line.utteranceId(), SILENCE);
            int from = (int) Math.min(samples.length, (t - line.startMs()) / MediaClock.FRAME_MS * FRAME_SAMPLES);
            return Arrays.copyOf(Arrays.copyOfRange(samples, from, Math.min(from + FRAME_SAMPLES, samples.length)), FRAME_SAMPLES);
        }).orElse(SILENCE);
    }

    private static long plannedMs(short[] samples) {
        long frames = (samples.length + FRAME_SAMPLES - 1) / FRAME_SAMPLES;
        return frames * MediaClock.FRAME_MS;
    }

    private void dispatch(DrillEvent event) {
        lastEventMs = Math.max(lastEventMs, event.atMs());
        journal.event(event);
        callerLines.observe(event);
        for (CallerAction action : session.on(event)) {
            journal.action(lastEventMs, action);
            carryOut(action);
        }
        if (event instanceof DrillEvent.AgentTurn) journal.snapshot(session.record(lastEventMs), false);
    }

    private void carryOut(CallerAction action) {
        if (action instanceof CallerAction.Speak say) {
            callerLines.decided(say, lastEventMs);
            speech.speak(say.text(), say.anger(), scenario.persona().voicePitchHz())
                    .whenComplete((samples, error) -> inbox.add(t -> {
                        if (ended) return;
                        if (error != null) {
                            LOG.log(Level.ERROR, "drill " + drillId + ": could not synthesise \"" + say.text() + "\"", error);
                            callerLines.cut(say.utteranceId(), t).forEach(this::dispatch);
                        } else if (callerLines.ready(say.utteranceId(), plannedMs(samples), t)) {
                            callerAudio.put(say.utteranceId(), samples);
                        }
                    }));
        } else if (action instanceof CallerAction.StopSpeaking stop) {
            // Whether it was playing or still waiting, the session learns the line is over.
            callerAudio.remove(stop.utteranceId());
            callerLines.cut(stop.utteranceId(), lastEventMs).forEach(this::dispatch);
        } else if (action instanceof CallerAction.HangUp hangUp) {
            pendingHangUp = hangUp;
            callerLines.lastWords();
        }
    }

    private void finish(long t) {
        finish(t, true);
    }

    /** Ends the drill once: the final report ({@code complete} false for a partial drill), then the service is told. */
    private void finish(long t, boolean complete) {
        if (ended) return;
        ended = true;
        if (turn != null) turn.cancel();
        journal.close(session.record(Math.max(t, lastEventMs)), complete);
        if (callerLines.droppedStale() > 0) {
            log(Level.INFO, callerLines.droppedStale() + " caller replies dropped unheard: the agent had moved on before they were ready");
        }
        log(Level.INFO, "drill ended: " + session.outcome().jsonName() + (complete ? "" : " (partial)"));
        onFinished.accept(this);
    }

    /**
     * A tick threw (a bug, or a line that cannot send): the drill still ends with a partial report, its
     * journal's thread is released, and the call is hung up.
     */
    @Override
    public void failed(Throwable error) {
        if (ended) return;
        ended = true;
        try {
            if (turn != null) turn.cancel();
            long t = Math.max(frameIndex * MediaClock.FRAME_MS, lastEventMs);
            journal.close(session.record(t), false);
            log(Level.ERROR, "drill ended by a failure (partial): " + error);
        } finally {
            try {
                line.hangUp();
            } finally {
                onFinished.accept(this);
            }
        }
    }

    private void log(Level level, String what) {
        if (quiet) return;
        LOG.log(level, "drill " + drillId + " [" + line.callId() + "] " + what);
    }
}
