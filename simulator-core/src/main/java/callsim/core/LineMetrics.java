package callsim.core;

import java.util.ArrayList;
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

    /**
     * The silences the agent left: dead-air spans joined when nothing but the caller's own voice
     * ("Hello? Are you there?") came between them, no agent speech and no hold. One per silence.
     */
    public List<Span> silences() {
        List<Span> joined = new ArrayList<>();
        for (Span span : deadAir) {
            Span last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && !agentSpokeOrHeld(last.endMs(), span.startMs())) {
                joined.set(joined.size() - 1, new Span(last.startMs(), span.endMs()));
            } else {
                joined.add(span);
            }
        }
        return joined;
    }

    private boolean agentSpokeOrHeld(long fromMs, long toMs) {
        return agentSpeech.stream().anyMatch(s -> s.startMs() < toMs && s.endMs() > fromMs)
                || holds.stream().anyMatch(h -> h.startMs() < toMs && h.endMs() > fromMs);
    }

    /** Nearest-rank percentile of the caller response latencies, or -1 when there were none. */
    public long callerResponseLatencyPercentileMs(int percentile) {
        if (callerResponseLatenciesMs.isEmpty()) return -1;
        long[] sorted = callerResponseLatenciesMs.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** The line as measured up to {@code endMs}: later instants dropped, spans cut there. */
    public LineMetrics until(long endMs) {
        return new LineMetrics(
                holds.stream().filter(h -> h.startMs() < endMs)
                        .map(h -> new HoldRecord(h.startMs(), Math.min(h.endMs(), endMs), h.announced())).toList(),
                agentInterruptionsAtMs.stream().filter(at -> at <= endMs).toList(),
                callerInterruptionsAtMs.stream().filter(at -> at <= endMs).toList(),
                cut(overtalk, endMs),
                // silence cut short by the end may no longer be long enough to count as dead air
                cut(deadAir, endMs).stream().filter(s -> s.lengthMs() > LineMonitor.DEAD_AIR_MS).toList(),
                cut(agentSpeech, endMs), cut(callerSpeech, endMs),
                callerResponseLatenciesMs);
    }

    private static List<Span> cut(List<Span> spans, long endMs) {
        return spans.stream().filter(s -> s.startMs() < endMs).map(s -> new Span(s.startMs(), Math.min(s.endMs(), endMs))).toList();
    }

    private static double seconds(List<Span> spans) {
        return spans.stream().mapToLong(Span::lengthMs).sum() / 1000.0;
    }
}
