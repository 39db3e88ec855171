package callsim.app.pipeline;

import callsim.speech.RecognitionSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One agent turn as it is heard: each stretch of speech between its pauses is recognised on its own
 * (a piece), finished as soon as the pause begins, so the words so far are known while the agent is
 * still deciding whether to go on, and the pipeline can end the turn early when they sound finished.
 * The turn's words are its pieces' words in order. Used on the media clock's thread only.
 */
final class HeardTurn {
    private final long startMs;
    private final List<CompletableFuture<String>> pieces = new ArrayList<>();
    private RecognitionSession open;
    private int piecesJudged;

    HeardTurn(long startMs) {
        this.startMs = startMs;
    }

    long startMs() {
        return startMs;
    }

    boolean hasOpenPiece() {
        return open != null;
    }

    /** A new stretch of speech begins: it is recognised on {@code session}. */
    void openPiece(RecognitionSession session) {
        if (open != null) throw new IllegalStateException("a piece is already open");
        open = session;
    }

    void feed(short[] frame) {
        if (open != null) open.feed(frame);
    }

    /** The stretch of speech has paused: its words are on their way. */
    void closePiece() {
        if (open == null) return;
        pieces.add(open.finish());
        open = null;
    }

    /**
     * Whether every piece so far is recognised and the latest pause has not yet been judged (each pause
     * is judged once, when its words are in).
     */
    boolean pauseReadyToJudge() {
        return open == null && piecesJudged < pieces.size() && pieces.stream().allMatch(CompletableFuture::isDone);
    }

    /** The words so far, marking the latest pause as judged. Pieces that failed count as no words. */
    String judgePause() {
        piecesJudged = pieces.size();
        return join(pieces.stream().map(piece -> piece.isCompletedExceptionally() ? "" : piece.getNow("")).toList());
    }

    /**
     * Closes the turn: completes with its words when every piece is recognised, or exceptionally with the
     * first piece's failure if no piece was recognised at all.
     */
    CompletableFuture<String> words() {
        closePiece();
        return CompletableFuture.allOf(pieces.toArray(CompletableFuture[]::new)).handle((ignored, error) -> {
            List<String> heard = new ArrayList<>();
            Throwable firstFailure = null;
            for (CompletableFuture<String> piece : pieces) {
                if (piece.isCompletedExceptionally()) {
                    if (firstFailure == null) firstFailure = piece.handle((w, e) -> e).join();
                } else {
                    heard.add(piece.join());
                }
            }
            if (heard.isEmpty() && firstFailure != null) throw new java.util.concurrent.CompletionException(firstFailure);
            return join(heard);
        });
    }

    /** Pieces whose recognition failed or was shed (their stretch of speech is missing from the words). */
    long failedPieces() {
        return pieces.stream().filter(CompletableFuture::isCompletedExceptionally).count();
    }

    /** Abandons the open piece (hold, hang-up); pieces already finished still complete. */
    void cancel() {
        if (open != null) open.cancel();
        open = null;
    }

    private static String join(List<String> words) {
        return String.join(" ", words.stream().filter(w -> !w.isBlank()).toList()).strip();
    }
}
