package callsim.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import callsim.speech.RecognitionSession;
import callsim.speech.RecognizedTurn;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A turn heard in pieces: its words in order, its confidence and narrowed share weighted by each piece's length. */
class HeardTurnTest {
    @Test
    void aTurnOfTwoPiecesWeighsEachByItsLength() {
        HeardTurn turn = new HeardTurn();
        piece(turn, 10, new RecognizedTurn("i am so sorry", 0.5, 1.0));
        piece(turn, 30, new RecognizedTurn("you were charged twice", 0.9, 0));

        RecognizedTurn heard = turn.heard().join();

        assertThat(heard.words()).isEqualTo("i am so sorry you were charged twice");
        assertThat(heard.confidence()).isCloseTo((10 * 0.5 + 30 * 0.9) / 40, within(1e-9));
        assertThat(heard.narrowed()).as("a quarter of the turn was searched narrower").isCloseTo(0.25, within(1e-9));
    }

    @Test
    void aPieceThatWasNotRecognisedCountsAsHeardNotAtAll() {
        HeardTurn turn = new HeardTurn();
        piece(turn, 20, new RecognizedTurn("i can refund it", 0.8, 0.5));
        turn.openPiece(new Fixed(CompletableFuture.failedFuture(new IllegalStateException("shed"))));
        for (int i = 0; i < 20; i++) turn.feed(new short[160]);

        RecognizedTurn heard = turn.heard().join();

        assertThat(turn.failedPieces()).isEqualTo(1);
        assertThat(heard.words()).isEqualTo("i can refund it");
        assertThat(heard.confidence()).isCloseTo(0.4, within(1e-9));
        assertThat(heard.narrowed()).isCloseTo(0.25, within(1e-9));
    }

    private static void piece(HeardTurn turn, int frames, RecognizedTurn heard) {
        turn.openPiece(new Fixed(CompletableFuture.completedFuture(heard)));
        for (int i = 0; i < frames; i++) turn.feed(new short[160]);
        turn.closePiece();
    }

    private record Fixed(CompletableFuture<RecognizedTurn> result) implements RecognitionSession {
        @Override public void feed(short[] pcm8k) { }
        @Override public CompletableFuture<RecognizedTurn> finish() {
            return result;
        }
        @Override public void cancel() { }
    }
}
