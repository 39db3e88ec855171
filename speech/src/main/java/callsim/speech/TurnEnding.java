package callsim.speech;

import java.util.List;
import java.util.Set;

/**
 * Whether an agent's words so far sound like the end of what they meant to say. People take the floor
 * about 200 ms after a finished sentence (or one whose voice falls at the end) but wait out a pause after
 * "and …" or "um": the pipeline ends a turn early on {@link Verdict#FINISHED}, waits the usual end-of-turn
 * silence on {@link Verdict#UNSURE} and longer on {@link Verdict#UNFINISHED} (docs/metrics.md, "end of turn").
 */
public final class TurnEnding {
    /** What the last words say about the pause after them. */
    public enum Verdict {
        /** A sentence of a few words, or a one-word answer: the agent has likely finished. */
        FINISHED,
        /** Ends on a word that leads into more ("and", "so", "um", "the"): the agent is likely going on. */
        UNFINISHED,
        /** Too little to tell (one or two words, or none recognised). */
        UNSURE
    }

    /**
     * Words a sentence does not end on: conjunctions, fillers, articles, possessives and the prepositions
     * that need what follows. Kept to those: pronouns and other short words are also what the recogniser
     * puts at the end of a sentence it misheard, and a wrong "unfinished" costs the caller a long wait.
     */
    private static final Set<String> LEADS_ON = Set.of(
        "and", "so", "but", "or", "because", "cause", "um", "uh", "er", "erm", "hmm", "the", "a", "an", "to",
        "of", "with", "for", "if", "than", "your", "my", "our", "their");

    /** Whole answers in one word. */
    private static final Set<String> ONE_WORD_ANSWERS = Set.of(
        "yes", "yeah", "yep", "no", "nope", "okay", "ok", "sure", "right", "sorry", "hello", "thanks", "correct",
        "absolutely", "certainly", "exactly", "definitely", "done", "fine", "great", "perfect", "alright");

    private TurnEnding() {
    }

    /**
     * The verdict on the words so far and the pitch at the end of the speech before the pause. The words
     * decide when they can; a falling pitch also ends a turn whose words are too few to tell ("Right then."),
     * as a statement's final fall does, and shortens the wait after a lead-on word to the usual silence. A
     * rise changes nothing: in the voices measured a rise at the end was a
     * yes/no question, which ends the turn as well, and a continuation rise cannot be told from it by pitch
     * alone (docs/metrics.md, "end of turn").
     */
    public static Verdict of(String wordsSoFar, PitchTail.Direction pitchAtTheEnd) {
        Verdict words = of(wordsSoFar);
        if (pitchAtTheEnd != PitchTail.Direction.FALLING) return words;
        // a statement's final fall: too few words end the turn; a lead-on word under a fall is more often the
        // recogniser's ("…how frustrating this is" heard as "…how reading the") than a pause before more
        return switch (words) {
            case UNSURE -> Verdict.FINISHED;
            case UNFINISHED -> Verdict.UNSURE;
            case FINISHED -> Verdict.FINISHED;
        };
    }

    /** The verdict on the words recognised so far in a turn (as the recogniser writes them). */
    public static Verdict of(String wordsSoFar) {
        List<String> words = SpokenText.words(wordsSoFar);
        if (words.isEmpty()) return Verdict.UNSURE;
        String last = words.get(words.size() - 1);
        if (LEADS_ON.contains(last)) return Verdict.UNFINISHED;
        if (words.size() == 1) return ONE_WORD_ANSWERS.contains(last) ? Verdict.FINISHED : Verdict.UNSURE;
        return words.size() >= 3 ? Verdict.FINISHED : Verdict.UNSURE;
    }
}
