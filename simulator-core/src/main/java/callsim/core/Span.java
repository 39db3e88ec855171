package callsim.core;

/** A stretch of the call on the media clock, [startMs, endMs). Evidence behind a metric. */
public record Span(long startMs, long endMs) {
    public Span {
        if (endMs < startMs) throw new IllegalArgumentException("span ends before it starts: " + startMs + ".." + endMs);
    }

    public long lengthMs() {
        return endMs - startMs;
    }
}
