package callsim.speech;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed set of loaded Sphinx4 recognisers, lent out one agent turn at a time. Each recogniser is
 * loaded and primed once at start-up and then reused for every turn; a borrowed recogniser decodes
 * on its own thread while the turn's audio arrives, and goes back to the pool when the turn is
 * finished, cancelled or fails.
 */
public final class RecognizerPool implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RecognizerPool.class.getName());
    private static final int SAMPLES_PER_MS = ReusableSpeechRecognizer.SAMPLE_RATE / 1000;
    /** Quiet audio after a turn, so the last word is not cut at the end of the stream. */
    private static final int TAIL_SAMPLES = 200 * SAMPLES_PER_MS;

    private final RecognizerSettings settings;
    private final Path languageModelFile; // null with the generic model
    private final ExecutorService decoders;
    private final BlockingQueue<ReusableSpeechRecognizer> idle = new LinkedBlockingQueue<>();
    private final Set<StreamingSession> active = ConcurrentHashMap.newKeySet();
    private final AtomicInteger modelLoads = new AtomicInteger();
    private final List<Duration> loadTimes = new ArrayList<>();
    private final Object lock = new Object();
    private int size;
    private boolean closed;

    private RecognizerPool(RecognizerSettings settings, Path languageModelFile) {
        this.settings = settings;
        this.languageModelFile = languageModelFile;
        AtomicInteger threadNumber = new AtomicInteger();
        this.decoders = Executors.newFixedThreadPool(settings.poolSize(), task -> {
            Thread thread = new Thread(task, "asr-decoder-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Loads and primes {@code settings.poolSize()} recognisers, in parallel (one per decoding thread).
     *
     * @throws IllegalStateException if a recogniser cannot be loaded
     */
    public static RecognizerPool start(RecognizerSettings settings) {
        Path lmFile = settings.genericLanguageModel() ? null : writeDomainLanguageModel(settings.corpus());
        String lmLocation = lmFile == null ? ReusableSpeechRecognizer.GENERIC_LANGUAGE_MODEL : lmFile.toUri().toString();
        RecognizerPool pool = new RecognizerPool(settings, lmFile);
        try {
            short[] priming = PrimingSpeech.synthesize8k();
            List<Future<ReusableSpeechRecognizer>> loads = new ArrayList<>();
            for (int i = 0; i < settings.poolSize(); i++) {
                loads.add(pool.decoders.submit(() -> pool.loadAndPrime(lmLocation, priming)));
            }
            for (Future<ReusableSpeechRecognizer> load : loads) pool.giveBack(load.get());
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

    /** Borrows a free recogniser for one turn, if there is one now. */
    public Optional<RecognitionSession> tryStart() {
        checkOpen();
        ReusableSpeechRecognizer recognizer = idle.poll();
        return recognizer == null ? Optional.empty() : Optional.of(open(recognizer, defaultBufferSamples()));
    }

    /**
     * Borrows a recogniser for one turn, waiting up to {@code maxWait} for one to be returned.
     *
     * @throws TimeoutException if none became free in time (also when interrupted; the flag is kept)
     */
    public RecognitionSession start(Duration maxWait) throws TimeoutException {
        checkOpen();
        try {
            ReusableSpeechRecognizer recognizer = idle.poll(maxWait.toNanos(), TimeUnit.NANOSECONDS);
            if (recognizer == null) throw new TimeoutException("no speech recogniser free within " + maxWait);
            return open(recognizer, defaultBufferSamples());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted while waiting for a speech recogniser");
        }
    }

    /**
     * Recognises a whole recording (any sample rate; converted to 8 kHz), waiting for a free
     * recogniser. For the CLI and tests; live calls use {@link #start}.
     *
     * @throws IllegalStateException if the pool is closed or the thread interrupted while waiting
     */
    public String transcribe(short[] pcm, int sampleRate) {
        short[] pcm8k = PcmRateConverter.convert(pcm, sampleRate, ReusableSpeechRecognizer.SAMPLE_RATE);
        checkOpen();
        ReusableSpeechRecognizer recognizer = null;
        try {
            while (recognizer == null) {
                checkOpen(); // a pool closed while we wait never hands one out
                recognizer = idle.poll(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a speech recogniser", e);
        }
        RecognitionSession session = open(recognizer, Math.max(defaultBufferSamples(), pcm8k.length + 1));
        session.feed(pcm8k);
        return session.finish().join();
    }

    /** Recognisers loaded. */
    public int size() {
        synchronized (lock) {
            return size;
        }
    }

    /** Recognisers free right now. */
    public int available() {
        return idle.size();
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
        active.forEach(StreamingSession::cancel);
        decoders.shutdown();
        try {
            if (!decoders.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "speech decoders still running after close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            for (ReusableSpeechRecognizer recognizer = idle.poll(); recognizer != null; recognizer = idle.poll()) {
                recognizer.close();
            }
        }
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

    private RecognitionSession open(ReusableSpeechRecognizer recognizer, int maxBufferedSamples) {
        StreamingSession session = new StreamingSession(newStream(maxBufferedSamples));
        active.add(session);
        try {
            decoders.execute(() -> decode(recognizer, session));
        } catch (RejectedExecutionException e) {
            active.remove(session);
            recognizer.close();
            throw new IllegalStateException("recogniser pool is closed", e);
        }
        return session;
    }

    /** Runs on a decoding thread: the recogniser goes back to the pool before the transcript completes. */
    private void decode(ReusableSpeechRecognizer recognizer, StreamingSession session) {
        String text = "";
        Throwable failure = null;
        try {
            text = recognizer.recognize(session.audio());
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.log(System.Logger.Level.WARNING, "speech recognition failed", e);
        } finally {
            active.remove(session);
            giveBack(recognizer);
        }
        session.completeDecoding(text, failure);
    }

    private void giveBack(ReusableSpeechRecognizer recognizer) {
        synchronized (lock) {
            if (closed) recognizer.close();
            else idle.add(recognizer);
        }
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
