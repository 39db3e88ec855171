package callsim.core;

import java.util.List;

/**
 * Everything the core knows about a drill at one moment: what was said, how the caller felt, what the line
 * measured, and the scorecard as if the drill ended then.
 */
public record DrillRecord(
        String scenarioId,
        Difficulty difficulty,
        long seed,
        Outcome outcome,
        String outcomeReason,
        long durationMs,
        List<TranscriptEntry> transcript,
        List<AngerPoint> anger,
        LineMetrics metrics,
        Scorecard score) {

    public DrillRecord {
        transcript = List.copyOf(transcript);
        anger = List.copyOf(anger);
    }
}
