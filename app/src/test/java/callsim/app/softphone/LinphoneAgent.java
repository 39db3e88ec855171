package callsim.app.softphone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real softphone for end-to-end tests: Debian's {@code linphonec} as a child process, driven by
 * lines on its stdin, audio from and to WAV files, SIP and RTP on 127.0.0.1 only. See the package
 * documentation for what each command does on the wire and how long it takes.
 *
 * <p>Every wait is bounded; failures throw {@link IllegalStateException} with the tail of
 * linphonec's output. {@link #close()} always leaves no process behind.
 */
public final class LinphoneAgent implements AutoCloseable {
    public static final Duration COMMAND_TIMEOUT = LinphoneProcess.COMMAND_TIMEOUT;
    /** Margin after a line's length before the microphone is switched back to silence. */
    private static final Duration PLAYBACK_MARGIN = Duration.ofMillis(300);
    private static final System.Logger LOG = System.getLogger(LinphoneAgent.class.getName());

    private final LinphoneProcess linphonec;
    private final ProcessOutput output;
    private final int sipPort;
    private final Path silence;
    private final Path logFile;
    private final ScheduledExecutorService playbackTimer;
    private int callId = -1;
    private int callMark;
    private boolean inCall;
    private long playGeneration;
    private CompletableFuture<Void> playbackDone = CompletableFuture.completedFuture(null);
    private boolean closed;

    private LinphoneAgent(LinphoneProcess linphonec, Path logFile, int sipPort, Path silence) {
        this.linphonec = linphonec;
        this.output = linphonec.output();
        this.logFile = logFile;
        this.sipPort = sipPort;
        this.silence = silence;
        this.playbackTimer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "linphonec-playback-" + linphonec.pid());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts linphonec with its own HOME, linphonerc and log under {@code workDir}, switched to
     * file audio with a silent microphone. Fails if linphonec is not installed or does not start.
     */
    public static LinphoneAgent start(Path workDir) throws IOException {
        return start(workDir, "agent");
    }

    /** As {@link #start(Path)}, calling as {@code sip:USER@127.0.0.1}: callsim takes USER as the agent's extension (201). */
    public static LinphoneAgent start(Path workDir, String user) throws IOException {
        Path dir = workDir.toAbsolutePath();
        if (dir.toString().contains(" ")) {
            throw new IllegalArgumentException("linphonec cannot take paths with spaces: " + dir);
        }
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve(".local/share/linphone"));
        Path silence = AgentSpeech.silence(Duration.ofSeconds(1), dir.resolve("silence.wav"));
        int sipPort = LoopbackPorts.freeBlock(1);
        Path rc = dir.resolve("linphonerc");
        new LinphoneConfig(sipPort, LoopbackPorts.freeBlock(LinphoneConfig.RTP_PORTS), silence, user).writeTo(rc);
        Path logFile = dir.resolve("linphonec.log");
        LinphoneProcess linphonec = LinphoneProcess.start(rc, home, logFile);
        LinphoneAgent agent = new LinphoneAgent(linphonec, logFile, sipPort, silence);
        try {
            agent.initialise();
            return agent;
        } catch (RuntimeException | IOException e) {
            agent.close();
            throw e;
        }
    }

    private void initialise() throws IOException {
        int mark = output.mark();
        send("soundcard use files");
        output.await(Pattern.compile("^Using wav files instead of soundcard"), null, mark, COMMAND_TIMEOUT,
                "switching linphonec to file audio");
        send("play " + silence);
        mark = output.mark();
        send("ports");
        Matcher port = output.await(Pattern.compile("^sip port = (\\d+)"), null, mark, COMMAND_TIMEOUT,
                "reading linphonec's SIP port");
        if (Integer.parseInt(port.group(1)) != sipPort) {
            throw new IllegalStateException("linphonec took SIP port " + port.group(1) + ", not " + sipPort
                    + "\n" + output.tail());
        }
    }

    public int sipPort() {
        return sipPort;
    }

    /** Where a peer can call this agent (not needed for outgoing calls). */
    public String sipUri() {
        return "sip:agent@127.0.0.1:" + sipPort;
    }

    public long pid() {
        return linphonec.pid();
    }

    public Path logFile() {
        return logFile;
    }

    /** The last lines linphonec printed, for failure messages. */
    public String log() {
        return output.tail();
    }

    /** Everything linphonec printed so far, one entry per line, prompts removed. */
    public List<String> outputLines() {
        return output.lines();
    }

    /**
     * Records what the agent hears (8 kHz 16-bit mono WAV). Call it before {@link #call}: the file
     * then starts at the moment the call connects. Time on hold is left out of the file, and the
     * WAV header is only complete once the call has ended.
     */
    public synchronized void recordTo(Path wav) throws IOException {
        send("record " + CommandArguments.path(wav.toAbsolutePath(), false));
    }

    /** Dials {@code sipUri}; returns once linphonec has assigned the call an id. */
    public synchronized void call(String sipUri) throws IOException {
        if (!sipUri.startsWith("sip:") || sipUri.contains(" ")) {
            throw new IllegalArgumentException("not a sip: URI without spaces: " + sipUri);
        }
        if (inCall) {
            throw new IllegalStateException("already in call " + callId);
        }
        int mark = output.mark();
        send("call " + sipUri);
        Matcher assigned = output.await(Pattern.compile("^Establishing call id to .*, assigned id (\\d+)"),
                null, mark, COMMAND_TIMEOUT, "dialling " + sipUri);
        callId = Integer.parseInt(assigned.group(1));
        callMark = mark;
    }

    /** Waits until the call is answered and its audio streams run. */
    public void awaitInCall(Duration timeout) {
        int id;
        int from;
        synchronized (this) { // not held while waiting: the playback timer needs the lock
            requireCall();
            id = callId;
            from = callMark;
        }
        output.await(Pattern.compile("^Media streams established with .* for call " + id + " "),
                callEnd(id), from, timeout, "waiting for call " + id + " to connect");
        synchronized (this) {
            inCall = true;
        }
    }

    /**
     * Plays {@code wav} once into the call as the microphone, replacing whatever was playing; the
     * microphone falls back to silence after the file's length. Any PCM WAV works (linphone
     * resamples); {@link AgentSpeech} makes 8 kHz mono ones. Returns the file's length.
     */
    public synchronized Duration play(Path wav) throws IOException {
        if (!inCall) {
            throw new IllegalStateException("play() needs a connected call: before a call linphonec would"
                    + " loop the file as the microphone for the whole call");
        }
        Path file = CommandArguments.path(wav.toAbsolutePath(), true);
        Duration length = CommandArguments.wavLength(file);
        send("play " + file);
        playbackDone.complete(null);
        playbackDone = new CompletableFuture<>();
        long generation = ++playGeneration;
        playbackTimer.schedule(() -> silenceAfter(generation), length.plus(PLAYBACK_MARGIN).toMillis(),
                TimeUnit.MILLISECONDS);
        return length;
    }

    /** Stops what {@link #play} started; the microphone sends silence. */
    public synchronized void stopPlaying() throws IOException {
        playGeneration++;
        send("play " + silence);
        playbackDone.complete(null);
    }

    /** Waits until the line last given to {@link #play} has been played out (or was stopped). */
    public void awaitPlaybackDone(Duration timeout) {
        CompletableFuture<Void> done;
        synchronized (this) {
            done = playbackDone;
        }
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("playback not done within " + timeout + "\n" + output.tail(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("playback failed\n" + output.tail(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for playback", e);
        }
    }

    private synchronized void silenceAfter(long generation) {
        if (generation != playGeneration || !linphonec.isRunning()) {
            return;
        }
        try {
            // Also keeps linphone from replaying the line when the stream restarts (e.g. on resume).
            send("play " + silence);
            playbackDone.complete(null);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not switch linphonec back to silence", e);
            playbackDone.completeExceptionally(e);
        }
    }

    /**
     * Puts the call on hold (re-INVITE with {@code a=sendonly}) after silencing the microphone;
     * returns once the far end accepted it.
     */
    public synchronized void pause() throws IOException {
        requireCall();
        stopPlaying();
        int mark = output.mark();
        send("pause");
        output.await(Pattern.compile("^Call " + callId + " with .* is now paused\\."), callEnd(), mark,
                COMMAND_TIMEOUT, "putting call " + callId + " on hold");
    }

    /** Takes the call off hold (re-INVITE, sendrecv); returns once the audio streams run again. */
    public synchronized void resume() throws IOException {
        requireCall();
        int mark = output.mark();
        send("resume");
        output.await(Pattern.compile("^Media streams established with .* for call " + callId + " "), callEnd(),
                mark, COMMAND_TIMEOUT, "resuming call " + callId);
    }

    /**
     * Sends one DTMF digit as an RFC 4733 telephone-event. linphonec stalls for about a second after
     * each digit; this returns once it takes commands again.
     */
    public synchronized void sendDtmf(char digit) throws IOException {
        if ("0123456789*#ABCD".indexOf(digit) < 0) {
            throw new IllegalArgumentException("not a DTMF digit: '" + digit + "'");
        }
        requireCall();
        send(String.valueOf(digit));
        send("ports");
    }

    /** Ends the call (BYE); see {@link #awaitCallEnded}. */
    public synchronized void hangUp() throws IOException {
        requireCall();
        send("terminate");
    }

    /** Waits until the call has ended, from either side; returns linphone's reason, e.g. "No error". */
    public String awaitCallEnded(Duration timeout) {
        int id;
        int from;
        synchronized (this) {
            requireCall();
            id = callId;
            from = callMark;
        }
        Matcher ended = output.await(callEnd(id), null, from, timeout, "waiting for call " + id + " to end");
        synchronized (this) {
            inCall = false;
            playGeneration++;
            playbackDone.complete(null);
        }
        return ended.group(1) != null ? ended.group(1) : ended.group();
    }

    /** Waits for an output line matching {@code regex} printed since the current call was dialled. */
    public String awaitOutput(String regex, Duration timeout) {
        int from;
        synchronized (this) {
            from = callMark;
        }
        return output.await(Pattern.compile(regex), null, from, timeout, "waiting for /" + regex + "/").group();
    }

    /** Quits linphonec, killing it (and anything it started) if it does not exit in time. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        playbackTimer.shutdownNow();
        playbackDone.complete(null);
        linphonec.close();
    }

    private void send(String command) throws IOException {
        linphonec.send(command);
    }

    private Pattern callEnd() {
        return callEnd(callId);
    }

    private static Pattern callEnd(int id) {
        return Pattern.compile("^Call " + id + " with .* (?:ended \\((.*)\\)|error)\\.$");
    }

    private void requireCall() {
        if (callId < 0) {
            throw new IllegalStateException("no call was dialled");
        }
    }
}
