package callsim.telephony.asterisk;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ActionIDs of our Originates still waiting for their OriginateResponse. Asterisk sends that
 * event to every manager session, so only ids in here are ours; entries expire a while after the
 * phone would have stopped ringing, so an event that never comes cannot leak memory.
 */
final class PendingOriginates {
    private static final Duration GRACE = Duration.ofMinutes(2);
    private final Map<String, Long> deadlines = new ConcurrentHashMap<>();

    void register(String actionId, Duration ringTimeout) {
        long now = System.nanoTime();
        deadlines.values().removeIf(deadline -> deadline - now < 0);
        deadlines.put(actionId, now + ringTimeout.plus(GRACE).toNanos());
    }

    /** True (once) if the id is one of ours. */
    boolean complete(String actionId) {
        return actionId != null && deadlines.remove(actionId) != null;
    }

    void forget(String actionId) {
        deadlines.remove(actionId);
    }

    void clear() {
        deadlines.clear();
    }
}
