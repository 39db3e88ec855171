package callsim.speech;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed set of loaded Sphinx4 recognisers, lent out one agent turn at a time. Each recogniser is
 * loaded and primed once at start-up (the first alone, the rest in the background) and then
 * reused for every turn. A turn gets a recogniser as it
 * starts if one is free and is decoded on that recogniser's thread while its audio arrives;
 * otherwise it waits in line, audio buffered, for the next recogniser to come free. The line is
 * bounded ({@link TurnQueueLimits}): under overload a turn is shed rather than let every caller fall
 * further behind.
 */
public final class RecognizerPool implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RecognizerPool.class.getName());
    /** Quiet audio after a turn, so the last word is not cut at the end of the stream. */
    private static final int TAIL_SAMPLES = 200 * ReusableSpeechRecognizer.SAMPLES_PER_MS;

    private final RecognizerSettings settings;
    private final List<Path> modelFiles; // the domain LM and the Sphinx4 configuration, deleted on close
    private final ExecutorService decoders;
    private final ExecutorService loaders;
    private final TurnScheduler<ReusableSpeechRecognizer> scheduler;
    private final AtomicInteger modelLoads = new AtomicInteger();
    private final List<Duration> loadTimes = new ArrayList<>();
    private final List<ReusableSpeechRecognizer> loaded = new ArrayList<>();
    private final Object lock = new Object();
    private int size;
    private boolean closed;

    private RecognizerPool(RecognizerSettings settings, TurnQueueLimits limits, List<Path> modelFiles) {
        this.settings = settings;
        this.modelFiles = modelFiles;
        AtomicInteger threadNumber = new AtomicInteger();
        this.decoders = Executors.newFixedThreadPool(settings.poolSize(), task -> {
            Thread thread = new Thread(task, "asr-decoder-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        AtomicInteger loaderNumber = new AtomicInteger();
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.loaders = Executors.newFixedThreadPool(Math.min(settings.poolSize(), cores), task -> {
            Thread thread = new Thread(task, "asr-loader-" + loaderNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.scheduler = new TurnScheduler<>(ReusableSpeechRecognizer::recognize, decoders,
            ReusableSpeechRecognizer::close, limits);
    }

    /** Reports start-up progress: {@code loaded} of {@code total} recognisers are ready. */
    @FunctionalInterface
    public interface LoadProgress {
        void loaded(int loaded, int total);
    }

    /** {@link #start(RecognizerSettings, TurnQueueLimits, LoadProgress)} with the default limits and no progress. */
    public static RecognizerPool start(RecognizerSettings settings) {
        return start(settings, TurnQueueLimits.defaults(settings.poolSize()), (loaded, total) -> { });
    }

    /**
     * Loads and primes {@code settings.poolSize()} recognisers. The first loads alone, with the machine
     * to itself (in a fresh JVM the decoder's classes and the JIT compete for the same cores, and two
     * loads side by side took 12 s where one takes ~7, BENCHMARKS (e)); this returns as soon as it is ready
     * to decode. The rest then load at most one per core at a time (more in parallel only contend for the
     * same cores) and join the pool as they come.
     *
     * @throws IllegalStateException if the first recogniser cannot be loaded
     */
    public static RecognizerPool start(RecognizerSettings settings, TurnQueueLimits limits, LoadProgress progress) {
        List<Path> files = new ArrayList<>();
        Path lmFile = settings.setup().usesDomainModel()
            ? writeTemp("callsim-domain-", ".lm", DomainLanguageModel.arpa(settings.corpus())) : null;
        if (lmFile != null) files.add(lmFile);
        Path config = writeTemp("callsim-recognizer-", ".xml",
            settings.setup().configXml(lmFile == null ? null : lmFile.toUri().toString()));
        files.add(config);
        RecognizerPool pool = new RecognizerPool(settings, limits, List.copyOf(files));
        int total = settings.poolSize();
        AtomicInteger loaded = new AtomicInteger();
        if (settings.setup().languageModel() == RecognizerSetup.LanguageModelKind.MIXED) {
            // the shared general model (once per JVM) loads beside the acoustic model instead of after it
            CompletableFuture.runAsync(() -> GenericLanguageModel.bundled().wordsByFrequency());
        }
        // synthesised while the first model loads, not before: it is needed only once one is loaded
        CompletableFuture<short[]> priming = CompletableFuture.supplyAsync(() -> PrimingSpeech.synthesize8k(settings.setup()));
        // One made-up agent for the recognisers loaded in the background: each also hears the priming speech as
        // a turn of theirs, so what only an agent's turns run (the voice's mean, learning the voice, hearing
        // through what was learnt) is compiled before the first drills rather than on their first turns, which
        // otherwise waited 2-4 s for their words (BENCHMARKS.md (a)). The first recogniser, which start-up
        // waits for, is primed as before.
        SpeakerProfile primingAgent = settings.setup().speakerAdaptation() ? new SpeakerProfile() : null;
        Runnable loadOne = () -> {
            try {
                ReusableSpeechRecognizer recognizer = pool.loadAndPrime(config, priming, primingAgent);
                pool.scheduler.add(recognizer); // discards it if the pool closed meanwhile
                progress.loaded(loaded.incrementAndGet(), total);
            } catch (Throwable e) {
                if (!pool.isClosed()) LOG.log(System.Logger.Level.WARNING, "cannot load a speech recogniser", e);
            }
        };
        try {
            pool.scheduler.add(pool.loadAndPrime(config, priming, null));
        } catch (IOException | RuntimeException | LinkageError e) {
            pool.close();
            throw new IllegalStateException("cannot load a speech recogniser: " + e, e);
        }
        progress.loaded(loaded.incrementAndGet(), total);
        for (int i = 1; i < total; i++) pool.loaders.execute(loadOne);
        pool.loaders.shutdown(); // the queued loads still run; the threads end after the last
        return pool;
    }

    /**
     * Starts recognising one agent turn; never blocks (it is called on the 20 ms audio thread). The
     * turn is decoded as its audio arrives if a recogniser is free, or as soon as one is; if it is
     * shed under overload its transcript fails with {@link RecognitionShedException}. While its decoding is
     * behind the call's audio, a set-up with a catch-up beam searches narrower ({@link CatchUpActiveListFactory}).
     *
     * @param speaker the agent whose turn it is: one profile per drill, the same for all their turns
     *
     * @throws IllegalStateException if the pool is closed
     */
    public RecognitionSession startTurn(SpeakerProfile speaker) {
        checkOpen();
        return scheduler.submit(newStream(defaultBufferSamples()).from(speaker).live(), true);
    }

    /**
     * Recognises a whole recording (any sample rate; converted to 8 kHz) as one speaker's, waiting as
     * long as it takes for a recogniser (never shed). For the CLI and tests; live calls use {@link #startTurn}.
     *
     * @throws IllegalStateException if the pool is closed, or closes before the recording is decoded
     */
    public String transcribe(short[] pcm, int sampleRate) {
        return transcribe(pcm, sampleRate, new SpeakerProfile());
    }

    /**
     * {@link #transcribe(short[], int)} for one of several recordings of the same speaker, whose profile
     * carries from one to the next as it does across a drill's turns.
     */
    public String transcribe(short[] pcm, int sampleRate, SpeakerProfile speaker) {
        short[] pcm8k = PcmRateConverter.convert(pcm, sampleRate, ReusableSpeechRecognizer.SAMPLE_RATE);
        checkOpen();
        RecognitionSession session = scheduler.submit(
            newStream(Math.max(defaultBufferSamples(), pcm8k.length + 1)).from(speaker), false);
        session.feed(pcm8k);
        try {
            return session.finish().join().words();
        } catch (java.util.concurrent.CancellationException e) {
            throw new IllegalStateException("recogniser pool closed before the recording was transcribed", e);
        }
    }

    /** Recognisers loaded. */
    public int size() {
        synchronized (lock) {
            return size;
        }
    }

    /** Recognisers free right now. */
    public int available() {
        return scheduler.idleRecognizers();
    }

    /** Turns waiting for a recogniser right now. */
    public int waitingTurns() {
        return scheduler.waitingTurns();
    }

    /** Turns shed under overload since start (their words never reached the caller). */
    public long shedTurns() {
        return scheduler.shedTurns();
    }

    /** Stretches of agent speech recognised to the end since start. */
    public long turnsHeard() {
        return scheduler.turnsHeard();
    }

    /**
     * How long after the audio of each stretch heard since the {@code since}-th ({@link #turnsHeard}) ended its
     * words were known, in ms (at most the last 4,096): recognition's share of the caller's wait.
     */
    public List<Long> wordsKnownAfterEndMs(long since) {
        return scheduler.wordsKnownAfterEndMs(since);
    }

    /**
     * Search steps decoded with a narrower beam because a live turn was behind its audio (one or a few per 10 ms
     * frame; see {@link CatchUpActiveListFactory}), over all recognisers since start: 0 while decoding keeps up.
     */
    public long narrowedSteps() {
        synchronized (lock) {
            return loaded.stream().mapToLong(ReusableSpeechRecognizer::narrowedSteps).sum();
        }
    }

    /** Times a recogniser's models were loaded: equals {@link #size()} as long as recognisers are reused. */
    public int modelLoads() {
        return modelLoads.get();
    }

    /** How long each recogniser took to load and prime. */
    public List<Duration> loadTimes() {
        synchronized (lock) {
            return List.copyOf(loadTimes);
        }
    }

    /** Cancels turns in progress, waits briefly for their decoders, and frees every recogniser. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) return;
            closed = true;
        }
        loaders.shutdownNow(); // loads not yet started never start; one in progress is discarded when done
        scheduler.close();
        decoders.shutdown();
        try {
            if (!decoders.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "speech decoders still running after close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler.drainIdle().forEach(ReusableSpeechRecognizer::close);
        for (Path file : modelFiles) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot delete " + file, e);
            }
        }
    }

    /** Loads a recogniser and decodes the priming speech with it: once, and once more as {@code agent}'s turn if given. */
    private ReusableSpeechRecognizer loadAndPrime(Path config, CompletableFuture<short[]> primingSpeech, SpeakerProfile agent)
            throws IOException {
        long start = System.nanoTime();
        ReusableSpeechRecognizer recognizer = ReusableSpeechRecognizer.load(config, settings.setup());
        modelLoads.incrementAndGet();
        short[] priming = primingSpeech.join();
        hearWhole(recognizer, priming, null);
        if (agent != null) hearWhole(recognizer, priming, agent);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        synchronized (lock) {
            loadTimes.add(took);
            loaded.add(recognizer);
            size++;
        }
        LOG.log(System.Logger.Level.INFO, "speech recogniser loaded and primed in {0} ms", took.toMillis());
        return recognizer;
    }

    private void hearWhole(ReusableSpeechRecognizer recognizer, short[] speech, SpeakerProfile speaker) {
        QueuedPcmStream stream = newStream(speech.length + 1).from(speaker);
        stream.offer(speech);
        stream.end();
        recognizer.recognize(stream);
    }

    private QueuedPcmStream newStream(int maxBufferedSamples) {
        int lead = (int) settings.leadingSilence().toMillis() * ReusableSpeechRecognizer.SAMPLES_PER_MS;
        return new QueuedPcmStream(lead, TAIL_SAMPLES, maxBufferedSamples);
    }

    private int defaultBufferSamples() {
        return (int) Math.min(Integer.MAX_VALUE, settings.maxBufferedAudio().toMillis() * ReusableSpeechRecognizer.SAMPLES_PER_MS);
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    private void checkOpen() {
        synchronized (lock) {
            if (closed) throw new IllegalStateException("recogniser pool is closed");
        }
    }

    private static Path writeTemp(String prefix, String suffix, String text) {
        try {
            Path file = Files.createTempFile(prefix, suffix);
            file.toFile().deleteOnExit();
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + prefix + "*" + suffix, e);
        }
    }
}
