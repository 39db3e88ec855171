package callsim.app;

import callsim.app.asterisk.AsteriskLink;
import callsim.app.asterisk.AsteriskOptions;
import callsim.app.asterisk.BookedCalls;
import callsim.app.asterisk.DrillBookings;
import callsim.app.http.CallsEndpoint;
import callsim.review.web.ControlToken;
import callsim.review.web.FirstRun;
import callsim.review.web.ReviewApp;
import callsim.app.pipeline.DrillService;
import callsim.app.pipeline.MediaClock;
import callsim.app.pipeline.PostCallPass;
import callsim.app.pipeline.SpeechServices;
import callsim.app.pipeline.StartingCalls;
import callsim.app.report.ReportStore;
import callsim.app.assign.ReviewAssignedWork;
import callsim.review.assign.JdbcAssignments;
import callsim.review.assign.Progress;
import callsim.review.auth.JdbcAccounts;
import callsim.review.store.Database;
import callsim.review.store.DrillStore;
import callsim.review.store.JdbcDrillStore;
import callsim.review.auth.AccessPolicy;
import callsim.review.auth.JdbcAuthenticator;
import callsim.review.web.PolicyAccess;
import callsim.review.store.JournalReplicator;
import callsim.speech.CallerVoice;
import callsim.speech.PostCallRecognizer;
import callsim.speech.RecognizerPool;
import callsim.speech.RecognizerSettings;
import callsim.speech.RecognizerSetup;
import callsim.speech.TurnQueueLimits;
import callsim.telephony.PortRange;
import callsim.telephony.audiosocket.AudioSocketServer;
import callsim.telephony.SipEndpoint;
import callsim.telephony.SipEndpointConfig;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A running callsim: speech engines loaded once, the media clock, the SIP endpoint and the HTTP API.
 * {@code serve} runs one until stopped; {@code demo} and the tests run one in-process.
 */
public final class CallsimServer implements AutoCloseable {
    private static final Logger LOG = System.getLogger(CallsimServer.class.getName());
    // Asterisk sends a frame every 20 ms while the channel is up, and phones send RTP every 20 ms off hold:
    // this long without any is a line that dropped. Short, so the caller does not react to a dead line for long.
    static final java.time.Duration LINE_SILENT_TIMEOUT = java.time.Duration.ofSeconds(15);
    // Long enough for an agent's phone to ring out (30 s) and Asterisk to connect AudioSocket after the answer.
    private static final java.time.Duration BOOKING_LIFETIME = java.time.Duration.ofMinutes(2);
    // A hung-up drill waits up to 10 s for the agent's last words; then its final report is written.
    private static final java.time.Duration DRILLS_END_TIMEOUT = java.time.Duration.ofSeconds(15);

    /**
     * Where and how to serve. Port 0 picks a free port; a negative AudioSocket or HTTP port turns that listener off.
     * {@code dbUrl} null keeps drills in the embedded database under the data directory. {@code allow}: CIDR
     * blocks that may place calls over SIP, FastAGI and AudioSocket; empty for the default
     * ({@link callsim.telephony.AllowedPeers#defaultFor}). {@code sipAccounts} non-null: SIP calls must pass
     * digest authentication as the agent in their From header. {@code recognizerSetup} is how agents are
     * heard ({@link RecognizerSetup#LIVE} unless a bench compares another).
     */
    public record Options(String bindAddress, int sipPort, PortRange rtpPorts, int audioSocketPort, int httpPort,
                          Path dataDir, int recognizers, DrillService.Settings drills, AsteriskOptions asterisk, String dbUrl,
                          java.util.List<String> allow, callsim.telephony.SipCredentials sipAccounts,
                          RecognizerSetup recognizerSetup) {
        public Options(String bindAddress, int sipPort, PortRange rtpPorts, int audioSocketPort, int httpPort,
                       Path dataDir, int recognizers, DrillService.Settings drills, AsteriskOptions asterisk, String dbUrl,
                       java.util.List<String> allow, callsim.telephony.SipCredentials sipAccounts) {
            this(bindAddress, sipPort, rtpPorts, audioSocketPort, httpPort, dataDir, recognizers, drills, asterisk, dbUrl,
                    allow, sipAccounts, RecognizerSetup.LIVE);
        }

        public Options(String bindAddress, int sipPort, PortRange rtpPorts, int audioSocketPort, int httpPort,
                       Path dataDir, int recognizers, DrillService.Settings drills, AsteriskOptions asterisk, String dbUrl) {
            this(bindAddress, sipPort, rtpPorts, audioSocketPort, httpPort, dataDir, recognizers, drills, asterisk, dbUrl,
                    java.util.List.of(), null);
        }

        public Options(String bindAddress, int sipPort, PortRange rtpPorts, int audioSocketPort, int httpPort,
                       Path dataDir, int recognizers, DrillService.Settings drills, AsteriskOptions asterisk) {
            this(bindAddress, sipPort, rtpPorts, audioSocketPort, httpPort, dataDir, recognizers, drills, asterisk, null);
        }

        public Options(String bindAddress, int sipPort, PortRange rtpPorts, int audioSocketPort, int httpPort,
                       Path dataDir, int recognizers, DrillService.Settings drills) {
            this(bindAddress, sipPort, rtpPorts, audioSocketPort, httpPort, dataDir, recognizers, drills, AsteriskOptions.NONE);
        }
    }

    private final MediaClock mediaClock;
    private final SpeechServices speech;
    private final ReportStore store;
    private final DrillService drills;
    private final SipEndpoint sip;
    private final AudioSocketServer audioSocket;
    private final AsteriskLink asterisk;
    private final ReviewApp http;
    private final java.util.Optional<FirstRun> firstRun;
    private final Path dataDir;
    private final Database database;
    private final JournalReplicator replicator;
    private final DrillStore drillStore;
    private final PostCallPass postCall;
    private final PostCallRecognizer postCallRecognizer;

    private CallsimServer(Path dataDir, MediaClock mediaClock, SpeechServices speech, ReportStore store, DrillService drills,
                          SipEndpoint sip, AudioSocketServer audioSocket, AsteriskLink asterisk, ReviewApp http,
                          Database database, JournalReplicator replicator, java.util.Optional<FirstRun> firstRun,
                          PostCallPass postCall, PostCallRecognizer postCallRecognizer) {
        this.postCall = postCall;
        this.postCallRecognizer = postCallRecognizer;
        this.firstRun = firstRun;
        this.database = database;
        this.replicator = replicator;
        this.drillStore = new JdbcDrillStore(database, Clock.systemUTC());
        this.mediaClock = mediaClock;
        this.speech = speech;
        this.store = store;
        this.drills = drills;
        this.sip = sip;
        this.audioSocket = audioSocket;
        this.asterisk = asterisk;
        this.http = http;
        this.dataDir = dataDir;
    }

    public static CallsimServer start(Options options) throws IOException {
        return start(options, progress -> {});
    }

    /**
     * Binds every port and opens the database first, so a port in use or a bad option is reported at once;
     * then loads the speech engines (tens of seconds), telling {@code progress} as each part is ready.
     * Calls that arrive while speech loads are turned away (SIP: 503).
     */
    public static CallsimServer start(Options options, java.util.function.Consumer<String> progress) throws IOException {
        callsim.app.report.OwnerOnly.dataDirectory(options.dataDir());
        callsim.telephony.AllowedPeers allowed = callsim.telephony.AllowedPeers.of(options.allow(), options.bindAddress());
        MediaClock clock = new MediaClock();
        ReportStore store = new ReportStore(options.dataDir());
        callsim.app.report.FileDrillJournal.repairCutOffRecordings(store);
        StartingCalls sipCalls = new StartingCalls();
        StartingCalls audioSocketCalls = new StartingCalls();
        DrillBookings bookings = new DrillBookings(Clock.systemUTC(), BOOKING_LIFETIME);
        SpeechServices speech = null;
        DrillService drills = null;
        SipEndpoint sip = null;
        AudioSocketServer audioSocket = null;
        AsteriskLink asterisk = null;
        ReviewApp http = null;
        java.util.Optional<FirstRun> firstRun = java.util.Optional.empty();
        Database database = null;
        JournalReplicator replicator = null;
        // Loads its model only when the first drill ends: until then closing it costs nothing.
        PostCallRecognizer postCallRecognizer = new PostCallRecognizer(recognizerSettings(options).withPoolSize(1)
                .withSetup(RecognizerSetup.ACCURATE));
        PostCallPass postCall = null;
        try {
            database = Database.open(options.dataDir(), options.dbUrl(), System.getenv());
            replicator = JournalReplicator.start(database, options.dataDir());
            sip = SipEndpoint.start(SipEndpointConfig.loopback().withBindAddress(options.bindAddress())
                    .withPort(options.sipPort()).withRtpPorts(options.rtpPorts()).withMediaTimeout(LINE_SILENT_TIMEOUT)
                    .withAllow(options.allow()), sipCalls, options.sipAccounts());
            if (options.audioSocketPort() >= 0) {
                audioSocket = AudioSocketServer.start(new InetSocketAddress(options.bindAddress(), options.audioSocketPort()),
                        audioSocketCalls, LINE_SILENT_TIMEOUT, allowed);
            }
            asterisk = AsteriskLink.start(options.asterisk(), options.bindAddress(),
                    audioSocket == null ? -1 : audioSocket.port(), bookings, options.drills().dialPlan(), allowed);
            if (options.httpPort() >= 0) {
                JdbcAuthenticator accounts = new JdbcAuthenticator(database.dataSource(), Clock.systemUTC());
                firstRun = firstRun(accounts);
                java.util.Map<String, String> titles = new java.util.LinkedHashMap<>();
                options.drills().dialPlan().library().all().forEach(s -> titles.put(s.id(), s.title()));
                http = ReviewApp.start(ReviewApp.Settings.on(new InetSocketAddress(options.bindAddress(), options.httpPort())),
                        new ReviewApp.Parts(new JdbcDrillStore(database, Clock.systemUTC()), accounts,
                                new PolicyAccess(new AccessPolicy(accounts)), Clock.systemUTC(), titles,
                                java.util.Optional.of(accounts.accounts()), firstRun,
                                java.util.Optional.of(new JdbcAssignments(database.dataSource(), Clock.systemUTC()))),
                        java.util.Optional.of(new CallsEndpoint(asterisk.outbound())),
                        java.util.Optional.of(ControlToken.load(options.dataDir())));
            }
            LOG.log(Level.INFO, "calls are taken from " + allowed + " (serve --allow CIDR... to change)"
                    + (options.sipAccounts() == null ? "; SIP callers are not authenticated (see --sip-accounts)"
                    : "; SIP callers must authenticate as their extension"));
            speech = loadSpeech(options, progress);
            drills = new DrillService(options.drills(), speech, store, clock, Clock.systemUTC());
            ReviewAssignedWork assigned = new ReviewAssignedWork(new Progress(new JdbcAssignments(database.dataSource(), Clock.systemUTC()),
                    new JdbcDrillStore(database, Clock.systemUTC()), new JdbcAccounts(database.dataSource(), Clock.systemUTC())),
                    options.drills().dialPlan(), Clock.systemUTC());
            drills.useAssignments(assigned);
            asterisk.outbound().ifPresent(outbound -> outbound.useAssignments(assigned));
            drills.onDrillStarted(replicator::drillStarted);
            drills.onDrillFinished(replicator::drillFinished);
            RecognizerPool live = speech.recognizers();
            postCall = new PostCallPass(store, options.drills().dialPlan().library(), postCallRecognizer, DrillService.SOUNDS,
                    () -> live.available() < live.size());
            postCall.onReportRewritten(replicator::drillFinished);  // copied to the database again
            drills.rescoreAfterCall(postCall);
            postCall.resumePending();
            sipCalls.ready(drills);
            audioSocketCalls.ready(new BookedCalls(drills, bookings));
        } catch (IOException | RuntimeException e) {
            if (http != null) http.close();
            if (asterisk != null) asterisk.close();
            if (audioSocket != null) audioSocket.close();
            if (sip != null) sip.close();
            clock.close();
            if (postCall != null) postCall.close();
            postCallRecognizer.close();
            if (speech != null) speech.close();
            if (replicator != null) replicator.close();
            if (database != null) database.close();
            throw e;
        }
        return new CallsimServer(options.dataDir(), clock, speech, store, drills, sip, audioSocket, asterisk, http,
                database, replicator, firstRun, postCall, postCallRecognizer);
    }

    private static SpeechServices loadSpeech(Options options, java.util.function.Consumer<String> progress) {
        long started = System.nanoTime();
        progress.accept("loading the caller's voice...");
        // FreeTTS loads while the recognisers do: start-up waits for the slower of the two, not their sum
        CompletableFuture<CallerVoice> callerVoice = CompletableFuture.supplyAsync(CallerVoice::load);
        int total = options.recognizers();
        progress.accept("loading speech recognisers 0/" + total + " (the first, then the rest in the background)...");
        RecognizerSettings settings = recognizerSettings(options).withPoolSize(total).withSetup(options.recognizerSetup());
        // The call path warms up beside the recognisers' loading (it needs only the caller's voice), not after it.
        CompletableFuture<Void> warmedUp = new CompletableFuture<>();
        Thread warmUp = new Thread(() -> {
            try {
                CallerVoice warmVoice = callerVoice.join(); // if it failed, start-up reports why below
                LOG.log(Level.INFO, "warming up the call path (a silent virtual drill)...");
                long ms = SpeechServices.warmUp(warmVoice, options.drills().dialPlan().defaultScenario(), options.drills().turnDetection());
                LOG.log(Level.INFO, "warming up the call path ... done in " + ms + " ms");
            } catch (CompletionException e) {
                // the caller's voice did not load: start-up fails with that reason
            } catch (RuntimeException | LinkageError e) {
                // Only the first call's frames are at stake: start anyway.
                LOG.log(Level.WARNING, "could not warm up the call path; the first call may have late frames", e);
            } finally {
                warmedUp.complete(null);
            }
        }, "call-path-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        RecognizerPool pool = RecognizerPool.start(settings, TurnQueueLimits.defaults(total),
                (loaded, of) -> progress.accept("speech recogniser " + loaded + "/" + of + " ready"));
        CallerVoice voice;
        try {
            voice = callerVoice.join();
        } catch (CompletionException e) {
            pool.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        SpeechServices speech = new SpeechServices(voice, pool);
        if (!warmedUp.isDone()) progress.accept("warming up the call path...");
        warmedUp.join();
        LOG.log(Level.INFO, "speech ready in " + (System.nanoTime() - started) / 1_000_000 + " ms: caller voice and "
                + pool.size() + " recogniser(s)");
        return speech;
    }

    /** The language model every recogniser uses: the agents' corpus plus every scenario's phrasing. */
    private static RecognizerSettings recognizerSettings(Options options) {
        return RecognizerSettings.defaults().withExtraSentences(options.drills().dialPlan().library().all().stream()
                .flatMap(scenario -> scenario.agentPhrases().stream()).toList());
    }

    /** Rescores finished drills from their post-call transcripts. */
    public PostCallPass postCallPass() {
        return postCall;
    }

    public int sipPort() {
        return sip.port();
    }

    public int audioSocketPort() {
        return audioSocket == null ? -1 : audioSocket.port();
    }

    /** The FastAGI training extension's port, or -1 when it is off. */
    public int agiPort() {
        return asterisk.agiPort();
    }

    /** With no account yet (and the database answering): the one-time path that creates the first admin. */
    private static java.util.Optional<FirstRun> firstRun(JdbcAuthenticator accounts) {
        try {
            return FirstRun.ifNoAccounts(accounts.accounts());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot tell whether any account exists yet (" + e.getMessage() + "): no set-up link");
            return java.util.Optional.empty();
        }
    }

    /** The first-run set-up path ({@code /setup?token=...}) while no account exists. */
    public java.util.Optional<FirstRun> firstRun() {
        return firstRun;
    }

    public int httpPort() {
        return http == null ? -1 : http.port();
    }

    public DrillService drills() {
        return drills;
    }

    /** The data directory (drills, and the control token {@code ./callsim call} reads). */
    public Path dataDir() {
        return dataDir;
    }

    public ReportStore store() {
        return store;
    }

    /** The review database's drills, as the replicator has copied them from the data directory. */
    public DrillStore drillStore() {
        return drillStore;
    }

    public Database database() {
        return database;
    }

    public MediaClock mediaClock() {
        return mediaClock;
    }

    public SpeechServices speech() {
        return speech;
    }

    @Override
    public void close() {
        // Drills on the line end as server_stopped (not agent_ended) before their calls are hung up below.
        drills.serverStopping();
        if (http != null) http.close();
        asterisk.close();
        if (audioSocket != null) audioSocket.close();
        sip.close();
        // The calls are hung up. Their drills end on the media clock with the recognisers' help, so both
        // stay up until the drills have ended and their journals are on disk: the last pass below then
        // stores them complete instead of cut off (partial).
        try {
            if (!drills.awaitEnded(DRILLS_END_TIMEOUT)) {
                LOG.log(Level.WARNING, drills.activeDrills() + " drill(s) did not end within " + DRILLS_END_TIMEOUT.toSeconds()
                        + " s of the shutdown; they are stored as partial");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        mediaClock.close();
        postCall.close();
        postCallRecognizer.close();
        speech.close();
        replicator.close();  // a last pass: what the drills wrote up to now
        database.close();
    }
}
