package callsim.speech;

import java.util.concurrent.CompletableFuture;

/**
 * One agent turn being recognised by a recogniser borrowed from the {@link RecognizerPool}.
 * Audio is decoded as it arrives, so little work is left when the turn ends.
 */
public interface RecognitionSession {
    /** Queues 8 kHz 16-bit mono audio for decoding. Never blocks the caller's (20 ms audio) thread. */
    void feed(short[] pcm8k);

    /**
     * No more audio: completes with the recognised words and their confidence, and returns the
     * recogniser to the pool. Call exactly once.
     */
    CompletableFuture<RecognizedTurn> finish();

    /** Abandons the turn (call hung up); the recogniser goes back to the pool. Safe after finish. */
    void cancel();
}
