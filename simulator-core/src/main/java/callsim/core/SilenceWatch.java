package callsim.core;

/**
 * The caller's view of one stretch of silence left to the agent: a few spaced checks ("Hello?" …
 * "Are you still there?"), then a hang-up. One watch per silence, however many checks it takes.
 */
final class SilenceWatch {
    /** When the checks come, counted from the start of the silence. */
    static final long[] CHECKS_AT_MS = {5_000, 15_000, 28_000};
    static final long MOST_PATIENT_MS = 60_000;
    static final long LEAST_PATIENT_MS = 45_000;

    final long sinceMs;
    final long patienceMs;
    int checksMade;

    /** {@code band}: the caller's mood when the silence began; a satisfied caller waits longer than a furious one. */
    SilenceWatch(long sinceMs, AngerBand band) {
        this.sinceMs = sinceMs;
        int steps = AngerBand.values().length - 1;
        this.patienceMs = MOST_PATIENT_MS - (MOST_PATIENT_MS - LEAST_PATIENT_MS) * band.ordinal() / steps;
    }

    boolean checkDue(long nowMs) {
        return checksMade < CHECKS_AT_MS.length && nowMs - sinceMs >= CHECKS_AT_MS[checksMade];
    }

    boolean patienceGone(long nowMs) {
        return nowMs - sinceMs >= patienceMs;
    }
}
