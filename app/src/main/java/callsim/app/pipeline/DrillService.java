package callsim.app.pipeline;

import callsim.app.report.DrillInfo;
import callsim.app.report.FileDrillJournal;
import callsim.app.report.ReportStore;
import callsim.core.DrillRecord;
import callsim.core.DrillSession;
import callsim.core.Scenario;
import callsim.core.SoundsLike;
import callsim.speech.PronunciationDictionary;
import callsim.speech.TurnDetector;
import callsim.telephony.CallHandler;
import callsim.telephony.CallLine;
import callsim.telephony.LineListener;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/** Turns every answered call into a drill: a session, a journal and a pipeline on the media clock. */
public final class DrillService implements CallHandler {
    private static final Logger LOG = System.getLogger(DrillService.class.getName());
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** What every new drill is set up with. {@code seed} null means a fresh seed per drill (recorded in the report). */
    public record Settings(DialPlan dialPlan, Long seed, TurnDetector.Settings turnDetection) {}

    private final Settings settings;
    private final SpeechServices speech;
    private final ReportStore store;
    private final MediaClock mediaClock;
    private final Clock clock;
    /** Agent turns are recognised speech: cues also match through the recogniser's own pronunciations. */
    public static final SoundsLike SOUNDS = SoundsLike.with(PronunciationDictionary.bundled()::phones);
    private final Map<String, DrillPipeline> active = new ConcurrentHashMap<>();
    private final Map<String, Runnable> endHooks = new ConcurrentHashMap<>();
    // Journals that may still be writing, for a graceful stop; pruned as new drills start.
    private final Set<FileDrillJournal> journals = ConcurrentHashMap.newKeySet();
    private final Object drillEnded = new Object();
    private final CopyOnWriteArrayList<Consumer<String>> startedListeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<String>> finishedListeners = new CopyOnWriteArrayList<>();
    private volatile PostCallPass postCall;  // null: drills keep the score from the live recognition
    private volatile AssignedWork assigned = AssignedWork.NONE;

    public DrillService(Settings settings, SpeechServices speech, ReportStore store, MediaClock mediaClock, Clock clock) {
        this.settings = settings;
        this.speech = speech;
        this.store = store;
        this.mediaClock = mediaClock;
        this.clock = clock;
    }

    /** Agents who dial in without choosing a drill get their assignments' next one, and hear what is left. */
    public void useAssignments(AssignedWork work) {
        this.assigned = work;
    }

    /** Called with the drill id whenever a call is answered and its drill starts. */
    public void onDrillStarted(Consumer<String> listener) {
        startedListeners.add(listener);
    }

    /** Called with the drill id whenever a drill ends and its report is queued for writing. */
    public void onDrillFinished(Consumer<String> listener) {
        finishedListeners.add(listener);
    }

    /** From now on every drill that ends is rescored from a post-call transcript by {@code pass}. */
    public void rescoreAfterCall(PostCallPass pass) {
        this.postCall = pass;
    }

    public int activeDrills() {
        return active.size();
    }

    /**
     * For a graceful stop, once the calls were hung up: waits at most {@code timeout} until every drill has
     * ended (a drill waits up to 10 s for the agent's last words to be recognised) and its journal is on disk.
     *
     * @return false when a drill had not ended, or its journal was not written, in time
     */
    public boolean awaitEnded(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (drillEnded) {
            for (long left; !active.isEmpty() && (left = deadline - System.nanoTime()) > 0; ) {
                TimeUnit.NANOSECONDS.timedWait(drillEnded, left);
            }
        }
        if (!active.isEmpty()) return false;
        for (FileDrillJournal journal : journals) {
            if (!journal.awaitWritten(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) return false;
            journals.remove(journal);
        }
        return true;
    }

    /**
     * The server is stopping: every running drill ends now as {@code server_stopped} and its call is hung up
     * (then {@link #awaitEnded} waits for their reports).
     */
    public void serverStopping() {
        active.values().forEach(DrillPipeline::serverStopping);
    }

    /** A dialled name that is not a scenario: refused before the call is answered (see {@link DialPlan#refusal}). */
    @Override
    public Optional<String> refusal(String dialledNumber) {
        return settings.dialPlan().refusal(dialledNumber);
    }

    public DialPlan dialPlan() {
        return settings.dialPlan();
    }

    /**
     * A call nobody booked: a dialled scenario name picks the drill; a plain number (7000) plays the caller's
     * next assigned drill, or the default one when they have none.
     */
    @Override
    public LineListener callStarted(CallLine line) {
        DialPlan plan = settings.dialPlan();
        DialPlan.Choice choice = plan.named(line.dialledNumber())
                .or(() -> assigned.next(line.remoteParty()))
                .orElseGet(() -> plan.choose(line.dialledNumber()));
        return startDrill(line, choice, line.remoteParty(), line.dialledNumber(), () -> {});
    }

    /**
     * A call booked ahead by the FastAGI training extension or an AMI originate: the booked drill, or
     * the spoken menu when none was named. {@code ended} runs once the call is over either way.
     */
    public LineListener startBooked(CallLine line, Optional<DialPlan.Choice> choice, String agent, Runnable ended) {
        Optional<DialPlan.Choice> drill = choice.or(() -> assigned.next(agent));
        if (drill.isPresent()) return startDrill(line, drill.get(), agent, name(drill.get()), ended);
        TrainingMenu menu = new TrainingMenu(line, settings.dialPlan().library().all(), speech::speakDebrief,
                chosen -> startDrill(line, chosen, agent, name(chosen), ended), ended);
        mediaClock.add(menu);
        return menu;
    }

    /**
     * The debrief's text: the drill's summary, and what is left of the agent's assignments. Those are read now,
     * in the background, so the end of the drill on the media clock never waits for the database; if they are
     * not read by then, the debrief leaves them out.
     */
    private Function<DrillRecord, String> debrief(String agent) {
        AssignedWork work = assigned;
        if (work == AssignedWork.NONE) return DrillSummary::text;
        CompletableFuture<Optional<AssignedWork.Afterword>> afterword = CompletableFuture.supplyAsync(() -> work.afterword(agent));
        return record -> DrillSummary.text(record, afterword.getNow(Optional.empty()).map(a -> a.after(record)).orElse(""));
    }

    private static String name(DialPlan.Choice choice) {
        return choice.scenario().id() + "-" + choice.difficulty().jsonName();
    }

    private LineListener startDrill(CallLine line, DialPlan.Choice choice, String agent, String dialled, Runnable ended) {
        String id = newDrillId(line.callId());
        long seed = settings.seed() != null ? settings.seed() : (id.hashCode() * 0x9E3779B97F4A7C15L) ^ clock.millis();
        Scenario scenario = choice.scenario();
        String lineKind = line.remoteParty().startsWith("audiosocket:") ? "audiosocket" : "sip";
        DrillInfo info = new DrillInfo(id, agent, dialled, lineKind, clock.instant());
        FileDrillJournal journal;
        try {
            journal = new FileDrillJournal(info, store.drillDir(id), clock, postCall != null);
        } catch (IOException e) {
            LOG.log(Level.ERROR, "cannot start drill for call " + line.callId() + ": cannot write its directory: " + e.getMessage());
            line.hangUp();
            ended.run();
            return IGNORE;
        }
        journals.removeIf(FileDrillJournal::written);
        journals.add(journal);
        FileDrillJournal drillJournal = journal;
        DrillSession session = new DrillSession(scenario, choice.difficulty(), seed, SOUNDS);
        DrillPipeline pipeline = new DrillPipeline(id, line, session, scenario, speech, journal,
                new TurnDetector(settings.turnDetection()), over -> finished(over, drillJournal), debrief(agent));
        active.put(id, pipeline);
        endHooks.put(id, ended);
        LOG.log(Level.INFO, "drill " + id + " [" + line.callId() + "] started for " + agent
                + " to " + dialled + ": scenario " + scenario.id() + ", " + choice.difficulty().jsonName()
                + ", seed " + seed);
        mediaClock.add(pipeline);
        startedListeners.forEach(listener -> listener.accept(id));
        return pipeline;
    }

    private void finished(DrillPipeline pipeline, FileDrillJournal journal) {
        active.remove(pipeline.drillId());
        try {
            PostCallPass pass = postCall;
            if (pass != null) pass.submit(pipeline.drillId(), journal::awaitWritten);
            Runnable ended = endHooks.remove(pipeline.drillId());
            if (ended != null) ended.run();
            finishedListeners.forEach(listener -> listener.accept(pipeline.drillId()));
        } finally {
            synchronized (drillEnded) {
                drillEnded.notifyAll();  // after the listeners: a graceful stop finds the drill handed on
            }
        }
    }

    private String newDrillId(String callId) {
        String base = ID_TIME.format(clock.instant()) + "-" + String.format("%04x", callId.hashCode() & 0xffff);
        String id = base;
        for (int n = 2; active.containsKey(id) || Files.exists(store.drillDir(id)); n++) id = base + "-" + n;
        return id;
    }

    private static final LineListener IGNORE = new LineListener() {
        @Override public void onAudio(short[] frame) {}
        @Override public void onHold() {}
        @Override public void onResume() {}
        @Override public void onDtmf(char digit) {}
        @Override public void onHangUp(String reason) {}
    };
}
