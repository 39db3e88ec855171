package callsim.app.pipeline;

import callsim.speech.RecognitionSession;
import callsim.speech.RecognizedTurn;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One agent turn as it is heard: each stretch of speech between its pauses is recognised on its own
 * (a piece), finished as soon as the pause begins, so the words so far are known while the agent is
 * still deciding whether to go on, and the pipeline can end the turn early when they sound finished.
 * The turn's words are its pieces' words in order; its confidence (and the share searched narrower) is
 * theirs weighted by their length, a piece that could not be recognised counting as heard not at all.
 * Used on the media clock's thread only.
 */
final class HeardTurn {
    /** A piece on its way, and how many frames of audio it was given (its weight). */
    private record Piece(CompletableFuture<RecognizedTurn> heard, long frames) {}

    private final List<Piece> pieces = new ArrayList<>();
    private RecognitionSession open;
    private long openFrames;
    private int piecesJudged;

    boolean hasOpenPiece() {
        return open != null;
    }

    /** A new stretch of speech begins: it is recognised on {@code session}. */
    void openPiece(RecognitionSession session) {
        if (open != null) throw new IllegalStateException("a piece is already open");
        open = session;
        openFrames = 0;
    }

    void feed(short[] frame) {
        if (open == null) return;
        open.feed(frame);
        openFrames++;
    }

    /** The stretch of speech has paused: its words are on their way. */
    void closePiece() {
        if (open == null) return;
        pieces.add(new Piece(open.finish(), Math.max(1, openFrames)));
        open = null;
    }

    /**
     * Whether every piece so far is recognised and the latest pause has not yet been judged (each pause
     * is judged once, when its words are in).
     */
    boolean pauseReadyToJudge() {
        return open == null && piecesJudged < pieces.size() && pieces.stream().allMatch(p -> p.heard().isDone());
    }

    /** The words so far, marking the latest pause as judged. Pieces that failed count as no words. */
    String judgePause() {
        piecesJudged = pieces.size();
        return combine().words();
    }

    /**
     * Closes the turn: completes with its words when every piece is recognised, or exceptionally with the
     * first piece's failure if no piece was recognised at all.
     */
    CompletableFuture<RecognizedTurn> heard() {
        closePiece();
        CompletableFuture<?>[] all = pieces.stream().map(Piece::heard).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(all).handle((ignored, error) -> {
            if (failedPieces() == pieces.size() && !pieces.isEmpty()) {
                throw new CompletionException(pieces.get(0).heard().handle((h, e) -> e).join());
            }
            return combine();
        });
    }

    /** Pieces whose recognition failed or was shed (their stretch of speech is missing from the words). */
    long failedPieces() {
        return pieces.stream().filter(p -> p.heard().isCompletedExceptionally()).count();
    }

    /** Abandons the open piece (hold, hang-up); pieces already finished still complete. */
    void cancel() {
        if (open != null) open.cancel();
        open = null;
    }

    /** The pieces recognised so far as one turn. */
    private RecognizedTurn combine() {
        List<String> words = new ArrayList<>();
        double weighted = 0;
        double narrowed = 0;
        long frames = 0;
        for (Piece piece : pieces) {
            if (!piece.heard().isDone()) continue;
            frames += piece.frames();
            if (piece.heard().isCompletedExceptionally()) continue;
            RecognizedTurn heard = piece.heard().join();
            if (!heard.words().isBlank()) words.add(heard.words());
            weighted += heard.confidence() * piece.frames();
            narrowed += heard.narrowed() * piece.frames();
        }
        return frames == 0 ? new RecognizedTurn("", 0)
                : new RecognizedTurn(String.join(" ", words).strip(), Math.min(1, weighted / frames), Math.min(1, narrowed / frames));
    }
}
