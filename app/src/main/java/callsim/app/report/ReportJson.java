package callsim.app.report;

import callsim.core.AngerPoint;
import callsim.core.DrillRecord;
import callsim.core.Evidence;
import callsim.core.HoldRecord;
import callsim.core.LineMetrics;
import callsim.core.Scorecard;
import callsim.core.Span;
import callsim.core.TechniqueScore;
import callsim.core.TranscriptEntry;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** The report JSON of one drill: the fields supervisors, exports and `callsim report` rely on. */
public final class ReportJson {
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {}

    public static ObjectNode build(DrillInfo info, DrillRecord record, Instant endedAt, boolean complete) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("id", info.id());
        root.put("scenario", record.scenarioId());
        root.put("difficulty", record.difficulty().jsonName());
        root.put("seed", record.seed());
        root.put("agent", info.agent());
        root.put("dialledNumber", info.dialledNumber());
        root.put("line", info.line());
        root.put("startedAt", info.startedAt().toString());
        if (endedAt == null) root.putNull("endedAt"); else root.put("endedAt", endedAt.toString());
        root.put("complete", complete);
        root.put("durationMs", record.durationMs());
        root.put("outcome", record.outcome().jsonName());
        root.put("outcomeReason", record.outcomeReason());
        root.set("metrics", metrics(record.metrics()));
        root.set("score", score(record.score()));
        ArrayNode anger = root.putArray("anger");
        for (AngerPoint point : record.anger()) anger.addObject().put("atMs", point.atMs()).put("value", point.value());
        ArrayNode transcript = root.putArray("transcript");
        for (TranscriptEntry entry : record.transcript()) {
            transcript.addObject()
                    .put("speaker", entry.speaker().jsonName())
                    .put("startMs", entry.startMs())
                    .put("endMs", entry.endMs())
                    .put("text", entry.text());
        }
        root.put("recording", "recording.wav");
        return root;
    }

    private static ObjectNode score(Scorecard card) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("total", card.total());
        node.put("passMark", card.passMark());
        node.put("passed", card.passed());
        node.put("verdict", card.verdict());
        ArrayNode techniques = node.putArray("techniques");
        for (TechniqueScore technique : card.techniques()) {
            ObjectNode t = techniques.addObject()
                    .put("id", technique.id())
                    .put("name", technique.name())
                    .put("applicable", technique.applicable())
                    .put("score", technique.score());
            ArrayNode evidence = t.putArray("evidence");
            for (Evidence e : technique.evidence()) {
                ObjectNode item = evidence.addObject().put("atMs", e.atMs()).put("kind", e.kind());
                if (!e.words().isEmpty()) item.put("words", e.words());
                if (e.isMeasurement()) item.put("seconds", round(e.seconds()));
                if (!e.note().isEmpty()) item.put("note", e.note());
            }
        }
        ArrayNode advice = node.putArray("advice");
        card.advice().forEach(advice::add);
        return node;
    }

    private static ObjectNode metrics(LineMetrics m) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("holdCount", m.holdCount());
        node.put("holdSeconds", round(m.holdSeconds()));
        node.put("longestHoldSeconds", round(m.longestHoldSeconds()));
        node.put("agentInterruptions", m.agentInterruptions());
        node.put("callerInterruptions", m.callerInterruptions());
        node.put("overtalkSeconds", round(m.overtalkSeconds()));
        node.put("deadAirSeconds", round(m.deadAirSeconds()));
        node.put("agentTalkSeconds", round(m.agentTalkSeconds()));
        node.put("callerTalkSeconds", round(m.callerTalkSeconds()));
        ObjectNode latency = node.putObject("callerResponseLatencyMs");
        putPercentile(latency, "p50", m.callerResponseLatencyPercentileMs(50));
        putPercentile(latency, "p95", m.callerResponseLatencyPercentileMs(95));
        latency.put("count", m.callerResponseLatenciesMs().size());
        ObjectNode evidence = node.putObject("evidence");
        ArrayNode holds = evidence.putArray("holds");
        for (HoldRecord hold : m.holds()) {
            holds.addObject().put("startMs", hold.startMs()).put("endMs", hold.endMs()).put("announced", hold.announced());
        }
        times(evidence.putArray("agentInterruptionsAtMs"), m.agentInterruptionsAtMs());
        times(evidence.putArray("callerInterruptionsAtMs"), m.callerInterruptionsAtMs());
        spans(evidence.putArray("overtalk"), m.overtalk());
        spans(evidence.putArray("deadAir"), m.deadAir());
        times(evidence.putArray("callerResponseLatenciesMs"), m.callerResponseLatenciesMs());
        return node;
    }

    private static void putPercentile(ObjectNode node, String name, long value) {
        if (value < 0) node.putNull(name); else node.put(name, value);
    }

    private static void times(ArrayNode array, List<Long> values) {
        values.forEach(array::add);
    }

    private static void spans(ArrayNode array, List<Span> values) {
        for (Span span : values) array.addObject().put("startMs", span.startMs()).put("endMs", span.endMs());
    }

    private static double round(double seconds) {
        return Math.round(seconds * 100) / 100.0;
    }
}
