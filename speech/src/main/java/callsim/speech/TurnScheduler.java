package callsim.speech;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Lends a fixed set of recognisers to agent turns in the order the turns started; each lent
 * recogniser decodes on a thread of a fixed set, then goes straight on to the next waiting turn. The
 * waiting line is bounded ({@link TurnQueueLimits}): under overload some turns are shed — their
 * transcript fails with {@link RecognitionShedException} — instead of every caller falling silent
 * for longer and longer.
 *
 * @param <R> a recogniser (generic so the scheduling is tested without loading Sphinx4)
 */
final class TurnScheduler<R> implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TurnScheduler.class.getName());

    /** Decodes one turn's audio to the end of its stream. */
    interface Decoder<R> {
        RecognizedTurn decode(R recognizer, QueuedPcmStream audio);
    }

    private final Decoder<R> decoder;
    private final Executor threads;
    private final Consumer<R> discard;
    private final TurnQueueLimits limits;
    private final ScheduledExecutorService deadlines;
    private final Object lock = new Object();
    private final ArrayDeque<R> idle = new ArrayDeque<>();
    private final ArrayDeque<StreamingSession> waiting = new ArrayDeque<>();
    private final Set<StreamingSession> bounded = new HashSet<>();
    private final Set<StreamingSession> decoding = new HashSet<>();
    private long shedTurns;
    private final long[] wordsKnownAfterEndMs = new long[4096];
    private long turnsHeard;
    private boolean closed;

    /**
     * @param threads runs decoding; needs as many threads as there will be recognisers
     * @param discard frees a recogniser handed back after {@link #close}
     */
    TurnScheduler(Decoder<R> decoder, Executor threads, Consumer<R> discard, TurnQueueLimits limits) {
        this.decoder = decoder;
        this.threads = threads;
        this.discard = discard;
        this.limits = limits;
        this.deadlines = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "asr-turn-deadlines");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Adds a loaded recogniser: it takes the longest-waiting turn, if any, or waits for the next. */
    void add(R recognizer) {
        StreamingSession next;
        synchronized (lock) {
            if (closed) {
                discard.accept(recognizer);
                return;
            }
            next = waiting.poll();
            if (next == null) {
                idle.add(recognizer);
                return;
            }
            bounded.remove(next);
            decoding.add(next);
        }
        launch(recognizer, next);
    }

    /**
     * A turn's session; never blocks. With {@code bounded} it may be shed under overload (live
     * calls); without, it waits as long as it takes (whole recordings from the CLI).
     */
    StreamingSession submit(QueuedPcmStream audio, boolean bounded) {
        StreamingSession session = new StreamingSession(audio, new Listener());
        R recognizer;
        int waitingNow;
        synchronized (lock) {
            if (closed) throw new IllegalStateException("recogniser pool is closed");
            recognizer = idle.poll();
            waitingNow = waiting.size();
            if (recognizer != null) {
                decoding.add(session);
            } else if (bounded && waitingNow >= limits.maxWaitingTurns()) {
                shedTurns++;
            } else {
                waiting.add(session);
                if (bounded) this.bounded.add(session);
            }
        }
        if (recognizer != null) launch(recognizer, session);
        else if (bounded && waitingNow >= limits.maxWaitingTurns()) {
            shed(session, "every speech recogniser is busy and " + waitingNow + " turns are already waiting");
        }
        return session;
    }

    /** Turns waiting for a recogniser now. */
    int waitingTurns() {
        synchronized (lock) {
            return waiting.size();
        }
    }

    /** Recognisers free now. */
    int idleRecognizers() {
        synchronized (lock) {
            return idle.size();
        }
    }

    /** Turns shed since start. */
    long shedTurns() {
        synchronized (lock) {
            return shedTurns;
        }
    }

    /** Turns (stretches of speech) recognised to the end since start. */
    long turnsHeard() {
        synchronized (lock) {
            return turnsHeard;
        }
    }

    /**
     * For the turns heard since the {@code since}-th (as {@link #turnsHeard} counted; at most the last 4,096): how
     * long after each turn's audio ended its words were known, in ms — what recognition adds to the caller's wait.
     */
    List<Long> wordsKnownAfterEndMs(long since) {
        synchronized (lock) {
            List<Long> lags = new ArrayList<>();
            for (long i = Math.max(since, turnsHeard - wordsKnownAfterEndMs.length); i < turnsHeard; i++) {
                lags.add(wordsKnownAfterEndMs[(int) (i % wordsKnownAfterEndMs.length)]);
            }
            return lags;
        }
    }

    /** Cancels every turn waiting or decoding; recognisers are discarded as they come back. */
    @Override
    public void close() {
        List<StreamingSession> unfinished;
        synchronized (lock) {
            if (closed) return;
            closed = true;
            unfinished = new ArrayList<>(waiting);
            unfinished.addAll(decoding);
            waiting.clear();
            bounded.clear();
        }
        unfinished.forEach(StreamingSession::cancel);
        deadlines.shutdownNow();
    }

    /** Recognisers free after {@link #close} (the caller frees them). */
    List<R> drainIdle() {
        synchronized (lock) {
            List<R> all = new ArrayList<>(idle);
            idle.clear();
            return all;
        }
    }

    private void launch(R recognizer, StreamingSession first) {
        try {
            threads.execute(() -> decodeInTurn(recognizer, first));
        } catch (RejectedExecutionException e) {
            synchronized (lock) {
                decoding.remove(first);
            }
            discard.accept(recognizer);
            first.cancel();
        }
    }

    /** On a decoding thread: this turn, then every turn that was waiting, until the line is empty. */
    private void decodeInTurn(R recognizer, StreamingSession first) {
        StreamingSession session = first;
        while (session != null) {
            RecognizedTurn heard = null;
            Throwable failure = null;
            try {
                heard = decoder.decode(recognizer, session.audio());
            } catch (RuntimeException | Error e) {
                failure = e;
                LOG.log(System.Logger.Level.WARNING, "speech recognition failed", e);
            }
            long endedAt = session.finishedAtNanos();
            synchronized (lock) {
                decoding.remove(session);
                if (failure == null && endedAt != 0 && !session.isCancelled()) {
                    wordsKnownAfterEndMs[(int) (turnsHeard++ % wordsKnownAfterEndMs.length)] =
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - endedAt);
                }
            }
            // The recogniser is parked (or given the next turn) before this transcript completes, so
            // whoever reacts to the words finds it free again.
            StreamingSession next = nextFor(recognizer);
            session.completeDecoding(heard, failure);
            session = next;
        }
    }

    /** The next waiting turn for this recogniser, or null after parking it (or discarding it after close). */
    private StreamingSession nextFor(R recognizer) {
        synchronized (lock) {
            if (closed) {
                discard.accept(recognizer);
                return null;
            }
            StreamingSession next = waiting.poll();
            if (next == null) {
                idle.add(recognizer);
                return null;
            }
            bounded.remove(next);
            decoding.add(next);
            return next;
        }
    }

    private void shed(StreamingSession session, String why) {
        // DEBUG only: whoever started the turn logs it once, with the call it belongs to.
        LOG.log(System.Logger.Level.DEBUG, "agent turn shed: " + why);
        session.shed(why);
    }

    /** Keeps the waiting line in step with turns that end or are abandoned before a recogniser is free. */
    private final class Listener implements StreamingSession.Listener {
        @Override
        public void finished(StreamingSession session) {
            synchronized (lock) {
                if (closed || !bounded.contains(session)) return;
            }
            long waitMs = limits.maxWaitAfterTurnEnd().toMillis();
            try {
                deadlines.schedule(() -> expire(session), waitMs, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // closing: close() cancels the turn
            }
        }

        @Override
        public void cancelled(StreamingSession session) {
            synchronized (lock) {
                if (waiting.remove(session)) bounded.remove(session);
            }
        }

        private void expire(StreamingSession session) {
            synchronized (lock) {
                if (!waiting.remove(session)) return; // a recogniser took it in time
                bounded.remove(session);
                shedTurns++;
            }
            shed(session, "no speech recogniser became free within "
                + limits.maxWaitAfterTurnEnd().toMillis() + " ms of the turn's end");
        }
    }
}
