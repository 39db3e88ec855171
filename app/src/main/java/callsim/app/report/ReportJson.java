package callsim.app.report;

import callsim.review.report.DrillReport;
import callsim.review.report.ReportMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import callsim.core.DrillRecord;
import callsim.core.Evidence;
import callsim.core.LineMetrics;
import callsim.core.Scorecard;
import callsim.core.Span;
import callsim.core.Speaker;
import callsim.core.TechniqueScore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The drill record as the report.json {@link DrillReport} that the review, {@code callsim report} and the bench
 * read: one typed record, written by Jackson, so writer and readers cannot drift apart.
 */
public final class ReportJson {
    public static final ObjectMapper MAPPER = ReportMapper.MAPPER;

    private ReportJson() {}

    public static DrillReport build(DrillInfo info, DrillRecord record, Instant endedAt, boolean complete) {
        return build(info, record, endedAt, complete, Map.of()).withPostCall(null);
    }

    /** The final report of a phone drill whose post-call pass is still to come: its score is provisional. */
    public static DrillReport awaitingPostCall(DrillInfo info, DrillRecord record, Instant endedAt, boolean complete) {
        DrillReport live = build(info, record, endedAt, complete);
        return live.withPostCall(DrillReport.PostCall.pending(live.score()));
    }

    /**
     * The report scored from the post-call transcript ({@code postCall}, see PostCallScoring): each agent turn
     * keeps what the caller heard live ({@code heardLive}: the live transcript's text by the turn's start), and the live score is kept beside it.
     */
    public static DrillReport afterCall(DrillInfo info, DrillRecord postCall, Instant endedAt, boolean complete,
                                        Map<Long, String> heardLive, DrillReport.Score liveScore) {
        return build(info, postCall, endedAt, complete, heardLive).withPostCall(DrillReport.PostCall.done(liveScore));
    }

    private static DrillReport build(DrillInfo info, DrillRecord record, Instant endedAt, boolean complete, Map<Long, String> heardLive) {
        List<DrillReport.AngerPoint> anger = record.anger().stream().map(p -> new DrillReport.AngerPoint(p.atMs(), p.value())).toList();
        List<DrillReport.Turn> transcript = record.transcript().stream()
                .map(e -> new DrillReport.Turn(e.speaker().jsonName(), e.startMs(), e.endMs(), e.text(),
                        e.speaker() == Speaker.AGENT ? heardLive.get(e.startMs()) : null)).toList();
        return new DrillReport(info.id(), record.scenarioId(), record.difficulty().jsonName(), record.seed(), info.agent(),
                info.dialledNumber(), info.line(), info.startedAt(), endedAt, complete, record.durationMs(),
                record.outcome().jsonName(), record.outcomeReason(), metrics(record.metrics()), score(record.score()), anger, transcript,
                "recording.wav");
    }

    private static DrillReport.Score score(Scorecard card) {
        List<DrillReport.Technique> techniques = new ArrayList<>();
        for (TechniqueScore technique : card.techniques()) {
            List<DrillReport.Evidence> evidence = new ArrayList<>();
            for (Evidence e : technique.evidence()) {
                evidence.add(new DrillReport.Evidence(e.atMs(), e.kind(), e.words().isEmpty() ? null : e.words(),
                        e.isMeasurement() ? round(e.seconds()) : null, e.note().isEmpty() ? null : e.note()));
            }
            techniques.add(new DrillReport.Technique(technique.id(), technique.name(), technique.applicable(), technique.score(), evidence));
        }
        List<DrillReport.NotHeard> notHeard = card.notHeardClearly().stream().map(u -> new DrillReport.NotHeard(u.atMs(), u.note())).toList();
        return new DrillReport.Score(card.total(), card.passMark(), card.passed(), card.verdict(), techniques, card.advice(), notHeard);
    }

    private static DrillReport.Metrics metrics(LineMetrics m) {
        DrillReport.Latency latency = new DrillReport.Latency(percentile(m.callerResponseLatencyPercentileMs(50)),
                percentile(m.callerResponseLatencyPercentileMs(95)), m.callerResponseLatenciesMs().size());
        DrillReport.LineEvidence evidence = new DrillReport.LineEvidence(
                m.holds().stream().map(h -> new DrillReport.Hold(h.startMs(), h.endMs(), h.announced())).toList(),
                m.agentInterruptionsAtMs(), m.callerInterruptionsAtMs(), spans(m.overtalk()), spans(m.deadAir()),
                m.callerResponseLatenciesMs());
        return new DrillReport.Metrics(m.holdCount(), round(m.holdSeconds()), round(m.longestHoldSeconds()), m.agentInterruptions(),
                m.callerInterruptions(), round(m.overtalkSeconds()), round(m.deadAirSeconds()), round(m.agentTalkSeconds()),
                round(m.callerTalkSeconds()), latency, evidence);
    }

    private static Long percentile(long value) {
        return value < 0 ? null : value;
    }

    private static List<DrillReport.Span> spans(List<Span> values) {
        return values.stream().map(s -> new DrillReport.Span(s.startMs(), s.endMs())).toList();
    }

    private static double round(double seconds) {
        return Math.round(seconds * 100) / 100.0;
    }
}
