package callsim.speech;

import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The audio of one turn as the recogniser reads it: a short lead-in of near-silence (speech from the
 * very first sample is recognised much worse), then the frames queued by the audio thread, then a
 * short tail of near-silence, as 16-bit little-endian bytes. {@link #offer} never blocks; it refuses
 * frames beyond a bound on buffered samples. {@link #read} blocks until audio or the end arrives.
 */
final class QueuedPcmStream extends InputStream {
    private static final short[] END = new short[0];

    private final LinkedBlockingQueue<short[]> frames = new LinkedBlockingQueue<>();
    private final AtomicInteger bufferedSamples = new AtomicInteger();
    private final AtomicLong droppedSamples = new AtomicLong();
    private final AtomicLong offeredSamples = new AtomicLong();
    private volatile long firstOfferNanos;
    private boolean live;
    private final int maxBufferedSamples;
    private final int tailSamples;
    private volatile boolean ended;
    private volatile boolean abandoned;

    private short[] current;
    private int bytePosition;
    private boolean inTail;
    private boolean exhausted;
    private int ditherState = 12345;

    /** Called before each queued chunk is read; may hold the reader back (the post-call pass's gate). */
    interface Pause {
        void await() throws InterruptedException;
    }

    private Pause beforeEachChunk = () -> { };
    private volatile boolean interrupted;

    QueuedPcmStream pausingBeforeEachChunk(Pause pause) {
        this.beforeEachChunk = pause;
        return this;
    }

    /** Whether the reader was interrupted (and so got end-of-stream early). */
    boolean interrupted() {
        return interrupted;
    }

    /** Whose speech this is (their voice's running mean travels with their turns); null: the recogniser's own. */
    private SpeakerProfile speaker;

    SpeakerProfile speaker() {
        return speaker;
    }

    QueuedPcmStream from(SpeakerProfile who) {
        this.speaker = who;
        return this;
    }

    QueuedPcmStream(int leadSamples, int tailSamples, int maxBufferedSamples) {
        if (leadSamples < 0 || tailSamples < 0) throw new IllegalArgumentException("negative silence");
        if (maxBufferedSamples <= 0) throw new IllegalArgumentException("maxBufferedSamples must be positive");
        this.maxBufferedSamples = maxBufferedSamples;
        this.tailSamples = tailSamples;
        this.current = quietNoise(leadSamples);
    }

    /** Queues a copy of {@code pcm}; false (and the samples counted as dropped) if the buffer is full or ended. */
    boolean offer(short[] pcm) {
        if (ended) return false;
        if (bufferedSamples.addAndGet(pcm.length) > maxBufferedSamples) {
            bufferedSamples.addAndGet(-pcm.length);
            droppedSamples.addAndGet(pcm.length);
            return false;
        }
        if (firstOfferNanos == 0) firstOfferNanos = System.nanoTime();
        offeredSamples.addAndGet(pcm.length);
        frames.offer(pcm.clone());
        return true;
    }

    /** Marks this as a call's audio, arriving as it is spoken (a whole recording is never behind). */
    QueuedPcmStream live() {
        this.live = true;
        return this;
    }

    /**
     * How far the reader is behind a live call's audio, in ms: of what a listener on the line would have heard
     * by now (the audio queued, but no more than has played since the first of it arrived), how much is not
     * read yet. Audio queued faster than it plays counts only as it would have played, so a reader keeping up
     * with real time is never behind. Always 0 for audio not marked {@link #live()}.
     */
    long behindLiveMs() {
        long first = firstOfferNanos;
        if (!live || first == 0) return 0;
        long offered = offeredSamples.get();
        long read = offered - bufferedSamples.get();
        long playedMs = (System.nanoTime() - first) / 1_000_000;
        long heardMs = Math.min(offered / ReusableSpeechRecognizer.SAMPLES_PER_MS, playedMs);
        return Math.max(0, heardMs - read / ReusableSpeechRecognizer.SAMPLES_PER_MS);
    }

    /** No more audio: the reader gets what is queued, the tail and then end-of-stream. */
    void end() {
        ended = true;
        frames.offer(END);
    }

    /** Stop now: the reader gets end-of-stream at its next read, whatever is still queued. */
    void abandon() {
        abandoned = true;
        end();
    }

    long droppedSamples() {
        return droppedSamples.get();
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) return 0;
        if (!nextSamplesAvailable()) return -1;
        int written = 0;
        while (written < length && bytePosition < current.length * 2) {
            short sample = current[bytePosition / 2];
            buffer[offset + written++] = (byte) (bytePosition % 2 == 0 ? sample : sample >> 8);
            bytePosition++;
        }
        return written;
    }

    private boolean nextSamplesAvailable() {
        while (!abandoned && !exhausted && bytePosition >= current.length * 2) {
            if (inTail) {
                exhausted = true;
                break;
            }
            short[] next = takeFrame();
            if (next == END) {
                inTail = true;
                current = quietNoise(tailSamples);
            } else {
                bufferedSamples.addAndGet(-next.length);
                current = next;
                pause();
            }
            bytePosition = 0;
        }
        return !abandoned && !exhausted;
    }

    private short[] takeFrame() {
        try {
            return frames.take();
        } catch (InterruptedException e) {
            stopInterrupted();
            return END;
        }
    }

    private void pause() {
        try {
            beforeEachChunk.await();
        } catch (InterruptedException e) {
            stopInterrupted();
        }
    }

    private void stopInterrupted() {
        Thread.currentThread().interrupt();
        interrupted = true;
        abandoned = true;
    }

    /** ±2 LSB deterministic noise: silence like a quiet line, not digital zeros. */
    private short[] quietNoise(int samples) {
        short[] noise = new short[samples];
        for (int i = 0; i < samples; i++) {
            ditherState = ditherState * 1103515245 + 12345;
            noise[i] = (short) (((ditherState >>> 16) % 5) - 2);
        }
        return noise;
    }
}
