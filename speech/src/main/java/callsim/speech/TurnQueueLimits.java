package callsim.speech;

import java.time.Duration;

/**
 * How much overload the {@link RecognizerPool} absorbs before it sheds turns. Turns that cannot get a
 * recogniser wait in line with their audio buffered; these two bounds keep that line from delaying
 * every call's caller without limit when more agents talk at once than the recognisers can decode.
 *
 * @param maxWaitingTurns     turns that may wait for a recogniser at once; a turn starting beyond
 *                            this is shed at once
 * @param maxWaitAfterTurnEnd how long a turn that has ended may still wait for a recogniser before it
 *                            is shed (its caller would otherwise stay silent all that time)
 */
public record TurnQueueLimits(int maxWaitingTurns, Duration maxWaitAfterTurnEnd) {
    public TurnQueueLimits {
        if (maxWaitingTurns < 0) throw new IllegalArgumentException("maxWaitingTurns must not be negative: " + maxWaitingTurns);
        if (maxWaitAfterTurnEnd == null || maxWaitAfterTurnEnd.isNegative()) {
            throw new IllegalArgumentException("maxWaitAfterTurnEnd must be zero or more: " + maxWaitAfterTurnEnd);
        }
    }

    /**
     * Two waiting turns per recogniser, and 3 s after a turn ends: past that a real caller would have
     * said "hello? are you still there?" anyway, which is what a shed turn makes the caller do.
     */
    public static TurnQueueLimits defaults(int poolSize) {
        return new TurnQueueLimits(2 * poolSize, Duration.ofSeconds(3));
    }
}
