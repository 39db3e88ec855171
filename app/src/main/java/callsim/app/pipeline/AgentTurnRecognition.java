package callsim.app.pipeline;

import callsim.speech.RecognitionSession;
import callsim.speech.RecognizerPool;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Recognition of one agent turn. It borrows a recogniser from the pool as the turn starts and
 * streams audio to it as it arrives; when every recogniser is busy it keeps the audio and hands it
 * over as soon as one frees up, so a busy pool delays words but never loses them.
 */
final class AgentTurnRecognition {
    private final RecognizerPool pool;
    private final List<short[]> pending = new ArrayList<>();
    private RecognitionSession session;

    AgentTurnRecognition(RecognizerPool pool, List<short[]> preRoll) {
        this.pool = pool;
        pending.addAll(preRoll);
        tryAttach();
    }

    void feed(short[] frame) {
        if (session == null && !tryAttach()) {
            pending.add(frame);
            return;
        }
        session.feed(frame);
    }

    /** Ends the turn; the future completes with the recognised words. */
    CompletableFuture<String> finish() {
        if (session != null || tryAttach()) return session.finish();
        // Every recogniser is busy: wait for one off the audio thread.
        List<short[]> audio = List.copyOf(pending);
        pending.clear();
        return CompletableFuture.supplyAsync(() -> {
            try {
                RecognitionSession late = pool.start(java.time.Duration.ofSeconds(30));
                audio.forEach(late::feed);
                return late.finish().join();
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("no recogniser became free within 30 s", e);
            }
        });
    }

    void cancel() {
        if (session != null) session.cancel();
        pending.clear();
    }

    private boolean tryAttach() {
        Optional<RecognitionSession> borrowed = pool.tryStart();
        if (borrowed.isEmpty()) return false;
        session = borrowed.get();
        pending.forEach(session::feed);
        pending.clear();
        return true;
    }
}
