package callsim.core;

import java.util.List;

/**
 * The line measurements of docs/metrics.md, each with the spans or instants that produced it.
 * Seconds are derived from the millisecond evidence, never stored separately.
 */
public record LineMetrics(
        List<HoldRecord> holds,
        List<Long> agentInterruptionsAtMs,
        List<Long> callerInterruptionsAtMs,
        List<Span> overtalk,
        List<Span> deadAir,
        List<Span> agentSpeech,
        List<Span> callerSpeech,
        List<Long> callerResponseLatenciesMs) {

    public LineMetrics {
        holds = List.copyOf(holds);
        agentInterruptionsAtMs = List.copyOf(agentInterruptionsAtMs);
        callerInterruptionsAtMs = List.copyOf(callerInterruptionsAtMs);
        overtalk = List.copyOf(overtalk);
        deadAir = List.copyOf(deadAir);
        agentSpeech = List.copyOf(agentSpeech);
        callerSpeech = List.copyOf(callerSpeech);
        callerResponseLatenciesMs = List.copyOf(callerResponseLatenciesMs);
    }

    public int holdCount() { return holds.size(); }
    public double holdSeconds() { return holds.stream().mapToLong(HoldRecord::lengthMs).sum() / 1000.0; }
    public double longestHoldSeconds() { return holds.stream().mapToLong(HoldRecord::lengthMs).max().orElse(0) / 1000.0; }
    public int agentInterruptions() { return agentInterruptionsAtMs.size(); }
    public int callerInterruptions() { return callerInterruptionsAtMs.size(); }
    public double overtalkSeconds() { return seconds(overtalk); }
    public double deadAirSeconds() { return seconds(deadAir); }
    public double agentTalkSeconds() { return seconds(agentSpeech); }
    public double callerTalkSeconds() { return seconds(callerSpeech); }

    /** Nearest-rank percentile of the caller response latencies, or -1 when there were none. */
    public long callerResponseLatencyPercentileMs(int percentile) {
        if (callerResponseLatenciesMs.isEmpty()) return -1;
        long[] sorted = callerResponseLatenciesMs.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double seconds(List<Span> spans) {
        return spans.stream().mapToLong(Span::lengthMs).sum() / 1000.0;
    }
}
