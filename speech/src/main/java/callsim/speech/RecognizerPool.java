package callsim.speech;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed set of loaded Sphinx4 recognisers, lent out one agent turn at a time. Each recogniser is
 * loaded and primed once at start-up and then reused for every turn. A turn gets a recogniser as it
 * starts if one is free and is decoded on that recogniser's thread while its audio arrives;
 * otherwise it waits in line, audio buffered, for the next recogniser to come free. The line is
 * bounded ({@link TurnQueueLimits}): under overload a turn is shed rather than let every caller fall
 * further behind.
 */
public final class RecognizerPool implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RecognizerPool.class.getName());
    private static final int SAMPLES_PER_MS = ReusableSpeechRecognizer.SAMPLE_RATE / 1000;
    /** Quiet audio after a turn, so the last word is not cut at the end of the stream. */
    private static final int TAIL_SAMPLES = 200 * SAMPLES_PER_MS;

    private final RecognizerSettings settings;
    private final Path languageModelFile; // null with the generic model
    private final ExecutorService decoders;
    private final TurnScheduler<ReusableSpeechRecognizer> scheduler;
    private final AtomicInteger modelLoads = new AtomicInteger();
    private final List<Duration> loadTimes = new ArrayList<>();
    private final Object lock = new Object();
    private int size;
    private boolean closed;

    private RecognizerPool(RecognizerSettings settings, TurnQueueLimits limits, Path languageModelFile) {
        this.settings = settings;
        this.languageModelFile = languageModelFile;
        AtomicInteger threadNumber = new AtomicInteger();
        this.decoders = Executors.newFixedThreadPool(settings.poolSize(), task -> {
            Thread thread = new Thread(task, "asr-decoder-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.scheduler = new TurnScheduler<>(ReusableSpeechRecognizer::recognize, decoders,
            ReusableSpeechRecognizer::close, limits);
    }

    /** {@link #start(RecognizerSettings, TurnQueueLimits)} with the default limits for the pool size. */
    public static RecognizerPool start(RecognizerSettings settings) {
        return start(settings, TurnQueueLimits.defaults(settings.poolSize()));
    }

    /**
     * Loads and primes {@code settings.poolSize()} recognisers, in parallel (one per decoding thread).
     *
     * @throws IllegalStateException if a recogniser cannot be loaded
     */
    public static RecognizerPool start(RecognizerSettings settings, TurnQueueLimits limits) {
        return start(settings, limits, loaded -> {});
    }

    /** As {@link #start(RecognizerSettings)}, telling {@code loaded} how many recognisers are ready as each one is. */
    public static RecognizerPool start(RecognizerSettings settings, java.util.function.IntConsumer loaded) {
        return start(settings, TurnQueueLimits.defaults(settings.poolSize()), loaded);
    }

    private static RecognizerPool start(RecognizerSettings settings, TurnQueueLimits limits, java.util.function.IntConsumer loaded) {
        Path lmFile = settings.genericLanguageModel() ? null : writeDomainLanguageModel(settings.corpus());
        String lmLocation = lmFile == null ? ReusableSpeechRecognizer.GENERIC_LANGUAGE_MODEL : lmFile.toUri().toString();
        RecognizerPool pool = new RecognizerPool(settings, limits, lmFile);
        try {
            short[] priming = PrimingSpeech.synthesize8k();
            List<Future<ReusableSpeechRecognizer>> loads = new ArrayList<>();
            for (int i = 0; i < settings.poolSize(); i++) {
                loads.add(pool.decoders.submit(() -> pool.loadAndPrime(lmLocation, priming)));
            }
            int ready = 0;
            for (Future<ReusableSpeechRecognizer> load : loads) {
                pool.scheduler.add(load.get());
                loaded.accept(++ready);
            }
            return pool;
        } catch (ExecutionException e) {
            pool.close();
            throw new IllegalStateException("cannot load a speech recogniser: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.close();
            throw new IllegalStateException("interrupted while loading speech recognisers", e);
        }
    }

    /**
     * Starts recognising one agent turn; never blocks (it is called on the 20 ms audio thread). The
     * turn is decoded as its audio arrives if a recogniser is free, or as soon as one is; if it is
     * shed under overload its transcript fails with {@link RecognitionShedException}.
     *
     * @throws IllegalStateException if the pool is closed
     */
    public RecognitionSession startTurn() {
        checkOpen();
        return scheduler.submit(newStream(defaultBufferSamples()), true);
    }

    /**
     * Recognises a whole recording (any sample rate; converted to 8 kHz), waiting as long as it takes
     * for a recogniser (never shed). For the CLI and tests; live calls use {@link #startTurn}.
     *
     * @throws IllegalStateException if the pool is closed, or closes before the recording is decoded
     */
    public String transcribe(short[] pcm, int sampleRate) {
        short[] pcm8k = PcmRateConverter.convert(pcm, sampleRate, ReusableSpeechRecognizer.SAMPLE_RATE);
        checkOpen();
        RecognitionSession session = scheduler.submit(newStream(Math.max(defaultBufferSamples(), pcm8k.length + 1)), false);
        session.feed(pcm8k);
        try {
            return session.finish().join();
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
        if (languageModelFile != null) {
            try {
                Files.deleteIfExists(languageModelFile);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot delete " + languageModelFile, e);
            }
        }
    }

    private ReusableSpeechRecognizer loadAndPrime(String lmLocation, short[] priming) throws IOException {
        long start = System.nanoTime();
        ReusableSpeechRecognizer recognizer = ReusableSpeechRecognizer.load(lmLocation);
        modelLoads.incrementAndGet();
        QueuedPcmStream primingStream = newStream(priming.length + 1);
        primingStream.offer(priming);
        primingStream.end();
        recognizer.recognize(primingStream);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        synchronized (lock) {
            loadTimes.add(took);
            size++;
        }
        LOG.log(System.Logger.Level.INFO, "speech recogniser loaded and primed in {0} ms", took.toMillis());
        return recognizer;
    }

    private QueuedPcmStream newStream(int maxBufferedSamples) {
        int lead = (int) settings.leadingSilence().toMillis() * SAMPLES_PER_MS;
        return new QueuedPcmStream(lead, TAIL_SAMPLES, maxBufferedSamples);
    }

    private int defaultBufferSamples() {
        return (int) Math.min(Integer.MAX_VALUE, settings.maxBufferedAudio().toMillis() * SAMPLES_PER_MS);
    }

    private void checkOpen() {
        synchronized (lock) {
            if (closed) throw new IllegalStateException("recogniser pool is closed");
        }
    }

    private static Path writeDomainLanguageModel(List<String> corpus) {
        try {
            Path file = Files.createTempFile("callsim-domain-", ".lm");
            file.toFile().deleteOnExit();
            Files.writeString(file, DomainLanguageModel.arpa(corpus), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the domain language model", e);
        }
    }
}
