package callsim.core;

/** The caller's view of one hold: whether it was asked for and how many 30 s stretches have passed. */
final class HoldWatch {
    static final long JUDGE_AFTER_MS = 3_000;
    static final long MARK_MS = 30_000;

    final long startMs;
    boolean judged;
    boolean announced;
    int marksPassed;

    HoldWatch(long startMs) {
        this.startMs = startMs;
    }

    /** Announced holds are easier to bear: half as much patience again. */
    long patienceMs(CallerTemper temper) {
        long base = temper.holdPatienceSeconds() * 1_000L;
        return announced ? base * 3 / 2 : base;
    }
}
