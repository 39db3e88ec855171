package callsim.speech;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One turn on a borrowed recogniser. The audio thread queues frames; the pool's decoding thread
 * reads them through {@link #audio()} as they arrive and calls {@link #completeDecoding} at the end.
 */
final class StreamingSession implements RecognitionSession {
    private static final System.Logger LOG = System.getLogger(StreamingSession.class.getName());

    /** What the scheduler needs to hear about a turn that may still be waiting for a recogniser. */
    interface Listener {
        Listener NONE = new Listener() {};

        default void finished(StreamingSession session) {}

        default void cancelled(StreamingSession session) {}
    }

    private final QueuedPcmStream audio;
    private final Listener listener;
    private final CompletableFuture<RecognizedTurn> transcript = new CompletableFuture<>();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean shed = new AtomicBoolean();
    private final AtomicLong droppedFrames = new AtomicLong();
    private volatile long finishedAtNanos;

    StreamingSession(QueuedPcmStream audio) {
        this(audio, Listener.NONE);
    }

    StreamingSession(QueuedPcmStream audio, Listener listener) {
        this.audio = audio;
        this.listener = listener;
    }

    @Override
    public void feed(short[] pcm8k) {
        if (pcm8k == null) throw new IllegalArgumentException("pcm8k must not be null");
        if (finished.get() || cancelled.get() || shed.get() || pcm8k.length == 0) return;
        if (!audio.offer(pcm8k) && droppedFrames.getAndIncrement() == 0) {
            // only the first drop is logged here, to keep the audio thread free; the total comes at the end
            LOG.log(System.Logger.Level.WARNING, "recogniser falling behind: dropping audio frames");
        }
    }

    @Override
    public CompletableFuture<RecognizedTurn> finish() {
        if (!finished.compareAndSet(false, true)) throw new IllegalStateException("finish() called twice");
        finishedAtNanos = System.nanoTime();
        audio.end();
        listener.finished(this);
        return transcript;
    }

    @Override
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            transcript.cancel(false); // before the audio ends, or the decoder could complete it first
            audio.abandon();
            listener.cancelled(this);
        }
    }

    /**
     * Gives up on recognising this turn without a recogniser ever reading it (overload): the
     * transcript fails with {@link RecognitionShedException}; later audio is ignored.
     */
    void shed(String why) {
        if (shed.compareAndSet(false, true)) {
            audio.abandon();
            transcript.completeExceptionally(new RecognitionShedException(why));
        }
    }

    /** What the recogniser reads. */
    QueuedPcmStream audio() {
        return audio;
    }

    /** Called by the decoding thread once the recogniser is back in the pool. */
    void completeDecoding(RecognizedTurn heard, Throwable failure) {
        long dropped = droppedFrames.get();
        if (dropped > 0) {
            LOG.log(System.Logger.Level.WARNING, "dropped {0} audio frames ({1} samples) of this turn: decoding fell behind",
                dropped, audio.droppedSamples());
        }
        if (failure != null) transcript.completeExceptionally(failure);
        else transcript.complete(heard);
    }

    /** When the turn's audio ended ({@link #finish}, {@link System#nanoTime}); 0 if it has not. */
    long finishedAtNanos() {
        return finishedAtNanos;
    }

    long droppedFrames() {
        return droppedFrames.get();
    }

    boolean isCancelled() {
        return cancelled.get();
    }
}
