package callsim.speech;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Decodes a finished drill's agent channel again, turn by turn, for its post-call transcript: with its own
 * recogniser (the settings' set-up, {@link RecognizerSetup#ACCURATE} for serve), never one of the live
 * {@link RecognizerPool}'s, loaded on first use and kept. Decoding runs on the calling thread, so its
 * priority is the caller's (the post-call worker's, the lowest).
 *
 * <p>The same audio and turns always give the same words: each drill starts from a fresh speaker profile
 * (carried across its turns in order, as live; the turns heard before it had adapted are heard again
 * through it at the end) and the front end's dither restarts for every turn.
 * One drill at a time: a second caller waits for the first.
 */
public final class PostCallRecognizer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PostCallRecognizer.class.getName());
    /** Quiet audio after a turn, so its last word is not cut at the end of the stream (as live). */
    private static final int TAIL_SAMPLES = 200 * ReusableSpeechRecognizer.SAMPLES_PER_MS;
    /**
     * Audio kept either side of a turn's voiced span: its first and last sounds are quiet and the live
     * voice activity detector can start late or end early on them. Never reaching into a neighbouring turn.
     */
    static final long PADDING_MS = 300;

    /** One agent turn's voiced audio on the drill's media clock. */
    public record Span(long startMs, long endMs) {
        public Span {
            if (startMs < 0 || endMs < startMs) throw new IllegalArgumentException("not a turn span: " + startMs + "-" + endMs + " ms");
        }
    }

    /** How much of a turn is decoded between two calls of {@link TurnGate#duringTurn}. */
    static final int GATE_EVERY_MS = 100;

    /**
     * May hold the decoding back: the post-call pass gives way to live recognition so. Asked before each turn
     * and again every {@link #GATE_EVERY_MS} of its audio, so a long turn does not hold a core while a live turn
     * waits for it.
     */
    public interface TurnGate {
        TurnGate OPEN = () -> { };

        void beforeTurn() throws InterruptedException;

        default void duringTurn() throws InterruptedException {
        }
    }

    private final RecognizerSettings settings;
    // The lock is held while a drill decodes: close() frees the recogniser at once if it is idle, otherwise the
    // decoding thread frees it when its drill is done (a shutdown does not wait for a long recording).
    private final ReentrantLock decoding = new ReentrantLock();
    private final List<Path> modelFiles = new ArrayList<>();
    private ReusableSpeechRecognizer recognizer;
    private volatile boolean closed;

    public PostCallRecognizer(RecognizerSettings settings) {
        this.settings = settings;
    }

    /** Whether the recogniser has been loaded (it is, once the first drill needed it). */
    public boolean loaded() {
        decoding.lock();
        try {
            return recognizer != null;
        } finally {
            decoding.unlock();
        }
    }

    /**
     * The words of each turn in {@code agent} (one channel, any rate), in order; "" for a turn with none.
     * {@code gate} is passed before each turn.
     *
     * @throws IOException           if the recogniser cannot be loaded
     * @throws InterruptedException  if interrupted at the gate
     * @throws IllegalStateException if closed
     */
    public List<String> transcribe(WavFile.Audio agent, List<Span> turns, TurnGate gate) throws IOException, InterruptedException {
        decoding.lock();
        try {
            if (closed) throw new IllegalStateException("post-call recogniser is closed");
            return decodeTurns(agent, turns, gate);
        } finally {
            if (closed) free();
            decoding.unlock();
        }
    }

    private List<String> decodeTurns(WavFile.Audio agent, List<Span> turns, TurnGate gate) throws IOException, InterruptedException {
        if (turns.isEmpty()) return List.of();
        short[] pcm = PcmRateConverter.convert(agent.samples(), agent.sampleRate(), ReusableSpeechRecognizer.SAMPLE_RATE);
        ReusableSpeechRecognizer decoder = recognizer();
        SpeakerProfile speaker = new SpeakerProfile();
        List<String> words = new ArrayList<>();
        List<Integer> heardUnadapted = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            gate.beforeTurn();
            if (speaker.adaptedSeconds() == 0) heardUnadapted.add(i);
            words.add(decode(decoder, turnAudio(pcm, turns, i), speaker, gate));
        }
        // Second look: a drill's first turns were heard before anything was learnt of the agent's voice (live,
        // and in the pass above), and they are the most often misheard. Once the adaptation exists, hear them
        // again through it.
        if (speaker.adaptedSeconds() > 0 && !heardUnadapted.isEmpty()) {
            SpeakerProfile learnt = speaker.settled();
            for (int i : heardUnadapted) {
                gate.beforeTurn();
                words.set(i, decode(decoder, turnAudio(pcm, turns, i), learnt, gate));
            }
        }
        return words;
    }

    /** Turn {@code i}'s audio with {@link #PADDING_MS} either side, never reaching into a neighbouring turn. */
    private static short[] turnAudio(short[] pcm, List<Span> turns, int i) {
        long from = Math.max(turns.get(i).startMs() - PADDING_MS, i == 0 ? 0 : turns.get(i - 1).endMs());
        long to = Math.min(turns.get(i).endMs() + PADDING_MS, i + 1 < turns.size() ? turns.get(i + 1).startMs() : Long.MAX_VALUE);
        int fromSample = (int) Math.min(pcm.length, Math.max(0, from) * ReusableSpeechRecognizer.SAMPLES_PER_MS);
        int toSample = (int) Math.min(pcm.length, Math.max(from, to) * ReusableSpeechRecognizer.SAMPLES_PER_MS);
        return Arrays.copyOfRange(pcm, fromSample, Math.max(fromSample, toSample));
    }

    private String decode(ReusableSpeechRecognizer decoder, short[] turn, SpeakerProfile speaker, TurnGate gate)
            throws InterruptedException {
        if (turn.length == 0) return "";
        int lead = (int) settings.leadingSilence().toMillis() * ReusableSpeechRecognizer.SAMPLES_PER_MS;
        QueuedPcmStream stream = new QueuedPcmStream(lead, TAIL_SAMPLES, turn.length + 1).from(speaker)
            .pausingBeforeEachChunk(gate::duringTurn);
        int chunk = GATE_EVERY_MS * ReusableSpeechRecognizer.SAMPLES_PER_MS;
        for (int from = 0; from < turn.length; from += chunk) {
            stream.offer(Arrays.copyOfRange(turn, from, Math.min(turn.length, from + chunk)));
        }
        stream.end();
        String words = decoder.recognize(stream).words();
        if (stream.interrupted()) throw new InterruptedException("post-call decoding interrupted");
        return words;
    }

    private ReusableSpeechRecognizer recognizer() throws IOException {
        if (recognizer != null) return recognizer;
        long started = System.nanoTime();
        Path lm = settings.setup().usesDomainModel()
                ? temp("callsim-postcall-", ".lm", DomainLanguageModel.arpa(settings.corpus())) : null;
        Path config = temp("callsim-postcall-", ".xml", settings.setup().configXml(lm == null ? null : lm.toUri().toString(), true));
        recognizer = ReusableSpeechRecognizer.load(config, settings.setup());
        LOG.log(System.Logger.Level.INFO, "post-call recogniser ({0} set-up) loaded in {1} ms", settings.setup().name(),
                (System.nanoTime() - started) / 1_000_000);
        return recognizer;
    }

    private Path temp(String prefix, String suffix, String text) throws IOException {
        Path file = Files.createTempFile(prefix, suffix);
        modelFiles.add(file);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** Frees the recogniser and its model files, now or, if a drill is decoding, when it is done. Idempotent. */
    @Override
    public void close() {
        closed = true;
        if (!decoding.tryLock()) return;
        try {
            free();
        } finally {
            decoding.unlock();
        }
    }

    private void free() {
        if (recognizer != null) recognizer.close();
        recognizer = null;
        for (Path file : modelFiles) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot delete " + file, e);
            }
        }
        modelFiles.clear();
    }
}
