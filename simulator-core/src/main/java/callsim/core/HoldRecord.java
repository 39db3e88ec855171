package callsim.core;

/** One hold: when it started, how long, and whether an agent turn asked for it within 20 s before. */
public record HoldRecord(long startMs, long endMs, boolean announced) {
    public long lengthMs() {
        return endMs - startMs;
    }
}
